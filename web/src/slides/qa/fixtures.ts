// A town hall's questions for the tests: one answered, one hidden by the presenter, one awaiting approval.
import type { QaQuestion, QaResults, QaSlide } from '@ettor/protocol';

export const slide: QaSlide = {
  id: 'fragor',
  kind: 'qa',
  question: 'Vad vill du fråga kommunstyrelsen?',
  notes: '',
  anytime: true,
  approveFirst: false,
  names: true,
  maxLength: 100,
};

export const question = (id: string, text: string, votes: number, minute: number, fields: Partial<QaQuestion> = {}): QaQuestion => ({
  id,
  text,
  name: null,
  askedAt: `2026-12-02T10:${String(minute).padStart(2, '0')}:00.000Z`,
  votes,
  status: 'shown',
  answered: false,
  pinned: false,
  ...fields,
});

export const skola = question('skola', 'När öppnar den nya skolan?', 9, 2, { name: 'Anna' });
export const budget = question('budget', 'Hur går det med budgeten?', 5, 1);
export const buss = question('buss', 'Varför går bussen så sällan på kvällen?', 2, 3, { answered: true });
export const dold = question('dold', 'En fråga som presentatören dolde', 12, 4, { status: 'hidden' });
export const cykel = question('cykel', 'Kan vi få fler cykelbanor?', 0, 5, { status: 'pending' });

/** Everything, as the presenter gets it: most upvoted first. */
export const results: QaResults = {
  kind: 'qa',
  slideId: 'fragor',
  respondents: 4,
  total: 5,
  pending: 1,
  hidden: 1,
  questions: [dold, skola, budget, buss, cykel],
};

/** What phones get: only the questions everyone may see. */
export const publicResults: QaResults = { ...results, questions: [skola, budget, buss] };
