import { fail, type KindRules, wholeResults, withoutSources, plainQuestion } from '../kind.js';

export const PIN_LIMITS = {
  maxRegions: 12,
  /** The heat layer's resolution: the image is cut into cells × cells squares of its width and height. */
  cells: 40,
  /** Places a pin is stored to: a thousandth of the image is finer than any finger. */
  decimals: 3,
} as const;

const round = (value: number): number => Math.round(value * 10 ** PIN_LIMITS.decimals) / 10 ** PIN_LIMITS.decimals;

/** The heat-layer cell a point falls in; the right and bottom edges belong to the last cell. */
export function pinCell(x: number, y: number): { column: number; row: number } {
  const cell = (value: number) => Math.min(PIN_LIMITS.cells - 1, Math.floor(value * PIN_LIMITS.cells));
  return { column: cell(x), row: cell(y) };
}

/** Whether a point lies inside a region, edges included. */
export function inRegion(point: { x: number; y: number }, region: { x: number; y: number; width: number; height: number }): boolean {
  return point.x >= region.x && point.x <= region.x + region.width && point.y >= region.y && point.y <= region.y + region.height;
}

/** Where the list alternative puts a pin: the region's centre. */
export function regionCentre(region: { x: number; y: number; width: number; height: number }): { x: number; y: number } {
  return { x: round(region.x + region.width / 2), y: round(region.y + region.height / 2) };
}

export const pinRules: KindRules<'pin'> = {
  hasResults: true,
  answers: {
    ...plainQuestion,
    check(_slide, answer) {
      if (!Number.isFinite(answer.x) || !Number.isFinite(answer.y) || answer.x < 0 || answer.x > 1 || answer.y < 0 || answer.y > 1) {
        return fail('out_of_range', 'A pin must be on the image.');
      }
      return { ok: true, answer: { kind: 'pin', x: round(answer.x), y: round(answer.y) } };
    },
    resultsOnPhones: () => false,
    ...wholeResults,
  },
  withoutHidden: (results) => results,
  blank: (id) => ({ id, kind: 'pin', question: '' }),
  title: (slide) => slide.question,
  assetIds: (slide) => (slide.image ? [slide.image.assetId] : []),
  mapAssets: (slide, map) => {
    const assetId = slide.image ? map(slide.image.assetId) : null;
    return { ...slide, image: slide.image && assetId ? { ...slide.image, assetId } : null };
  },
  ...withoutSources,
};

/** A rectangle on the image in shares of its width and height, as a named region has it. */
export interface PinArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

const share = (value: number) => Math.min(1, Math.max(0, value));

/** The part of an area that lies on the image: an area may reach past an edge (a deck file, an editor mid-edit), a pin cannot. */
export function regionOnImage(area: PinArea): PinArea {
  const left = share(area.x);
  const top = share(area.y);
  return { x: left, y: top, width: share(area.x + area.width) - left, height: share(area.y + area.height) - top };
}
