import { slideSchema, type GridSlide } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { onScale, startPlace, valueAt, withPlacement, withoutPlacement } from './placing';

const slide = slideSchema.parse({
  id: 'g',
  kind: 'grid',
  question: 'Q',
  items: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
    { id: 'c', label: 'C' },
  ],
  max: 7,
}) as GridSlide;

describe('placing items in a grid draft', () => {
  it('starts an item in the middle of both scales, rounded to a whole value', () => {
    expect(startPlace(10)).toEqual({ x: 5, y: 5 });
    expect(startPlace(7)).toEqual({ x: 4, y: 4 });
  });

  it('keeps values whole and on the scale', () => {
    expect(onScale(-1, 7)).toBe(0);
    expect(onScale(8, 7)).toBe(7);
    expect(onScale(2.4, 7)).toBe(2);
    expect(valueAt(0.5, 7)).toBe(4);
    expect(valueAt(1.2, 7)).toBe(7);
    expect(valueAt(-0.1, 7)).toBe(0);
  });

  it('adds and moves placements in the slide order, without changing the list it was given', () => {
    const before = [{ itemId: 'c', x: 1, y: 1 }];
    const after = withPlacement(slide, before, 'a', { x: 9, y: -2 });
    expect(after).toEqual([
      { itemId: 'a', x: 7, y: 0 },
      { itemId: 'c', x: 1, y: 1 },
    ]);
    expect(before).toEqual([{ itemId: 'c', x: 1, y: 1 }]);
    expect(withPlacement(slide, after, 'c', { x: 3, y: 4 })).toEqual([
      { itemId: 'a', x: 7, y: 0 },
      { itemId: 'c', x: 3, y: 4 },
    ]);
  });

  it('drops placements of items the slide no longer has, and takes one off', () => {
    expect(withPlacement(slide, [{ itemId: 'gone', x: 1, y: 1 }], 'b', { x: 2, y: 2 })).toEqual([{ itemId: 'b', x: 2, y: 2 }]);
    expect(
      withoutPlacement(
        [
          { itemId: 'a', x: 1, y: 1 },
          { itemId: 'b', x: 2, y: 2 },
        ],
        'a',
      ),
    ).toEqual([{ itemId: 'b', x: 2, y: 2 }]);
  });
});
