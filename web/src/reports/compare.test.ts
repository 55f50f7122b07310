import type { ScaleResults, TopographyCell, TopographyResults } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { matchRoute } from '../app/router.svelte';
import { changeOf, changeText } from '../results/change';
import { scaleChange } from '../slides/scale/change';
import { topographyChange } from '../slides/topography/change';
import { compareAddress } from './compare';

const cell = (mean: number | null, hidden = false): TopographyCell => ({
  n: hidden || mean === null ? 0 : 5,
  mean: hidden ? null : mean,
  sd: hidden || mean === null ? null : 1,
  hidden,
});

/** A map by hand: columns by statement id, rows by option id with one mean per column (null: no ratings; 'x': hidden). */
function map(columns: Record<string, number | null>, rows: [string | null, (number | null | 'x')[]][]): TopographyResults {
  return {
    kind: 'topography',
    slideId: 'karta',
    respondents: 20,
    unavailable: null,
    threshold: 5,
    segmentQuestion: 'Vilken roll har du?',
    scaleQuestion: 'Hur väl stämmer det?',
    scale: { steps: 5, minLabel: 'Inte alls', maxLabel: 'Helt' },
    columns: Object.entries(columns).map(([statementId, mean]) => ({ statementId, label: statementId.toUpperCase(), total: cell(mean) })),
    rows: rows.map(([optionId, means]) => ({
      optionId,
      label: optionId ?? '',
      respondents: 5,
      hidden: false,
      cells: means.map((mean) => (mean === 'x' ? cell(null, true) : cell(mean))),
    })),
  };
}

const none = { delta: null, direction: null, hidden: false };
const withheld = { delta: null, direction: null, hidden: true };

describe('the change of a mean', () => {
  it('is later minus baseline, with a direction; under 0.05 either way is the same', () => {
    expect(changeOf(2, 2.8)).toEqual({ delta: expect.closeTo(0.8, 9), direction: 'up', hidden: false });
    expect(changeOf(3.3, 3)).toEqual({ delta: expect.closeTo(-0.3, 9), direction: 'down', hidden: false });
    expect(changeOf(3, 3.04).direction).toBe('same');
    expect(changeOf(3.04, 3).direction).toBe('same');
    expect(changeOf(0.95, 1).direction).toBe('up');
    expect(changeOf(1, 0.95).direction).toBe('down');
  });

  it('is none without a mean on either side, and withheld when the threshold hid either', () => {
    expect(changeOf(null, 3)).toEqual(none);
    expect(changeOf(3, null)).toEqual(none);
    expect(changeOf(2, 3, true)).toEqual(withheld);
  });

  it('is written with its sign, arrow and one decimal in the language’s style, never by colour alone', () => {
    expect(changeText(changeOf(2, 2.8), 'sv')).toBe('+0,8 ▲');
    expect(changeText(changeOf(3.3, 3), 'sv')).toBe('\u22120,3 ▼');
    expect(changeText(changeOf(3, 3.04), 'sv')).toBe('±0,0');
    expect(changeText(changeOf(3.04, 3), 'sv')).toBe('±0,0');
    expect(changeText(changeOf(1.2, 3.45), 'en')).toBe('+2.3 ▲');
    // The arrow agrees with the digits at the edge, on either side of it as the floating point falls.
    expect(changeText(changeOf(0.95, 1), 'sv')).toBe('+0,1 ▲');
    expect(changeText(changeOf(1, 0.95), 'sv')).toBe('\u22120,1 ▼');
    expect(changeText(changeOf(3, 3.05), 'sv')).toBe('±0,0');
    expect(changeText(changeOf(null, 3), 'sv')).toBeNull();
    expect(changeText(changeOf(2, 3, true), 'sv')).toBeNull();
  });
});

describe('the change of a topography', () => {
  it('is per row × column, matching rows by option and columns by statement, whatever their order', () => {
    const before = map({ a: 2, b: 3 }, [
      ['tj', [1, 3]],
      ['pol', [2, 2]],
      [null, [3, 3]],
    ]);
    const after = map({ b: 3.5, a: 2 }, [
      ['pol', [2.5, 3]],
      ['tj', [2, 3]],
      [null, [3.02, 3]],
    ]);
    const change = topographyChange(before, after);
    expect(change.columns).toEqual([
      { statementId: 'b', label: 'B' },
      { statementId: 'a', label: 'A' },
    ]);
    expect(change.total.map((c) => [c.direction, c.delta])).toEqual([
      ['up', 0.5],
      ['same', 0],
    ]);
    expect(change.rows.map((row) => [row.optionId, row.cells.map((c) => c.direction)])).toEqual([
      ['pol', ['up', 'up']],
      ['tj', ['down', 'up']],
      [null, ['same', 'same']],
    ]);
    expect(change.rows[1]?.cells.map((c) => c.delta)).toEqual([-1, 2]);
  });

  it('has no change where either cell is hidden or unrated, or a row or column is in one run only', () => {
    const before = map({ a: 2, b: 3, gone: 4 }, [
      ['tj', [2, 'x', 4]],
      ['chef', [null, 3, 4]],
      ['gone', [1, 1, 1]],
    ]);
    const after = map({ a: 3, b: 3, nytt: 4 }, [
      ['tj', ['x', 3, 4]],
      ['chef', [3, 3, 2]],
      ['ny', [1, 1, 1]],
    ]);
    const change = topographyChange(before, after);
    expect(change.total).toEqual([{ delta: 1, direction: 'up', hidden: false }, { delta: 0, direction: 'same', hidden: false }, none]);
    expect(change.rows).toEqual([
      { optionId: 'tj', label: 'tj', cells: [withheld, withheld, none] },
      { optionId: 'chef', label: 'chef', cells: [none, { delta: 0, direction: 'same', hidden: false }, none] },
      { optionId: 'ny', label: 'ny', cells: [none, none, none] },
    ]);
  });

  it('has every cell of a hidden row withheld', () => {
    const before = map({ a: 2 }, [['pol', [2]]]);
    const after = map({ a: 3 }, [['pol', [3]]]);
    expect(topographyChange({ ...before, rows: before.rows.map((row) => ({ ...row, hidden: true })) }, after).rows[0]?.cells).toEqual([
      withheld,
    ]);
  });
});

describe('the change of a scale', () => {
  const scale = (means: Record<string, number | null>): ScaleResults => ({
    kind: 'scale',
    slideId: 'skala',
    respondents: 6,
    statements: Object.entries(means).map(([statementId, mean]) => ({
      statementId,
      counts: [0, 0, 0, 0, 0],
      skipped: 0,
      n: mean === null ? 0 : 6,
      mean,
      sd: null,
      hidden: false,
    })),
  });

  it('is each statement’s mean, by statement id, in the later run’s order', () => {
    expect(scaleChange(scale({ kunskap: 1.8, motivation: 4, borta: 2 }), scale({ motivation: 5, kunskap: 23 / 6, ny: 3 }))).toEqual([
      { statementId: 'motivation', change: { delta: 1, direction: 'up', hidden: false } },
      { statementId: 'kunskap', change: { delta: expect.closeTo(23 / 6 - 1.8, 9), direction: 'up', hidden: false } },
      { statementId: 'ny', change: none },
    ]);
    expect(scaleChange(scale({ kunskap: null }), scale({ kunskap: 3 }))).toEqual([{ statementId: 'kunskap', change: none }]);
  });
});

describe('the compare page’s address', () => {
  it('carries the session ids, which the router reads back in the same order', () => {
    expect(compareAddress(['b', 'a-1'])).toBe('/app/compare?sessions=b,a-1');
    expect(matchRoute(compareAddress(['b', 'a-1']))).toEqual({ name: 'compare', sessions: ['b', 'a-1'] });
    expect(matchRoute('/app/compare/?sessions=a%2Cb#x')).toEqual({ name: 'compare', sessions: ['a', 'b'] });
    expect(matchRoute('/app/compare?sessions=,a,,')).toEqual({ name: 'compare', sessions: ['a'] });
    expect(matchRoute('/app/compare')).toEqual({ name: 'compare', sessions: [] });
    // Other pages still ignore their query.
    expect(matchRoute('/app/sessions/s1/results?sessions=a,b')).toEqual({ name: 'results', id: 's1' });
  });
});
