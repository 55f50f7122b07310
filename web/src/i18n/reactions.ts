// Reactions as phones offer them; spread into both core catalogues. The presenter's texts are in ./reactions-presenter.ts.

export const reactionsSv = {
  'reactions.label': 'Reagera på det som visas',
  'reactions.send': 'Skicka {name}',
  'reactions.sent': '{name} skickad',
  'reaction.heart': 'hjärta',
  'reaction.applause': 'applåd',
  'reaction.thumbsup': 'tummen upp',
  'reaction.laugh': 'skratt',
  'reaction.surprise': 'förvåning',
  'reaction.thinking': 'fundering',
  'error.reactions_off': 'Presentatören har stängt av reaktionerna.',
};

export const reactionsEn: typeof reactionsSv = {
  'reactions.label': 'React to what is shown',
  'reactions.send': 'Send {name}',
  'reactions.sent': '{name} sent',
  'reaction.heart': 'heart',
  'reaction.applause': 'applause',
  'reaction.thumbsup': 'thumbs up',
  'reaction.laugh': 'laughter',
  'reaction.surprise': 'surprise',
  'reaction.thinking': 'pondering',
  'error.reactions_off': 'The presenter has turned reactions off.',
};
