import { type PinSlide, type ResultsOf, inRegion } from '@ettor/protocol';
import { type FixedRow, LABELS, fixedRows, percent } from '../export-table.js';
import { type KindExport, hidesNoPart } from './kind.js';

/** The pin kind's own words in an export, Swedish like the shared LABELS. */
const WORDS = {
  region: 'Område',
  outside: 'Utanför områden',
  unnamed: (n: number) => `Område ${n}`,
} as const;

/** A share of the image as a percentage with one decimal and a decimal comma, e.g. "42,1 %". */
const percentOfImage = (share: number) => `${(share * 100).toFixed(1).replace('.', ',')} %`;

const regionName = (slide: PinSlide, index: number) => slide.regions[index]?.label.trim() || WORDS.unnamed(index + 1);

export const pinExport: KindExport<'pin'> = {
  name: 'Markera på bild',
  table(slide, groups) {
    // One row per region, then the pins in none of them; the respondents row under them is the number of pins, one each.
    const rows: FixedRow[] = slide.regions.map((region, index) => ({
      label: regionName(slide, index),
      values: (results) => {
        const { regions, respondents } = results as ResultsOf<'pin'>;
        const count = regions.find((entry) => entry.regionId === region.id)?.count ?? 0;
        return [count, percent(count, respondents)];
      },
    }));
    rows.push({
      label: WORDS.outside,
      values: (results) => {
        const { outside, respondents } = results as ResultsOf<'pin'>;
        return [outside, percent(outside, respondents)];
      },
    });
    return fixedRows(groups, [WORDS.region], [LABELS.count, LABELS.share], rows);
  },
  answerText(slide, answer) {
    const point = `x ${percentOfImage(answer.x)}, y ${percentOfImage(answer.y)}`;
    const names = slide.regions.flatMap((region, index) => (inRegion(answer, region) ? [regionName(slide, index)] : []));
    return names.length > 0 ? `${point} (${WORDS.region}: ${names.join(', ')})` : point;
  },
  hidesPart: hidesNoPart,
};
