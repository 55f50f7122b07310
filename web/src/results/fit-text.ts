// How much room text takes on the big screen, estimated without a browser, so slides and charts can set their type to
// fill their block. Sizes and widths are in stage units (`--u`); a text's width is reckoned in ems of its own size.

/**
 * Average advances in em, measured in Chromium and rounded up, so that estimates err towards fitting: Atkinson
 * Hyperlegible Next over the example deck's Swedish text (0.44 regular and 0.47 bold on average, 0.46 and 0.50 at the
 * 90th percentile), and the digits the stage sets in its display face (0.58 to 0.63 bold).
 */
const ADVANCE = { regular: 0.5, bold: 0.54 } as const;
const DIGIT = 0.64;
/** Ideographs, kana, hangul and emoji take about a whole em each. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u;

export type Weight = keyof typeof ADVANCE;

/**
 * The room SlideScreen leaves a chart under its question, in stage units, with the join bar shown and a question of
 * two lines; a chart sized for it fills the area as well on the big screen as in a thumbnail.
 */
export const RESULTS_AREA = { width: 90, height: 32 } as const;

/** The width of a text in em at its own size. */
export function textWidth(text: string, weight: Weight = 'regular'): number {
  let width = 0;
  for (const character of text) width += WIDE.test(character) ? 1 : character >= '0' && character <= '9' ? DIGIT : ADVANCE[weight];
  return width;
}

/**
 * The lines a text takes in a column `width` em wide: words wrapped as a browser wraps them, each line of the text
 * (`\n`) starting a new one, and a word wider than the column broken anywhere (`overflow-wrap: anywhere`).
 */
export function lineCount(text: string, width: number, weight: Weight = 'regular'): number {
  const space = ADVANCE[weight];
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const wide = textWidth(word, weight);
      if (used > 0 && used + space + wide <= width) {
        used += space + wide;
        continue;
      }
      if (used > 0) lines += 1;
      // A word longer than the column fills whole lines and leaves the rest of the last one.
      const broken = Math.max(1, Math.ceil(wide / width));
      lines += broken - 1;
      used = wide - (broken - 1) * width;
    }
  }
  return lines;
}

/** The largest size from `max` down to `min`, in steps of 0.1 units, for which `fits` holds; `min` when none does. */
export function largestFitting(min: number, max: number, fits: (size: number) => boolean): number {
  for (let tenths = Math.round(max * 10); tenths > Math.round(min * 10); tenths -= 1) {
    if (fits(tenths / 10)) return tenths / 10;
  }
  return min;
}
