import { describe, expect, it } from 'vitest';
import {
  type Answer,
  applyThreshold,
  checkAnswer,
  type ErrorCode,
  inRegion,
  KIND_RULES,
  PIN_LIMITS,
  type PinResults,
  type PinSlide,
  pinCell,
  regionCentre,
  regionOnImage,
  slideAssetIds,
  slideSchema,
} from '../../index.js';

const north = { id: 'norr', label: 'Norr', x: 0, y: 0, width: 1, height: 0.5 };
const south = { id: 'syd', label: 'Syd', x: 0, y: 0.5, width: 1, height: 0.5 };

const slide = (extra: Record<string, unknown> = {}) =>
  slideSchema.parse({
    id: 'karta',
    kind: 'pin',
    question: 'Var bor du?',
    image: { assetId: 'asset-0001', alt: 'Karta över kommunen' },
    regions: [north, south],
    ...extra,
  }) as PinSlide;

const pin = (x: number, y: number): Answer => ({ kind: 'pin', x, y });

const refusedWith = (code: ErrorCode, answer: Answer, on = slide()) => {
  const check = checkAnswer(on, answer);
  expect(check.ok ? 'accepted' : check.problem.code).toBe(code);
};

describe('pin slides', () => {
  it('parse with their defaults: no image, no regions', () => {
    expect(slideSchema.parse({ id: 'x', kind: 'pin', question: 'Q' })).toEqual({
      id: 'x',
      kind: 'pin',
      notes: '',
      question: 'Q',
      allowChange: true,
      image: null,
      regions: [],
    });
  });

  it('start blank as the editor makes them, which the schema accepts', () => {
    expect(slideSchema.parse(KIND_RULES.pin.blank('ny', () => 'id'))).toMatchObject({ kind: 'pin', image: null, regions: [] });
  });

  it.each([
    ['too many regions', { regions: Array.from({ length: PIN_LIMITS.maxRegions + 1 }, (_, i) => ({ ...north, id: `r${i}` })) }],
    ['two regions with one id', { regions: [north, { ...south, id: 'norr' }] }],
    ['a region left of the image', { regions: [{ ...north, x: -0.1 }] }],
    ['a region taller than the image', { regions: [{ ...north, height: 1.5 }] }],
    ['a region label that is too long', { regions: [{ ...north, label: 'x'.repeat(121) }] }],
    ['a region without a size', { regions: [{ id: 'r', label: 'R', x: 0, y: 0 }] }],
    ['a region with a field of its own', { regions: [{ ...north, colour: 'red' }] }],
    ['an image without an asset id', { image: { alt: 'Karta' } }],
    ['an alt text that is too long', { image: { assetId: 'asset-0001', alt: 'x'.repeat(501) } }],
  ])('refuse %s', (_, extra) => {
    expect(() => slide(extra)).toThrow();
  });

  it('carry their image for a deck file, and lose it when the asset is gone', () => {
    expect(slideAssetIds(slide())).toEqual(['asset-0001']);
    expect(slideAssetIds(slide({ image: null }))).toEqual([]);
    expect(KIND_RULES.pin.mapAssets(slide(), () => 'asset-0002').image).toEqual({ assetId: 'asset-0002', alt: 'Karta över kommunen' });
    expect(KIND_RULES.pin.mapAssets(slide(), () => null).image).toBeNull();
  });
});

describe('pin answers', () => {
  it('are stored rounded to thousandths of the image', () => {
    expect(checkAnswer(slide(), pin(0.12345, 0.9996))).toEqual({ ok: true, answer: pin(0.123, 1) });
    expect(checkAnswer(slide(), pin(0.4215, 0.1304))).toEqual({ ok: true, answer: pin(0.422, 0.13) });
  });

  it('take the corners and edges of the image', () => {
    for (const [x, y] of [
      [0, 0],
      [1, 1],
      [0, 1],
      [0.5, 0],
    ] as const) {
      expect(checkAnswer(slide(), pin(x, y))).toEqual({ ok: true, answer: pin(x, y) });
    }
  });

  it('refuse a point off the image, or no point at all, with out_of_range', () => {
    refusedWith('out_of_range', pin(-0.001, 0.5));
    refusedWith('out_of_range', pin(1.001, 0.5));
    refusedWith('out_of_range', pin(0.5, -0.2));
    refusedWith('out_of_range', pin(0.5, 7));
    refusedWith('out_of_range', pin(Number.NaN, Number.NaN));
    refusedWith('out_of_range', pin(0.5, Number.POSITIVE_INFINITY));
    refusedWith('out_of_range', pin(Number.NEGATIVE_INFINITY, 0.5));
  });

  it('refuse an answer of another kind with wrong_answer_kind', () => {
    refusedWith('wrong_answer_kind', { kind: 'choice', optionIds: ['norr'] });
  });

  it('are the same whether or not the slide has an image or regions', () => {
    expect(checkAnswer(slide({ image: null, regions: [] }), pin(0.3, 0.7))).toEqual({ ok: true, answer: pin(0.3, 0.7) });
  });

  it('are never shown on phones', () => {
    expect(KIND_RULES.pin.answers.resultsOnPhones(slide())).toBe(false);
  });
});

describe('pinCell', () => {
  it('cuts the image into a grid of cells, the right and bottom edges in the last cell', () => {
    expect(pinCell(0, 0)).toEqual({ column: 0, row: 0 });
    expect(pinCell(0.024, 0.025)).toEqual({ column: 0, row: 1 });
    expect(pinCell(0.5, 0.999)).toEqual({ column: 20, row: 39 });
    expect(pinCell(1, 1)).toEqual({ column: PIN_LIMITS.cells - 1, row: PIN_LIMITS.cells - 1 });
  });
});

describe('inRegion', () => {
  it('counts a point on the edge as inside, so regions that share an edge both count it', () => {
    expect(inRegion({ x: 0.5, y: 0.5 }, north)).toBe(true);
    expect(inRegion({ x: 0.5, y: 0.5 }, south)).toBe(true);
    expect(inRegion({ x: 0.5, y: 0.501 }, north)).toBe(false);
    expect(inRegion({ x: 0, y: 0 }, north)).toBe(true);
  });
});

describe('regionCentre and regionOnImage', () => {
  it("puts the list alternative's pin in the region's centre, rounded as answers are", () => {
    expect(regionCentre(north)).toEqual({ x: 0.5, y: 0.25 });
    expect(regionCentre({ x: 0.1, y: 0.2, width: 0.3333, height: 0.1 })).toEqual({ x: 0.267, y: 0.25 });
  });

  it('clips a region that reaches past the image, so its centre stays a pin the rules take', () => {
    const past = { x: 0.8, y: -0.2, width: 0.5, height: 0.4 };
    const clipped = regionOnImage(past);
    expect(clipped.x).toBe(0.8);
    expect(clipped.y).toBe(0);
    expect(clipped.width).toBeCloseTo(0.2);
    expect(clipped.height).toBeCloseTo(0.2);
    const centre = regionCentre(clipped);
    expect(centre).toEqual({ x: 0.9, y: 0.1 });
    expect(checkAnswer(slide(), pin(centre.x, centre.y)).ok).toBe(true);
    expect(regionOnImage(north)).toEqual({ x: 0, y: 0, width: 1, height: 0.5 });
  });
});

describe('a pin slide under the anonymity threshold', () => {
  const results: PinResults = {
    kind: 'pin',
    slideId: 'karta',
    respondents: 3,
    cells: [{ column: 1, row: 1, count: 3 }],
    regions: [
      { regionId: 'norr', count: 3 },
      { regionId: 'syd', count: 0 },
    ],
    outside: 0,
  };

  it('is withheld as a whole, never region by region', () => {
    expect(applyThreshold(results, 4)).toBeNull();
    expect(applyThreshold(results, 3)).toEqual(results);
  });
});
