// A pin slide's results as every presenter view lists them: its regions with their counts, the pins outside them, the total.
import { regionOnImage, type PinArea, type PinResults, type PinSlide } from '@ettor/protocol';
import { formatPercent } from '../../i18n/i18n.svelte';
import { regionName } from './place';

export interface RegionRow {
  id: string;
  name: string;
  count: number;
  /** Of all pins, 0..1; overlapping regions may add up to more than 1. */
  share: number;
  /** The region's part on the image, where the big screen draws it. */
  area: PinArea;
}

export interface PinRows {
  regions: RegionRow[];
  /** Pins in no region, exactly: a pin where regions overlap is counted once. */
  outside: number;
  total: number;
}

/** Every region in the slide's order with its count, zero before the first answer. */
export function pinRows(slide: PinSlide, results: PinResults | undefined): PinRows {
  const total = results?.respondents ?? 0;
  const counts = new Map(results?.regions.map((entry) => [entry.regionId, entry.count]));
  const regions = slide.regions.map((region, index) => {
    const count = counts.get(region.id) ?? 0;
    return { id: region.id, name: regionName(region, index), count, share: total > 0 ? count / total : 0, area: regionOnImage(region) };
  });
  return { regions, outside: results?.outside ?? 0, total };
}

/** The pins outside every region with their share of all pins: "5 · 12 %". */
export function outsideText({ outside, total }: PinRows): string {
  return total > 0 ? `${outside} · ${formatPercent(outside / total)}` : String(outside);
}
