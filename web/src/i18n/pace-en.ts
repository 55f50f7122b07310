// The English texts of ./pace.ts, in a module of their own: a Swedish phone never downloads them.
import type { paceSv } from './pace';

export const paceEn: Record<keyof typeof paceSv, string> = {
  'error.session_closed': 'This session has closed and takes no more answers.',

  'pace.nav': 'Slides',
  'pace.previous': 'Previous',
  'pace.next': 'Next',
  'pace.openUntil': 'You can answer until {date}.',
  'pace.closed': 'This session closed on {date}.',

  'follow.label': 'I’m not in the room – show the big screen’s results',
  'follow.count': '{count, plural, one {# answer} other {# answers}}',
  'follow.mean': 'mean {mean} of {steps}',
  'follow.rank': 'place {rank} on average',
  'follow.points': '{points} points on average',
  'follow.place': '{x} {meanX}, {y} {meanY}',
  'follow.outside': 'Outside the areas',
  'follow.none': 'No answers yet.',
};
