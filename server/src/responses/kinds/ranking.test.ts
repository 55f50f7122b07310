import { type RankingItemResults, type RankingResults, type RankingSlide, slideSchema } from '@ettor/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_CONTEXT, SlideTally, type StoredAnswer, tally } from '../tally.js';
import { rankingTally } from './ranking.js';

const slideOf = (...ids: string[]) =>
  slideSchema.parse({
    id: 'prio',
    kind: 'ranking',
    question: 'Vad är viktigast?',
    items: ids.map((id) => ({ id, label: id.toUpperCase() })),
  }) as RankingSlide;

const slide = slideOf('kompetens', 'ekonomi', 'samverkan');

let nextId = 0;
const ranked = (order: string[], id = `r${(nextId += 1)}`): StoredAnswer => ({
  id,
  answer: { kind: 'ranking', order },
  updatedAt: '2025-01-01T10:00:00.000Z',
  hidden: false,
});

/** The results counted the slow, obvious way: each order cut down to the items on the slide, its position the place. */
function recount(on: RankingSlide, orders: readonly string[][]): RankingResults {
  const ids = on.items.map((item) => item.id);
  const items = ids.map((itemId): RankingItemResults => {
    const places = ids.map(() => 0);
    let n = 0;
    let sum = 0;
    for (const order of orders) {
      const place = order.filter((id) => ids.includes(id)).indexOf(itemId) + 1;
      if (place === 0) continue;
      places[place - 1] = (places[place - 1] ?? 0) + 1;
      n += 1;
      sum += place;
    }
    return { itemId, places, n, meanRank: n > 0 ? sum / n : null, points: ids.length * n - sum };
  });
  return { kind: 'ranking', slideId: on.id, respondents: orders.length, items };
}

describe('tally: ranking', () => {
  it('gives every item of the slide zero counts and no mean before any answer', () => {
    expect(tally(slide, [])).toEqual({
      kind: 'ranking',
      slideId: 'prio',
      respondents: 0,
      items: slide.items.map(({ id }) => ({ itemId: id, places: [0, 0, 0], n: 0, meanRank: null, points: 0 })),
    });
  });

  it('counts people per place, the mean place and Borda points, in the slide order', () => {
    const results = tally(slide, [
      ranked(['kompetens', 'ekonomi', 'samverkan']),
      ranked(['kompetens', 'samverkan', 'ekonomi']),
      ranked(['ekonomi', 'kompetens', 'samverkan']),
      ranked(['kompetens', 'ekonomi', 'samverkan']),
    ]);
    expect(results).toEqual({
      kind: 'ranking',
      slideId: 'prio',
      respondents: 4,
      items: [
        // First three times and second once: mean (1+1+2+1)/4, points 2+2+1+2.
        { itemId: 'kompetens', places: [3, 1, 0], n: 4, meanRank: 1.25, points: 7 },
        { itemId: 'ekonomi', places: [1, 2, 1], n: 4, meanRank: 2, points: 4 },
        { itemId: 'samverkan', places: [0, 1, 3], n: 4, meanRank: 2.75, points: 1 },
      ],
    });
  });

  it('gives each person items − 1 points for first place and none for last, so the points of a slide add up', () => {
    const results = tally(slideOf('a', 'b', 'c', 'd', 'e'), [ranked(['e', 'd', 'c', 'b', 'a']), ranked(['a', 'b', 'c', 'd', 'e'])]);
    expect(results.kind === 'ranking' && results.items.map((item) => item.points)).toEqual([4, 4, 4, 4, 4]);
    expect(results.kind === 'ranking' && results.items.map((item) => item.meanRank)).toEqual([3, 3, 3, 3, 3]);
  });

  it('moves a changed answer, and counts a row seen twice once', () => {
    const counts = new SlideTally(slide);
    counts.upsert(ranked(['kompetens', 'ekonomi', 'samverkan'], 'x'));
    counts.upsert(ranked(['samverkan', 'ekonomi', 'kompetens'], 'x'));
    counts.upsert(ranked(['samverkan', 'ekonomi', 'kompetens'], 'x'));
    expect(counts.results()).toEqual(recount(slide, [['samverkan', 'ekonomi', 'kompetens']]));
    expect(counts.results()).toMatchObject({ respondents: 1 });
  });

  it('re-ranks against the slide as it is now: a removed item is left out and the places close up behind it', () => {
    const counts = new SlideTally(slideOf('a', 'b', 'c', 'd'));
    counts.upsert(ranked(['c', 'a', 'd', 'b']));
    counts.upsert(ranked(['a', 'b', 'c', 'd']));
    counts.setSlide(slideOf('a', 'b', 'd'));
    expect(counts.results()).toEqual({
      kind: 'ranking',
      slideId: 'prio',
      respondents: 2,
      items: [
        // Without c, the first person's order reads a, d, b: a first twice, b second once and last once.
        { itemId: 'a', places: [2, 0, 0], n: 2, meanRank: 1, points: 4 },
        { itemId: 'b', places: [0, 1, 1], n: 2, meanRank: 2.5, points: 1 },
        { itemId: 'd', places: [0, 1, 1], n: 2, meanRank: 2.5, points: 1 },
      ],
    });
  });

  it('shows an item added after answers at zero, and an item put back with its counts', () => {
    const counts = new SlideTally(slide);
    counts.upsert(ranked(['samverkan', 'kompetens', 'ekonomi']));
    const grown = slideOf('kompetens', 'ekonomi', 'samverkan', 'digitalisering');
    counts.setSlide(grown);
    const results = counts.results();
    expect(results).toEqual(recount(grown, [['samverkan', 'kompetens', 'ekonomi']]));
    expect(results.kind === 'ranking' && results.items[3]).toEqual({
      itemId: 'digitalisering',
      places: [0, 0, 0, 0],
      n: 0,
      meanRank: null,
      points: 0,
    });
    counts.setSlide(slideOf('kompetens', 'ekonomi'));
    counts.setSlide(slide);
    expect(counts.results()).toEqual(recount(slide, [['samverkan', 'kompetens', 'ekonomi']]));
  });

  it('counts respondents, not items, and only answers of its own kind', () => {
    const counts = new SlideTally(slide);
    counts.upsert(ranked(['kompetens', 'ekonomi', 'samverkan'], 'x'));
    counts.upsert(ranked(['ekonomi', 'kompetens', 'samverkan'], 'y'));
    counts.upsert({ ...ranked([], 'z'), answer: { kind: 'choice', optionIds: ['kompetens'] } });
    expect(counts.results()).toMatchObject({ respondents: 2 });
    counts.upsert({ ...ranked([], 'y'), answer: { kind: 'open', text: 'byte' } });
    expect(counts.results()).toEqual(recount(slide, [['kompetens', 'ekonomi', 'samverkan']]));
  });

  /** Orders as phones send them, some from before the slide was edited: of any of the ids, each at most once. */
  const universe = ['a', 'b', 'c', 'd', 'e', 'f'];
  const orders = fc.array(fc.shuffledSubarray(universe, { minLength: 1 }), { maxLength: 40 });
  const slides = fc.shuffledSubarray(universe, { minLength: 2 }).map((ids) => slideOf(...ids));

  it('gives the same results as counting each order over the slide as it is now', () => {
    fc.assert(
      fc.property(orders, slides, (given, on) => {
        expect(
          tally(
            on,
            given.map((order) => ranked(order)),
          ),
        ).toEqual(recount(on, given));
      }),
    );
  });

  it('takes away exactly what it added: after any adds and removes the counts equal a recount of what is left', () => {
    fc.assert(
      fc.property(orders, fc.array(fc.boolean(), { maxLength: 40 }), slides, (given, removed, on) => {
        const counts = rankingTally.empty();
        const held = given.map((order) => rankingTally.held({ ...ranked(order), answer: { kind: 'ranking', order } }, NO_CONTEXT));
        held.forEach((one) => rankingTally.add(counts, one));
        const kept = given.filter((_, index) => !removed[index]);
        held.forEach((one, index) => {
          if (removed[index]) rankingTally.remove(counts, one);
        });
        expect(rankingTally.results(on, counts, NO_CONTEXT)).toEqual(recount(on, kept));
        held.forEach((one, index) => {
          if (!removed[index]) rankingTally.remove(counts, one);
        });
        // Nothing left behind: the counts of no answers are the empty counts, not maps of zeros.
        expect(counts).toEqual(rankingTally.empty());
      }),
    );
  });
});
