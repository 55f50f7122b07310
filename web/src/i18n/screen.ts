// The big screen: what it says while results wait, its keys and toolbar.

export const screenSv = {
  'screen.answers': '{count, plural, one {# svar} other {# svar}}',
  'screen.waiting': 'Presentatören visar resultaten när det är dags.',
  'screen.howToAnswer': 'Gå till {url} och skriv koden {code}.',
  'screen.showResults': 'Visa resultaten',
  'screen.hideResults': 'Dölj resultaten',
  'screen.keySpace': 'Mellanslag',
};

export const screenEn: typeof screenSv = {
  'screen.answers': '{count, plural, one {# answer} other {# answers}}',
  'screen.waiting': 'The presenter will show the results when the time comes.',
  'screen.howToAnswer': 'Go to {url} and type the code {code}.',
  'screen.showResults': 'Show the results',
  'screen.hideResults': 'Hide the results',
  'screen.keySpace': 'Space',
};
