import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { render, type Mounted } from '../test-support/render.svelte';
import { changeOf, changesFromFirst, type Change } from './change';
import MeansChange, { type Mean } from './MeansChange.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** What the eye reads of a cell: its text without the words for screen readers alone. */
const seen = (element: Element | null | undefined) => {
  const copy = element?.cloneNode(true) as Element | undefined;
  copy?.querySelectorAll('.sr-only').forEach((hidden) => hidden.remove());
  return text(copy);
};

/** Runs as the kinds hand them over: a mean per row, null for a run the threshold withheld. */
type Run = Record<string, number | null> | null;
const compare = (baseline: Record<string, number | null>, later: Record<string, number | null>) =>
  Object.entries(later).map(([id, mean]): [string, Change] => [id, changeOf(baseline[id] ?? null, mean)]);
const meansOf = (runs: Run[], withheld: Record<number, string> = {}) =>
  runs.map((run, index) =>
    run === null
      ? null
      : new Map(Object.entries(run).map(([id, mean]): [string, Mean] => [id, withheld[index] === id ? 'withheld' : mean])),
  );

const rows = [
  { id: 'a', label: 'Första' },
  { id: 'b', label: 'Andra' },
];
const headings = [1, 2, 3].map((n) => ({ name: `Tillfälle ${n}`, day: `${n} apr. 2027` }));

function table(runs: Run[], extra: { hint?: string; baselineNote?: boolean; withheld?: Record<number, string> } = {}) {
  return render(MeansChange, {
    caption: 'Medel per rad',
    rowHeading: 'Rad',
    rows,
    headings: headings.slice(0, runs.length),
    means: meansOf(runs, extra.withheld),
    changes: changesFromFirst(runs, compare),
    noMean: 'inga svar',
    hint: extra.hint,
    baselineNote: extra.baselineNote,
    'data-testid': 'compare-test',
    'data-axis': 'x',
  });
}

let mounted: Mounted<object> | undefined;
afterEach(() => mounted?.destroy());

describe('means compared between runs', () => {
  beforeAll(() => setLocale('sv'));

  it('measures each later run from the first, and none where either run is withheld', () => {
    const runs: Run[] = [{ a: 2 }, { a: 3 }, null];
    expect(changesFromFirst(runs, compare)).toEqual([null, new Map([['a', changeOf(2, 3)]]), null]);
    expect(changesFromFirst([null, { a: 3 }], compare)).toEqual([null, null]);
  });

  it('tables each row per run: the mean and its change, a dash for no mean, and a withheld run or row as such', () => {
    mounted = table([{ a: 2, b: null }, { a: 3, b: 4 }, null], { withheld: { 1: 'b' } });
    const target = mounted.target;
    const region = target.querySelector('[data-testid="compare-test"]');
    expect(region?.getAttribute('data-axis')).toBe('x');
    expect(target.querySelector(`#${region?.getAttribute('aria-labelledby') ?? 'none'}`)).toBe(target.querySelector('h3'));
    expect(text(target.querySelector('h3'))).toBe('Medel per rad');
    expect([...target.querySelectorAll('thead th')].map(text)).toEqual([
      'Rad',
      'Tillfälle 1 1 apr. 2027',
      'Tillfälle 2 2 apr. 2027',
      'Tillfälle 3 3 apr. 2027',
    ]);
    expect([...target.querySelectorAll('tbody tr')].map((row) => [...row.children].map(seen))).toEqual([
      ['Första', '2,0', '3,0 +1,0 ▲', 'för få svar'],
      ['Andra', '–', 'för få svar', 'för få svar'],
    ]);
    expect(text(target.querySelector('tbody tr:nth-child(2) td'))).toBe('–inga svar');
    expect(region?.hasAttribute('aria-describedby')).toBe(false);
    expect(target.querySelector('.hint')).toBeNull();
  });

  it('puts a hint before the table and describes the table with it', () => {
    mounted = table([{ a: 2 }, { a: 1 }], { hint: 'Lägre är bättre.' });
    const hint = mounted.target.querySelector('p.hint');
    expect(text(hint)).toBe('Lägre är bättre.');
    const region = mounted.target.querySelector('[data-testid="compare-test"]');
    expect(mounted.target.querySelector(`#${region?.getAttribute('aria-describedby') ?? 'none'}`)).toBe(hint);
  });

  it('says when the first run is withheld, unless told another table says it', () => {
    mounted = table([null, { a: 3 }]);
    expect(text(mounted.target.querySelector('p.hint:last-child'))).toBe(
      'Förändringen kan inte visas, eftersom tillfälle 1 har för få svar här.',
    );
    mounted.destroy();
    mounted = table([null, { a: 3 }], { baselineNote: false });
    expect(mounted.target.querySelector('.hint')).toBeNull();
    mounted.destroy();
    mounted = table([null, null]);
    expect(mounted.target.querySelector('.hint')).toBeNull();
  });
});
