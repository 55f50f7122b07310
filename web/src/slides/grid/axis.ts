// How the grid's two scales are named and described in words, on the phone and on the big screen alike.
import type { GridSlide } from '@ettor/protocol';
import { t } from '../../i18n/i18n.svelte';

export type AxisKey = 'x' | 'y';
export const AXES: readonly AxisKey[] = ['x', 'y'];

/** An axis's name: what it measures, or "Vågrätt" / "Lodrätt" where the slide leaves it unnamed. */
export function axisName(slide: GridSlide, key: AxisKey): string {
  return slide[key].label || t(key === 'x' ? 'grid.across' : 'grid.up');
}

/** The words at an end of an axis, empty where the slide gives none. */
export function endWords(slide: GridSlide, key: AxisKey, end: 'min' | 'max'): string {
  return end === 'min' ? slide[key].minLabel : slide[key].maxLabel;
}

/** An axis's end as a value with its words: "0 = Liten", or "0" alone. */
export function endText(slide: GridSlide, key: AxisKey, end: 'min' | 'max'): string {
  const value = end === 'min' ? 0 : slide.max;
  const words = endWords(slide, key, end);
  return words ? t('grid.end', { value, words }) : String(value);
}

/** An axis in a sentence: "Nytta, från 0 (Liten) till 10 (Stor)", or "från 0 till 10" for an unnamed one without words. */
export function axisRange(slide: GridSlide, key: AxisKey): string {
  const at = (end: 'min' | 'max') => {
    const value = end === 'min' ? 0 : slide.max;
    const words = endWords(slide, key, end);
    return words ? t('grid.valueNamed', { value, words }) : String(value);
  };
  const name = slide[key].label;
  return name ? t('grid.rangeNamed', { name, low: at('min'), high: at('max') }) : t('grid.range', { low: at('min'), high: at('max') });
}
