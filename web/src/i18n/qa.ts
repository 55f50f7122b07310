// "Frågor från publiken" (Q&A) as phones show it: asking, upvoting and the list of questions; in Swedish (the core
// catalogue; English in ./qa-en.ts). The big screen's, the control view's and the editor's texts are in ./qa-presenter.ts, which phones never load.

export const qaSv = {
  'qa.heading': 'Frågor från publiken',
  'qa.anonymous': 'Anonym',
  'qa.answered': 'Besvarad',

  'qa.ask.text': 'Din fråga',
  'qa.ask.name': 'Ditt namn (frivilligt)',
  'qa.ask.nameHint': 'Lämna fältet tomt om du vill fråga anonymt.',
  'qa.ask.anonymous': 'Du frågar anonymt.',
  'qa.ask.signed': 'Du frågar som {name}.',
  'qa.ask.onlyAnonymous': 'Alla frågor här är anonyma.',
  'qa.ask.approveFirst': 'Presentatören går igenom frågorna innan de visas för alla.',
  'qa.ask.submit': 'Skicka frågan',
  'qa.ask.sending': 'Skickar…',
  'qa.ask.queued': 'Frågan skickas när anslutningen är tillbaka…',
  'qa.ask.sent': 'Tack! Din fråga är skickad.',
  'qa.ask.sentPending': 'Tack! Din fråga är skickad och väntar på godkännande innan den visas för alla.',
  'qa.ask.refused': 'Frågan skickades inte: {message}',
  'qa.ask.open': 'Ställ en fråga',
  'qa.ask.to': 'Din fråga hamnar under ”{question}”.',

  'qa.error.empty': 'Skriv en fråga först.',
  'qa.error.tooLong': 'Frågan får vara högst {max} tecken.',
  'qa.error.nameTooLong': 'Namnet får vara högst {max} tecken.',

  'qa.phone.questions': 'Frågor hittills',
  'qa.phone.none': 'Inga frågor än. Ställ den första!',
  'qa.phone.sort': 'Sortera',
  'qa.phone.popular': 'Populärast',
  'qa.phone.newest': 'Nyast',
  'qa.phone.vote': 'Rösta på ”{text}”, {votes}',
  'qa.phone.own': 'Din fråga',
  'qa.phone.ownVote': '”{text}” är din egen fråga, så du kan inte rösta på den. {votes}',
  'qa.phone.pending': 'Väntar på godkännande',
  'qa.phone.pinned': 'Visas på storbilden',
  'qa.phone.voteQueued': 'Rösten skickas när anslutningen är tillbaka.',
  'qa.phone.voteRefused': 'Rösten räknades inte: {message}',
} as const;
