import { type QaSlide, QA_LIMITS, slideSchema } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { type StoredQuestion, buildQa } from './qa.js';

const slide = slideSchema.parse({ id: 'qa', kind: 'qa', question: 'Frågor?' }) as QaSlide;

const stored = (id: string, participantId: string, over: Partial<StoredQuestion> = {}): StoredQuestion => ({
  id,
  slideId: 'qa',
  participantId,
  text: `Fråga ${id}`,
  name: null,
  askedAt: `2026-12-02T10:00:${id.padStart(2, '0')}.000Z`,
  votes: 0,
  status: 'shown',
  answered: false,
  pinned: false,
  ...over,
});

describe('buildQa', () => {
  it('counts the people who asked, every question and those awaiting approval, and never says who asked', () => {
    const results = buildQa({
      slide,
      live: true,
      questions: [
        stored('1', 'anna', { votes: 1 }),
        stored('2', 'anna', { votes: 4 }),
        stored('3', 'bo', { status: 'pending' }),
        stored('4', 'cecilia', { slideId: 'another' }),
      ],
    });
    expect(results).toMatchObject({ kind: 'qa', slideId: 'qa', respondents: 2, total: 3, pending: 1 });
    expect(results.questions.map((question) => question.id)).toEqual(['2', '1', '3']);
    expect(JSON.stringify(results)).not.toContain('anna');
  });

  it('lists every question in a report, and only as many as a screen can use live', () => {
    const many = Array.from({ length: QA_LIMITS.listedPerPart * 3 }, (_, n) =>
      stored(String(n), `p${n}`, { askedAt: new Date(Date.UTC(2026, 11, 2, 10, 0, 0, n)).toISOString(), votes: n % 7 }),
    );
    expect(buildQa({ slide, questions: many, live: false }).questions).toHaveLength(many.length);
    const live = buildQa({ slide, questions: many, live: true });
    expect(live.questions.length).toBeLessThanOrEqual(QA_LIMITS.listedPerPart * 2);
    expect(live.total).toBe(many.length);
  });
});
