import { type PointsAllocation, type PointsAnswer, type PointsSlide, slideSchema } from '@ettor/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_CONTEXT, SlideTally, tally } from '../tally.js';
import type { StoredAnswerOf } from './kind.js';
import { pointsTally } from './points.js';

const slide = (items: [string, string][], budget = 100) =>
  slideSchema.parse({
    id: 'budget',
    kind: 'points',
    question: 'Var ska kommunen satsa?',
    items: items.map(([id, label]) => ({ id, label })),
    budget,
  }) as PointsSlide;

const budget = slide([
  ['skola', 'Skolan'],
  ['vard', 'Äldrevården'],
  ['buss', 'Kollektivtrafiken'],
]);

const answer = (...allocations: [string, number][]): PointsAnswer => ({
  kind: 'points',
  allocations: allocations.map(([itemId, points]) => ({ itemId, points })),
});

const stored = (id: string, given: PointsAnswer): StoredAnswerOf<'points'> => ({
  id,
  answer: given,
  updatedAt: '2025-01-01T10:00:00.000Z',
  hidden: false,
});

const context = NO_CONTEXT;

/** Answers kept by id and counted as they come, replaced the way SlideTally replaces them: remove the old, add the new. */
function live() {
  const counts = pointsTally.empty();
  const held = new Map<string, readonly PointsAllocation[]>();
  return {
    counts,
    upsert(id: string, given: PointsAnswer) {
      const previous = held.get(id);
      if (previous) pointsTally.remove(counts, previous);
      const next = pointsTally.held(stored(id, given), context);
      held.set(id, next);
      pointsTally.add(counts, next);
    },
    withdraw(id: string) {
      const previous = held.get(id);
      if (!previous) return;
      pointsTally.remove(counts, previous);
      held.delete(id);
    },
  };
}

/** The results of answers counted from nothing, one by one. */
function recount(on: PointsSlide, answers: readonly PointsAnswer[]) {
  const counts = pointsTally.empty();
  answers.forEach((given, index) => pointsTally.add(counts, pointsTally.held(stored(`r${index}`, given), context)));
  return pointsTally.results(on, counts, context);
}

describe('tally: points', () => {
  it('no answers: every item at zero, no mean', () => {
    expect(pointsTally.results(budget, pointsTally.empty(), context)).toEqual({
      kind: 'points',
      slideId: 'budget',
      respondents: 0,
      items: [
        { itemId: 'skola', total: 0, mean: null, n: 0 },
        { itemId: 'vard', total: 0, mean: null, n: 0 },
        { itemId: 'buss', total: 0, mean: null, n: 0 },
      ],
    });
  });

  it('sums points per item in slide order; the mean is per respondent, counting those who gave nothing as 0', () => {
    expect(recount(budget, [answer(['skola', 60], ['vard', 40]), answer(['skola', 20], ['buss', 10]), answer(['vard', 100])])).toEqual({
      kind: 'points',
      slideId: 'budget',
      respondents: 3,
      items: [
        { itemId: 'skola', total: 80, mean: 80 / 3, n: 2 },
        { itemId: 'vard', total: 140, mean: 140 / 3, n: 2 },
        { itemId: 'buss', total: 10, mean: 10 / 3, n: 1 },
      ],
    });
  });

  it('takes away exactly what a replaced answer added', () => {
    const room = live();
    room.upsert('a', answer(['skola', 100]));
    room.upsert('b', answer(['vard', 50]));
    room.upsert('a', answer(['buss', 30], ['vard', 20]));
    expect(pointsTally.results(budget, room.counts, context)).toEqual(
      recount(budget, [answer(['vard', 50]), answer(['buss', 30], ['vard', 20])]),
    );
    room.withdraw('a');
    room.withdraw('b');
    expect(room.counts).toEqual(pointsTally.empty());
  });

  it("counts a changed answer once, and answers of another kind not at all, in the room's own tally", () => {
    const room = new SlideTally(budget);
    room.upsert(stored('a', answer(['skola', 100])));
    room.upsert(stored('b', answer(['vard', 30], ['buss', 30])));
    room.upsert(stored('a', answer(['vard', 50], ['buss', 50])));
    room.upsert({ id: 'c', answer: { kind: 'choice', optionIds: ['skola'] }, updatedAt: '2025-01-01T10:00:00.000Z', hidden: false });
    expect(room.results()).toEqual(recount(budget, [answer(['vard', 30], ['buss', 30]), answer(['vard', 50], ['buss', 50])]));
    expect(tally(budget, [stored('a', answer(['skola', 100])), stored('a', answer(['vard', 10]))])).toMatchObject({
      respondents: 1,
      items: [{ total: 0 }, { total: 10, mean: 10, n: 1 }, { total: 0 }],
    });
  });

  it('follows the slide as it is now: a removed item is left out, an added one shows zero, and one put back keeps its points', () => {
    const room = live();
    room.upsert('a', answer(['skola', 70], ['buss', 30]));
    room.upsert('b', answer(['buss', 100]));
    const edited = slide([
      ['skola', 'Skolan'],
      ['bibliotek', 'Biblioteket'],
    ]);
    expect(pointsTally.results(edited, room.counts, context)).toEqual({
      kind: 'points',
      slideId: 'budget',
      respondents: 2,
      items: [
        { itemId: 'skola', total: 70, mean: 35, n: 1 },
        { itemId: 'bibliotek', total: 0, mean: 0, n: 0 },
      ],
    });
    expect(pointsTally.results(budget, room.counts, context).items.find((item) => item.itemId === 'buss')).toEqual({
      itemId: 'buss',
      total: 130,
      mean: 65,
      n: 2,
    });
  });

  it('counts a respondent whose points all went to items since removed', () => {
    const room = live();
    room.upsert('a', answer(['buss', 100]));
    const results = pointsTally.results(
      slide([
        ['skola', 'Skolan'],
        ['vard', 'Vården'],
      ]),
      room.counts,
      context,
    );
    expect(results.respondents).toBe(1);
    expect(results.items.map((item) => item.mean)).toEqual([0, 0]);
  });

  it('never counts a zero as a giver', () => {
    const results = recount(budget, [answer(['skola', 0], ['vard', 10])]);
    expect(results.items.map((item) => item.n)).toEqual([0, 1, 0]);
  });

  it('property: after any sequence of answers, changes and withdrawals the counts equal a recount, and remove undoes add', () => {
    const ids = ['skola', 'vard', 'buss', 'gone'];
    const allocations = fc
      .uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: ids.length })
      .chain((chosen) => fc.tuple(...chosen.map((itemId) => fc.integer({ min: 1, max: 100 }).map((points) => ({ itemId, points })))));
    const step = fc.oneof(
      fc.record({ op: fc.constant('upsert' as const), who: fc.integer({ min: 0, max: 7 }), given: allocations }),
      fc.record({ op: fc.constant('withdraw' as const), who: fc.integer({ min: 0, max: 7 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const room = live();
        const final = new Map<number, PointsAnswer>();
        for (const s of steps) {
          if (s.op === 'upsert') {
            const given: PointsAnswer = { kind: 'points', allocations: s.given };
            room.upsert(`p${s.who}`, given);
            final.set(s.who, given);
          } else {
            room.withdraw(`p${s.who}`);
            final.delete(s.who);
          }
        }
        const answers = [...final.values()];
        const results = pointsTally.results(budget, room.counts, context);
        expect(results).toEqual(recount(budget, answers));
        // The numbers themselves, worked out directly from the answers.
        expect(results.respondents).toBe(answers.length);
        for (const item of results.items) {
          const given = answers.flatMap((a) => a.allocations.filter((allocation) => allocation.itemId === item.itemId));
          const total = given.reduce((sum, allocation) => sum + allocation.points, 0);
          expect(item).toEqual({ itemId: item.itemId, total, mean: answers.length > 0 ? total / answers.length : null, n: given.length });
        }
        for (const id of final.keys()) room.withdraw(`p${id}`);
        expect(room.counts).toEqual(pointsTally.empty());
      }),
    );
  });
});
