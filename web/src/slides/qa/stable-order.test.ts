import type { QaQuestion } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { arrange, HOLD_MS, NO_HOLD, screenRanking, type Hold } from './stable-order';

const item = (id: string) => ({ id });
const ids = (items: readonly { id: string }[]) => items.map((entry) => entry.id);
const ranking = (...order: string[]) => order.map(item);

describe('arrange', () => {
  it('shows the first order at once, and starts no hold when nothing had to move', () => {
    const first = arrange(NO_HOLD, ranking('a', 'b', 'c'), 2, 1000);
    expect(ids(first.shown)).toEqual(['a', 'b']);
    expect(first.due).toBeNull();
    expect(first.hold.ids).toEqual(['a', 'b']);
  });

  it('moves at once after a calm spell, then holds the next order until the hold is over', () => {
    const calm: Hold = { ids: ['a', 'b', 'c'], since: 0 };
    const moved = arrange(calm, ranking('b', 'a', 'c'), 3, 10_000);
    expect(ids(moved.shown)).toEqual(['b', 'a', 'c']);
    expect(moved.hold.since).toBe(10_000);

    const soon = arrange(moved.hold, ranking('c', 'b', 'a'), 3, 10_000 + HOLD_MS - 1);
    expect(ids(soon.shown)).toEqual(['b', 'a', 'c']);
    expect(soon.due).toBe(10_000 + HOLD_MS);

    const later = arrange(soon.hold, ranking('c', 'b', 'a'), 3, 10_000 + HOLD_MS);
    expect(ids(later.shown)).toEqual(['c', 'b', 'a']);
    expect(later.due).toBeNull();
  });

  it('keeps a question that fell out of the top in its place until the hold is over, and lets a new top question wait', () => {
    const hold: Hold = { ids: ['a', 'b'], since: 5000 };
    const held = arrange(hold, ranking('n', 'a', 'b'), 2, 6000);
    expect(ids(held.shown)).toEqual(['a', 'b']);
    expect(held.due).toBe(5000 + HOLD_MS);
    expect(ids(arrange(held.hold, ranking('n', 'a', 'b'), 2, 9000).shown)).toEqual(['n', 'a']);
  });

  it('takes a question that left the ranking (hidden, say) away at once, and fills the free place at the end', () => {
    const hold: Hold = { ids: ['a', 'b', 'c'], since: 5000 };
    const gone = arrange(hold, ranking('n', 'a', 'c', 'd'), 3, 6000);
    expect(ids(gone.shown)).toEqual(['a', 'c', 'n']);
    expect(gone.hold.since).toBe(5000);
    expect(gone.due).toBe(5000 + HOLD_MS);
  });

  it('shows the latest data of each question in the held order', () => {
    const hold: Hold = { ids: ['a', 'b'], since: 5000 };
    const ranked = [
      { id: 'b', votes: 9 },
      { id: 'a', votes: 3 },
    ];
    expect(arrange(hold, ranked, 2, 5001).shown).toEqual([
      { id: 'a', votes: 3 },
      { id: 'b', votes: 9 },
    ]);
  });

  it('shows fewer when the limit shrinks, keeping the order of those that stay', () => {
    const hold: Hold = { ids: ['b', 'a', 'c'], since: 5000 };
    expect(ids(arrange(hold, ranking('a', 'b', 'c'), 2, 5001).shown)).toEqual(['b', 'a']);
  });
});

const question = (id: string, votes: number, fields: Partial<QaQuestion> = {}): QaQuestion => ({
  id,
  text: id,
  name: null,
  askedAt: `2026-12-02T10:00:0${id.length}.000Z`,
  votes,
  status: 'shown',
  answered: false,
  pinned: false,
  ...fields,
});

describe('screenRanking', () => {
  it('puts the pinned question apart, the unanswered before the answered, each by votes, and never a hidden or pending one', () => {
    const { pinned, ranked } = screenRanking([
      question('answered', 9, { answered: true }),
      question('few', 1),
      question('many', 5),
      question('pinned', 2, { pinned: true }),
      question('hidden', 20, { status: 'hidden' }),
      question('pending', 0, { status: 'pending' }),
      question('old', 1, { askedAt: '2026-12-02T09:00:00.000Z' }),
    ]);
    expect(pinned?.id).toBe('pinned');
    expect(ids(ranked)).toEqual(['many', 'old', 'few', 'answered']);
  });

  it('has no pinned question when the pinned one is hidden', () => {
    expect(screenRanking([question('p', 1, { pinned: true, status: 'hidden' })])).toEqual({ pinned: null, ranked: [] });
  });
});
