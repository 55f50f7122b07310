// The English texts of ./reactions.ts, in a module of their own: a Swedish phone never downloads them.
import type { reactionsSv } from './reactions';

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
