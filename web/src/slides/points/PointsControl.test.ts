import type { PointsResults } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { render } from '../../test-support/render.svelte';
import { noAnswers, results, slide } from './fixtures';
import PointsChange from './PointsChange.svelte';
import PointsSummary from './PointsSummary.svelte';
import { noModeration } from '../../test-support/moderation';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** What a screen reader hears of a cell: its text without the parts hidden from it. */
const spoken = (element: Element | null | undefined) => {
  const copy = element?.cloneNode(true) as Element | undefined;
  copy?.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return text(copy);
};
/** What the eye reads of a cell: its text without the words for screen readers alone. */
const seen = (element: Element | null | undefined) => {
  const copy = element?.cloneNode(true) as Element | undefined;
  copy?.querySelectorAll('.sr-only').forEach((hidden) => hidden.remove());
  return text(copy);
};
const moderation = noModeration;

let destroy: (() => void) | undefined;
afterEach(() => {
  destroy?.();
  destroy = undefined;
});

describe("the control view's summary of points", () => {
  beforeAll(() => setLocale('sv'));

  it('lists the options by mean points, with mean and share', () => {
    const mounted = render(PointsSummary, { slide, results, moderation });
    destroy = mounted.destroy;
    expect([...mounted.target.querySelectorAll('li')].map(text)).toEqual([
      'Skolan snitt 46,7 · 47 %',
      'Äldrevården snitt 33,3 · 33 %',
      'Kollektivtrafiken snitt 20,0 · 20 %',
    ]);
  });

  it('says when there is nothing to show yet', () => {
    const mounted = render(PointsSummary, { slide, results: noAnswers, moderation });
    destroy = mounted.destroy;
    expect(text(mounted.target)).toBe('Inga svar än');
  });
});

describe('points compared between runs', () => {
  beforeAll(() => setLocale('sv'));

  const later: PointsResults = {
    ...results,
    respondents: 2,
    items: [
      { itemId: 'skola', total: 120, mean: 60, n: 2 },
      { itemId: 'vard', total: 40, mean: 20, n: 1 },
      { itemId: 'buss', total: 40, mean: 20, n: 2 },
    ],
  };
  const headings = [1, 2, 3].map((n) => ({ name: `Tillfälle ${n}`, day: `${n} apr. 2027` }));

  it('gives each option its mean per run and the change from the first', () => {
    const mounted = render(PointsChange, { slide, runs: [results, later, null], headings });
    destroy = mounted.destroy;
    const rows = [...mounted.target.querySelectorAll('tbody tr')];
    expect(rows.map((row) => [...row.children].map(seen))).toEqual([
      ['Skolan', '46,7', '60,0 +13,3 ▲', 'för få svar'],
      ['Äldrevården', '33,3', '20,0 −13,3 ▼', 'för få svar'],
      ['Kollektivtrafiken', '20,0', '20,0 ±0,0', 'för få svar'],
    ]);
    expect(rows.map((row) => spoken(row.children[2]))).toEqual(['60,0 ökning med 13,3', '20,0 minskning med 13,3', '20,0 oförändrat']);
    expect(text(mounted.target.querySelector('h3'))).toBe('Snitt poäng per alternativ och tillfälle, med förändringen från tillfälle 1');
    expect(mounted.target.querySelector('.hint')).toBeNull();
  });

  it('says why there is no change when the first run is withheld', () => {
    const mounted = render(PointsChange, { slide, runs: [null, later], headings: headings.slice(0, 2) });
    destroy = mounted.destroy;
    expect(text(mounted.target.querySelector('.hint'))).toBe('Förändringen kan inte visas, eftersom tillfälle 1 har för få svar här.');
  });

  it('shows a run nobody answered as having no answers', () => {
    const mounted = render(PointsChange, { slide, runs: [results, noAnswers], headings: headings.slice(0, 2) });
    destroy = mounted.destroy;
    const cell = mounted.target.querySelector('tbody tr')?.lastElementChild;
    expect(seen(cell)).toBe('– –');
    expect(spoken(cell)).toBe('inga svar inget att jämföra');
  });
});
