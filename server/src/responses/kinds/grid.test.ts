import { type Answer, type GridItemResults, type GridPlacement, type GridResults, type GridSlide, slideSchema } from '@ettor/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlideTally, type StoredAnswer, tally } from '../tally.js';

const grid = (extra: Record<string, unknown> = {}) =>
  slideSchema.parse({
    id: 'prio',
    kind: 'grid',
    question: 'Var hamnar förslagen?',
    items: [
      { id: 'skola', label: 'Ny skola' },
      { id: 'cykel', label: 'Cykelbana' },
      { id: 'bad', label: 'Badhus' },
    ],
    ...extra,
  }) as GridSlide;

let nextId = 0;
const stored = (answer: Answer, id = `r${(nextId += 1)}`): StoredAnswer => ({
  id,
  answer,
  updatedAt: '2025-01-01T10:00:00.000Z',
  hidden: false,
});
const places = (...placements: [string, number, number][]): Answer => ({
  kind: 'grid',
  placements: placements.map(([itemId, x, y]) => ({ itemId, x, y })),
});
const answer = (...placements: [string, number, number][]) => stored(places(...placements));

const none = (itemId: string): GridItemResults => ({ itemId, n: 0, meanX: null, meanY: null, sdX: null, sdY: null, hidden: false });

/** The results counted the plain way, from the answers themselves: what the incremental tally must agree with. */
function recount(slide: GridSlide, answers: readonly Answer[]): GridResults {
  const placements = answers.flatMap((a) => (a.kind === 'grid' ? a.placements : []));
  const fits = (p: GridPlacement) => p.x <= slide.max && p.y <= slide.max;
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const sd = (values: number[]) => Math.sqrt(mean(values.map((v) => (v - mean(values)) ** 2)));
  return {
    kind: 'grid',
    slideId: slide.id,
    respondents: answers.filter((a) => a.kind === 'grid').length,
    items: slide.items.map(({ id }) => {
      const mine = placements.filter((p) => p.itemId === id && fits(p));
      if (mine.length === 0) return none(id);
      const xs = mine.map((p) => p.x);
      const ys = mine.map((p) => p.y);
      return { itemId: id, n: mine.length, meanX: mean(xs), meanY: mean(ys), sdX: sd(xs), sdY: sd(ys), hidden: false };
    }),
  };
}

/** Equal, with means and spreads compared to twelve decimals: sums and plain sums round differently in the last bit. */
function expectSame(actual: GridResults, expected: GridResults): void {
  expect({ ...actual, items: [] }).toEqual({ ...expected, items: [] });
  expect(actual.items.map((item) => item.itemId)).toEqual(expected.items.map((item) => item.itemId));
  actual.items.forEach((item, index) => {
    const want = expected.items[index]!;
    expect(item.n).toBe(want.n);
    expect(item.hidden).toBe(want.hidden);
    for (const key of ['meanX', 'meanY', 'sdX', 'sdY'] as const) {
      if (want[key] === null) expect(item[key]).toBeNull();
      else expect(item[key]).toBeCloseTo(want[key], 12);
    }
  });
}

const gridResults = (results: ReturnType<typeof tally>): GridResults => {
  if (results.kind !== 'grid') throw new Error('expected grid results');
  return results;
};

describe('tally: grid', () => {
  it('no answers: every item of the slide, in its order, placed by nobody', () => {
    expect(tally(grid(), [])).toEqual({
      kind: 'grid',
      slideId: 'prio',
      respondents: 0,
      items: [none('skola'), none('cykel'), none('bad')],
    });
  });

  it('gives each item its n, its means and its population spread on each scale, in the slide order', () => {
    const results = gridResults(
      tally(grid(), [answer(['cykel', 2, 8], ['skola', 5, 5]), answer(['cykel', 4, 8]), answer(['cykel', 6, 2])]),
    );
    expect(results.respondents).toBe(3);
    expect(results.items.map((item) => item.itemId)).toEqual(['skola', 'cykel', 'bad']);
    // Bike lane: x 2, 4, 6 (mean 4, squared deviations 4 + 0 + 4 over 3); y 8, 8, 2 (mean 6, 4 + 4 + 16 over 3).
    const cykel = results.items[1]!;
    expect(cykel).toMatchObject({ n: 3, meanX: 4, meanY: 6, hidden: false });
    expect(cykel.sdX).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(cykel.sdY).toBeCloseTo(Math.sqrt(8), 12);
    expect(results.items[0]).toEqual({ itemId: 'skola', n: 1, meanX: 5, meanY: 5, sdX: 0, sdY: 0, hidden: false });
    expect(results.items[2]).toEqual(none('bad'));
  });

  it('gives a spread of exactly 0 when everyone agrees', () => {
    const results = gridResults(tally(grid({ max: 100 }), [answer(['bad', 97, 3]), answer(['bad', 97, 3]), answer(['bad', 97, 3])]));
    expect(results.items[2]).toEqual({ itemId: 'bad', n: 3, meanX: 97, meanY: 3, sdX: 0, sdY: 0, hidden: false });
  });

  it('counts every respondent once, whatever they placed, and ignores answers of another kind', () => {
    const results = tally(grid(), [
      answer(['bad', 1, 1]),
      answer(['skola', 1, 1], ['cykel', 1, 1], ['bad', 1, 1]),
      stored({ kind: 'choice', optionIds: ['bad'] }),
    ]);
    expect(results).toMatchObject({ respondents: 2, items: [{ n: 1 }, { n: 1 }, { n: 2 }] });
  });

  it('follows the slide as it is now: a removed item is left out, an added one shows zero, without a recount', () => {
    const counts = new SlideTally(grid());
    counts.upsert(answer(['skola', 3, 3], ['cykel', 7, 1]));
    counts.upsert(answer(['cykel', 9, 3]));
    counts.setSlide(
      grid({
        items: [
          { id: 'cykel', label: 'Cykelbana' },
          { id: 'park', label: 'Park' },
        ],
      }),
    );
    expect(counts.results()).toEqual({
      kind: 'grid',
      slideId: 'prio',
      respondents: 2,
      items: [{ itemId: 'cykel', n: 2, meanX: 8, meanY: 2, sdX: 1, sdY: 1, hidden: false }, none('park')],
    });
    // Put back, the removed item has kept its placements.
    counts.setSlide(grid());
    expect(counts.results()).toMatchObject({ items: [{ itemId: 'skola', n: 1, meanX: 3 }, { n: 2 }, { n: 0 }] });
  });

  it('leaves out placements beyond a lowered top of the scales, and takes them back when it is raised', () => {
    const counts = new SlideTally(grid());
    counts.upsert(answer(['cykel', 2, 4]));
    counts.upsert(answer(['cykel', 4, 9]));
    counts.upsert(answer(['cykel', 9, 0]));
    counts.setSlide(grid({ max: 5 }));
    expect(counts.results()).toMatchObject({ respondents: 3, items: [{ n: 0 }, { itemId: 'cykel', n: 1, meanX: 2, meanY: 4 }, { n: 0 }] });
    counts.setSlide(grid());
    expect(counts.results()).toMatchObject({ items: [{ n: 0 }, { itemId: 'cykel', n: 3, meanX: 5 }, { n: 0 }] });
  });

  it('a changed answer moves its placements and takes away exactly what it added', () => {
    const counts = new SlideTally(grid());
    counts.upsert(stored(places(['cykel', 10, 10], ['bad', 0, 0]), 'x'));
    counts.upsert(stored(places(['cykel', 2, 2]), 'y'));
    counts.upsert(stored(places(['skola', 6, 4]), 'x'));
    expect(counts.results()).toEqual({
      kind: 'grid',
      slideId: 'prio',
      respondents: 2,
      items: [
        { itemId: 'skola', n: 1, meanX: 6, meanY: 4, sdX: 0, sdY: 0, hidden: false },
        { itemId: 'cykel', n: 1, meanX: 2, meanY: 2, sdX: 0, sdY: 0, hidden: false },
        none('bad'),
      ],
    });
    expect(counts.size).toBe(2);
  });

  it('property: after any adds, changes and changes of kind, the counts equal a recount of the answers held', () => {
    const slide = grid({ max: 6 });
    const ids = [...slide.items.map((item) => item.id), 'gone'];
    const placement = fc.record({ itemId: fc.constantFrom(...ids), x: fc.integer({ min: 0, max: 8 }), y: fc.integer({ min: 0, max: 8 }) });
    const gridAnswer = fc
      .uniqueArray(placement, { minLength: 1, maxLength: 4, selector: (p) => p.itemId })
      .map((placements): Answer => ({ kind: 'grid', placements }));
    const other = fc.constant<Answer>({ kind: 'open', text: 'x' });
    const upsert = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      answer: fc.oneof({ weight: 5, arbitrary: gridAnswer }, { weight: 1, arbitrary: other }),
    });
    fc.assert(
      fc.property(fc.array(upsert, { maxLength: 40 }), fc.constantFrom(2, 6, 8), (steps, max) => {
        const counts = new SlideTally(slide);
        const held = new Map<string, Answer>();
        for (const step of steps) {
          counts.upsert(stored(step.answer, step.id));
          held.set(step.id, step.answer);
        }
        const now = { ...slide, max };
        counts.setSlide(now);
        expectSame(gridResults(counts.results()), recount(now, [...held.values()]));
        // And every answer taken back to nothing leaves the counts of no answers.
        for (const id of held.keys()) counts.upsert(stored({ kind: 'open', text: 'x' }, id));
        expect(counts.results()).toEqual(tally(now, []));
      }),
    );
  });
});
