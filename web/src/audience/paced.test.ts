import { slideSchema, type PacedSlide } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { placeIn, stepFrom } from './paced';

const deck: PacedSlide[] = [
  slideSchema.parse({ id: 'intro', kind: 'content', heading: 'Välkommen' }),
  slideSchema.parse({
    id: 'role',
    kind: 'choice',
    question: 'Roll?',
    options: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ],
  }),
  slideSchema.parse({ id: 'words', kind: 'wordcloud', question: 'Ett ord?' }),
  slideSchema.parse({ id: 'board', kind: 'leaderboard', heading: 'Topplistan' }),
].map((slide) => ({ slide, votingOpen: true, round: 0, resultsShown: true }));

describe('moving through a deck at one’s own pace', () => {
  it('resumes on the slide the phone was on, or on the first when there is none or it is gone', () => {
    expect(placeIn(deck, 'words')).toBe(2);
    expect(placeIn(deck, null)).toBe(0);
    expect(placeIn(deck, 'deleted')).toBe(0);
    expect(placeIn([], 'words')).toBe(0);
  });

  it('steps one slide at a time and stops at either end', () => {
    expect(stepFrom(deck, 0, 1)).toBe('role');
    expect(stepFrom(deck, 2, -1)).toBe('role');
    expect(stepFrom(deck, 0, -1)).toBeNull();
    expect(stepFrom(deck, 3, 1)).toBeNull();
  });
});
