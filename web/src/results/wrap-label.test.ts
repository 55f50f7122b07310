import { describe, expect, it } from 'vitest';
import { wrapLabel } from './wrap-label';

describe('wrapLabel', () => {
  it('keeps a short label on one line', () => {
    expect(wrapLabel('Politiker', 20, 2)).toEqual(['Politiker']);
  });

  it('fills each line with whole words', () => {
    expect(wrapLabel('Kommunens ledning och styrning', 12, 3)).toEqual(['Kommunens', 'ledning och', 'styrning']);
  });

  it('fits a line of exactly the width', () => {
    expect(wrapLabel('ledning och', 11, 1)).toEqual(['ledning och']);
    expect(wrapLabel('ledning och', 10, 2)).toEqual(['ledning', 'och']);
  });

  it('clips a word longer than a line, ending it in …', () => {
    const lines = wrapLabel('Kommunikationsavdelningen', 10, 2);
    expect(lines).toEqual(['Kommunika…']);
    expect(lines[0]).toHaveLength(10);
  });

  it('gives an overlong word its own line and wraps the words around it', () => {
    expect(wrapLabel('Ny Kommunikationsavdelningen nu', 10, 3)).toEqual(['Ny', 'Kommunika…', 'nu']);
  });

  it('stops at maxLines and ends the last line in …', () => {
    expect(wrapLabel('ett två tre fyra fem sex', 7, 2)).toEqual(['ett två', 'tre …']);
  });

  it('clips an overlong word on an earlier line when the label is cut too', () => {
    expect(wrapLabel('Medarbetare inom vård', 6, 2)).toEqual(['Medar…', 'inom …']);
  });

  it('clips an overlong word on the last line only once', () => {
    expect(wrapLabel('Ny Kommunikationsavdelningen nu', 10, 2)).toEqual(['Ny', 'Kommunika…']);
  });

  it('clips a full last line to make room for the …', () => {
    expect(wrapLabel('Statsvetare och ekonomer och jurister', 12, 2)).toEqual(['Statsvetare', 'och ekonome…']);
  });

  it('keeps every line within the width, wherever a label too long to fit is cut', () => {
    const label = 'Medarbetare inom vård och omsorg, skola, socialtjänst samt samhällsbyggnadsförvaltningen';
    // The label has 87 characters, more than any of these widths × 3 lines holds, so it is always cut.
    for (const perLine of [6, 10, 15, 24]) {
      for (const maxLines of [1, 2, 3]) {
        const lines = wrapLabel(label, perLine, maxLines);
        expect(lines.length).toBeGreaterThan(0);
        expect(lines.length).toBeLessThanOrEqual(maxLines);
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(perLine);
        expect(lines.at(-1)?.endsWith('…')).toBe(true);
      }
    }
  });

  it('treats any run of whitespace as one space and ignores it at the ends', () => {
    expect(wrapLabel('  Chief \t executive\n\nofficer  ', 40, 2)).toEqual(['Chief executive officer']);
  });

  it('gives no lines for an empty or blank label', () => {
    expect(wrapLabel('', 20, 2)).toEqual([]);
    expect(wrapLabel(' \n\t ', 20, 2)).toEqual([]);
  });

  it('counts å, ä and ö as one character each', () => {
    expect(wrapLabel('Förtroende för välfärden', 13, 2)).toEqual(['Förtroende', 'för välfärden']);
    expect(wrapLabel('Äldreomsorgsförvaltningen', 12, 2)).toEqual(['Äldreomsorg…']);
    expect(wrapLabel('Förtroende för välfärden', 12, 2)).toEqual(['Förtroende', 'för …']);
  });

  it('never cuts an emoji in half', () => {
    // Each 🙂 is two UTF-16 units; a cut after the first unit would leave half a character.
    expect(wrapLabel('Bra🙂🙂🙂🙂', 7, 1)).toEqual(['Bra🙂…']);
    expect(wrapLabel('Bra🙂🙂🙂🙂', 8, 1)).toEqual(['Bra🙂🙂…']);
  });
});
