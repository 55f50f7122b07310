import { type Answer, type PinRegion, type PinSlide, inRegion, pinCell, slideSchema } from '@ettor/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_CONTEXT, SlideTally, type StoredAnswer, tally } from '../tally.js';
import { pinTally } from './pin.js';

const region = (id: string, x: number, y: number, width: number, height: number): PinRegion => ({ id, label: id, x, y, width, height });
const north = region('norr', 0, 0, 1, 0.5);
const south = region('syd', 0, 0.5, 1, 0.5);
const centre = region('mitt', 0.25, 0.25, 0.5, 0.5);

const pinSlide = (regions: PinRegion[] = [north, south]) =>
  slideSchema.parse({
    id: 'karta',
    kind: 'pin',
    question: 'Var bor du?',
    image: { assetId: 'asset-0001', alt: 'Karta' },
    regions,
  }) as PinSlide;

const pin = (id: string, x: number, y: number): StoredAnswer => ({
  id,
  answer: { kind: 'pin', x, y },
  updatedAt: '2025-01-01T10:00:00.000Z',
  hidden: false,
});

describe('tally: pin', () => {
  it('no answers: no cells, every region at zero', () => {
    expect(tally(pinSlide([north, south, centre]), [])).toEqual({
      kind: 'pin',
      slideId: 'karta',
      respondents: 0,
      cells: [],
      regions: [
        { regionId: 'norr', count: 0 },
        { regionId: 'syd', count: 0 },
        { regionId: 'mitt', count: 0 },
      ],
      outside: 0,
    });
  });

  it('counts pins per cell, non-empty cells only in reading order, and per region, overlapping regions both', () => {
    const results = tally(pinSlide([north, south, centre]), [
      pin('a', 0.3, 0.3),
      pin('b', 0.301, 0.31),
      pin('c', 0.9, 0.9),
      pin('d', 0.1, 0.1),
      // On the line north and south share: in both.
      pin('e', 0.6, 0.5),
    ]);
    expect(results).toEqual({
      kind: 'pin',
      slideId: 'karta',
      respondents: 5,
      cells: [
        { column: 4, row: 4, count: 1 },
        { column: 12, row: 12, count: 2 },
        { column: 24, row: 20, count: 1 },
        { column: 36, row: 36, count: 1 },
      ],
      regions: [
        { regionId: 'norr', count: 4 },
        { regionId: 'syd', count: 2 },
        { regionId: 'mitt', count: 3 },
      ],
      // North and south cover the image between them.
      outside: 0,
    });
  });

  it('without regions, counts every pin as outside', () => {
    expect(tally(pinSlide([]), [pin('a', 0.1, 0.1), pin('b', 0.1, 0.1), pin('c', 1, 1)])).toMatchObject({
      respondents: 3,
      regions: [],
      outside: 3,
    });
    const counts = new SlideTally(pinSlide([]));
    counts.upsert(pin('a', 0.5, 0.5));
    expect(counts.results()).toMatchObject({ respondents: 1, outside: 1 });
    counts.upsert(pin('b', 0, 0));
    counts.upsert(pin('a', 0.9, 0.2));
    expect(counts.results()).toMatchObject({ respondents: 2, outside: 2 });
  });

  it('counts the pins outside overlapping regions exactly, a pin in two regions once', () => {
    const big = region('stor', 0.1, 0.1, 0.5, 0.5);
    const small = region('liten', 0.3, 0.3, 0.5, 0.5);
    const answers = [
      // Far from both.
      pin('a', 0.95, 0.05),
      pin('b', 0.05, 0.95),
      pin('c', 0.9, 0.1),
      // Inside both.
      pin('d', 0.4, 0.4),
      // On the big region's left edge, and just left of it, in the same heat-layer cell.
      pin('e', 0.1, 0.25),
      pin('f', 0.099, 0.25),
    ];
    expect(tally(pinSlide([big, small]), answers)).toMatchObject({
      respondents: 6,
      regions: [
        { regionId: 'stor', count: 2 },
        { regionId: 'liten', count: 1 },
      ],
      outside: 4,
    });
    // The same region twice still counts each pin once.
    expect(tally(pinSlide([big, { ...big, id: 'igen' }]), answers)).toMatchObject({ outside: 4 });
  });

  it('puts pins on the right and bottom edges in the last cells', () => {
    expect(tally(pinSlide([]), [pin('a', 1, 1), pin('b', 1, 0)])).toMatchObject({
      cells: [
        { column: 39, row: 0, count: 1 },
        { column: 39, row: 39, count: 1 },
      ],
    });
  });

  it('follows the regions as they are now: moved, removed, added after the answers', () => {
    const counts = new SlideTally(pinSlide([north, south]));
    counts.upsert(pin('a', 0.1, 0.1));
    counts.upsert(pin('b', 0.1, 0.9));
    counts.upsert(pin('c', 0.9, 0.9));
    expect(counts.results()).toMatchObject({ regions: [{ count: 1 }, { count: 2 }] });
    // South shrinks to its west half, north is removed, a new region goes where nobody pinned, and one where two did.
    counts.setSlide(pinSlide([{ ...south, width: 0.5 }, region('tom', 0.4, 0.4, 0.1, 0.1), region('ny', 0, 0, 0.2, 1)]));
    expect(counts.results()).toMatchObject({
      respondents: 3,
      regions: [
        { regionId: 'syd', count: 1 },
        { regionId: 'tom', count: 0 },
        { regionId: 'ny', count: 2 },
      ],
      // The pin in the east, now in no region.
      outside: 1,
    });
    // Answers after the edit count in the new shapes too.
    counts.upsert(pin('d', 0.05, 0.5));
    counts.upsert(pin('c', 0.45, 0.45));
    expect(counts.results()).toMatchObject({
      respondents: 4,
      regions: [
        { regionId: 'syd', count: 2 },
        { regionId: 'tom', count: 1 },
        { regionId: 'ny', count: 3 },
      ],
      outside: 0,
    });
    // Putting the old shape back counts it afresh.
    counts.setSlide(pinSlide([north]));
    expect(counts.results()).toMatchObject({ regions: [{ regionId: 'norr', count: 3 }], outside: 1 });
    // And no regions at all leaves every pin outside.
    counts.setSlide(pinSlide([]));
    expect(counts.results()).toMatchObject({ regions: [], outside: 4 });
  });

  it('a changed pin moves from its old cell and regions to its new ones', () => {
    const counts = new SlideTally(pinSlide());
    counts.upsert(pin('a', 0.1, 0.1));
    counts.upsert(pin('a', 0.9, 0.9));
    expect(counts.results()).toEqual({
      kind: 'pin',
      slideId: 'karta',
      respondents: 1,
      cells: [{ column: 36, row: 36, count: 1 }],
      regions: [
        { regionId: 'norr', count: 0 },
        { regionId: 'syd', count: 1 },
      ],
      outside: 0,
    });
    expect(counts.size).toBe(1);
  });

  it('ignores answers of another kind', () => {
    const results = tally(pinSlide(), [
      pin('a', 0.2, 0.2),
      { id: 'b', answer: { kind: 'choice', optionIds: ['norr'] }, updatedAt: '2025-01-01T10:00:00.000Z', hidden: false },
    ]);
    expect(results).toMatchObject({ respondents: 1, regions: [{ count: 1 }, { count: 0 }], outside: 0 });
  });

  it('remove takes away exactly what add put in, cached region shapes and the outside count included', () => {
    const counts = pinTally.empty();
    const slide = pinSlide([north, centre]);
    const held = [
      [0.3, 0.3],
      [0.3, 0.3],
      [0.75, 0.75],
      [0.9, 0.9],
    ].map(([x = 0, y = 0], index) =>
      pinTally.held({ id: `p${index}`, answer: { kind: 'pin', x, y }, updatedAt: '2025-01-01T10:00:00.000Z', hidden: false }, NO_CONTEXT),
    );
    pinTally.results(slide, counts, NO_CONTEXT);
    for (const one of held) pinTally.add(counts, one);
    expect(pinTally.results(slide, counts, NO_CONTEXT)).toMatchObject({ regions: [{ count: 2 }, { count: 3 }], outside: 1 });
    for (const one of held) pinTally.remove(counts, one);
    expect(counts.respondents).toBe(0);
    expect(counts.points.size).toBe(0);
    expect(counts.cells.size).toBe(0);
    expect([...counts.shapes.values()].map((shape) => shape.count)).toEqual([0, 0]);
    expect(counts.outside.count).toBe(0);
  });

  it('property: answer by answer, with the regions edited in between, the results equal a recount', () => {
    // Points on a coarse grid, so pins share points, cells and region edges.
    const coordinate = fc.integer({ min: 0, max: 20 }).map((step) => step / 20);
    const shape = fc.record({
      x: coordinate,
      y: coordinate,
      width: fc.integer({ min: 0, max: 10 }).map((step) => step / 20),
      height: fc.integer({ min: 0, max: 10 }).map((step) => step / 20),
    });
    const regions = fc
      .array(shape, { maxLength: 4 })
      .map((shapes) => shapes.map((area, index) => ({ id: `r${index}`, label: '', ...area })));
    const step = fc.oneof(
      fc.record({ type: fc.constant('answer' as const), id: fc.integer({ min: 0, max: 7 }), x: coordinate, y: coordinate }),
      fc.record({ type: fc.constant('edit' as const), regions }),
      fc.record({ type: fc.constant('other' as const), id: fc.integer({ min: 0, max: 7 }) }),
    );
    fc.assert(
      fc.property(regions, fc.array(step, { maxLength: 40 }), (initial, steps) => {
        let slide = pinSlide(initial);
        const counts = new SlideTally(slide);
        const latest = new Map<string, StoredAnswer>();
        for (const next of steps) {
          if (next.type === 'edit') {
            slide = pinSlide(next.regions);
            counts.setSlide(slide);
          } else {
            const answer: Answer = next.type === 'answer' ? { kind: 'pin', x: next.x, y: next.y } : { kind: 'open', text: 'x' };
            const stored = { id: `p${next.id}`, answer, updatedAt: '2025-01-01T10:00:00.000Z', hidden: false };
            latest.set(stored.id, stored);
            counts.upsert(stored);
          }
          const results = counts.results();
          expect(results).toEqual(tally(slide, [...latest.values()]));
          // And a count done by hand, straight from the rules.
          const pins = [...latest.values()].flatMap(({ answer }) => (answer.kind === 'pin' ? [answer] : []));
          const cells = new Map<string, number>();
          for (const { x, y } of pins) {
            const { column, row } = pinCell(x, y);
            cells.set(`${column}/${row}`, (cells.get(`${column}/${row}`) ?? 0) + 1);
          }
          if (results.kind !== 'pin') throw new Error('expected pin results');
          expect(results.respondents).toBe(pins.length);
          expect(new Map(results.cells.map(({ column, row, count }) => [`${column}/${row}`, count]))).toEqual(cells);
          expect(results.regions).toEqual(slide.regions.map((r) => ({ regionId: r.id, count: pins.filter((p) => inRegion(p, r)).length })));
          expect(results.outside).toBe(pins.filter((p) => !slide.regions.some((r) => inRegion(p, r))).length);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('property: with answers, removals and region edits in any order, outside equals a recount', () => {
    // Regions on a coarse grid, so they overlap, nest, repeat and share edges; points on a finer one.
    const coordinate = fc.integer({ min: 0, max: 10 }).map((step) => step / 10);
    const point = fc.integer({ min: 0, max: 20 }).map((step) => step / 20);
    const shape = fc.record({
      x: coordinate,
      y: coordinate,
      width: fc.integer({ min: 0, max: 6 }).map((step) => step / 10),
      height: fc.integer({ min: 0, max: 6 }).map((step) => step / 10),
    });
    const regions = fc
      .array(shape, { maxLength: 5 })
      .map((shapes) => shapes.map((area, index) => ({ id: `r${index}`, label: '', ...area })));
    const id = fc.integer({ min: 0, max: 9 });
    const step = fc.oneof(
      fc.record({ type: fc.constant('answer' as const), id, x: point, y: point }),
      fc.record({ type: fc.constant('remove' as const), id }),
      fc.record({ type: fc.constant('edit' as const), regions }),
      fc.record({ type: fc.constant('look' as const) }),
    );
    fc.assert(
      fc.property(regions, fc.array(step, { maxLength: 60 }), (initial, steps) => {
        let slide = pinSlide(initial);
        const counts = pinTally.empty();
        const held = new Map<number, ReturnType<typeof pinTally.held>>();
        const answers = new Map<number, { x: number; y: number }>();
        const check = () => {
          const outside = [...answers.values()].filter((p) => !slide.regions.some((r) => inRegion(p, r))).length;
          const results = pinTally.results(slide, counts, NO_CONTEXT);
          expect(results.outside).toBe(outside);
          expect(results.respondents).toBe(answers.size);
        };
        for (const next of steps) {
          if (next.type === 'edit') slide = pinSlide(next.regions);
          else if (next.type === 'look') check();
          else {
            const previous = held.get(next.id);
            if (previous !== undefined) pinTally.remove(counts, previous);
            held.delete(next.id);
            answers.delete(next.id);
            if (next.type === 'answer') {
              const stored = { id: `p${next.id}`, answer: { kind: 'pin' as const, x: next.x, y: next.y }, updatedAt: '', hidden: false };
              const one = pinTally.held(stored, NO_CONTEXT);
              pinTally.add(counts, one);
              held.set(next.id, one);
              answers.set(next.id, { x: next.x, y: next.y });
            }
          }
        }
        check();
      }),
      { numRuns: 300 },
    );
  });
});
