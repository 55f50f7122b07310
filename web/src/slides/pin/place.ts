// What the phone, the big screen and the editor say about places on the image. Plain functions, light enough for the phone.
import { inRegion, PIN_LIMITS, type PinAnswer, type PinRegion } from '@ettor/protocol';
import { formatPercent, t } from '../../i18n/i18n.svelte';

/** A point on the image in shares of its width and height. */
export interface Point {
  x: number;
  y: number;
}

const SCALE = 10 ** PIN_LIMITS.decimals;

/** A share of the image, held on the image and rounded as the rules store it, so the draft is what will be saved. */
export const toShare = (value: number): number => Math.round(Math.min(1, Math.max(0, value)) * SCALE) / SCALE;

/** The draft's pin, or null while the participant has not placed one (the empty draft's coordinates are NaN). */
export function pinOf(draft: PinAnswer): Point | null {
  return Number.isFinite(draft.x) && Number.isFinite(draft.y) ? { x: draft.x, y: draft.y } : null;
}

/** A region's name as people read it: its label, or its place in the list when it has none. */
export function regionName(region: PinRegion, index: number): string {
  return region.label.trim() || t('pin.region', { n: index + 1 });
}

/** The names of the regions a point lies in, in the slide's order. */
export function regionsAt(point: Point, regions: readonly PinRegion[]): string[] {
  return regions.flatMap((region, index) => (inRegion(point, region) ? [regionName(region, index)] : []));
}

/** A place in words, e.g. "42 % från vänster, 13 % uppifrån". */
export function placeText(point: Point): string {
  return t('pin.percent', { x: formatPercent(point.x), y: formatPercent(point.y) });
}
