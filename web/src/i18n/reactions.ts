// Reactions as phones offer them; in Swedish (English in the -en module beside it). The presenter's texts are in ./reactions-presenter.ts.

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
