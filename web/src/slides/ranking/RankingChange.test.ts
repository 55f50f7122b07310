import type { RankingResults } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import type { ChangeProps } from '../kind';
import { render, type Mounted } from '../../test-support/render.svelte';
import { rankingChange } from './change';
import { results, slide } from './fixtures';
import RankingChange from './RankingChange.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A later run where Samverkan rose and Kompetens fell. */
const later: RankingResults = {
  ...results,
  items: results.items.map((item) =>
    item.itemId === 'samverkan' ? { ...item, meanRank: 1.5 } : item.itemId === 'kompetens' ? { ...item, meanRank: 2.5 } : item,
  ),
};
const headings = [
  { name: 'Tillfälle 1', day: '3 apr. 2027' },
  { name: 'Tillfälle 2', day: '4 apr. 2027' },
  { name: 'Tillfälle 3', day: '5 apr. 2027' },
];

let mounted: Mounted<ChangeProps<'ranking'>> | undefined;
afterEach(() => mounted?.destroy());

describe('a ranking compared between runs', () => {
  beforeAll(() => setLocale('sv'));

  it('gives each item its change of mean place; no change where either side has none', () => {
    expect(rankingChange(results, later)).toEqual([
      { itemId: 'ekonomi', change: { delta: 0, direction: 'same', hidden: false } },
      { itemId: 'kompetens', change: { delta: 1.25, direction: 'up', hidden: false } },
      { itemId: 'samverkan', change: { delta: -1.25, direction: 'down', hidden: false } },
      { itemId: 'ny', change: { delta: null, direction: null, hidden: false } },
    ]);
  });

  it('tables the mean place per run with the change from the first, and says lower is better', () => {
    mounted = render(RankingChange, { slide, runs: [results, later, null], headings });
    const target = mounted.target;
    expect(text(target.querySelector('h3'))).toBe('Snittplats per alternativ och tillfälle, med förändringen från tillfälle 1');
    expect(text(target.querySelector('p.hint'))).toContain('Lägre snittplats är bättre');
    const region = target.querySelector('[data-testid="compare-ranking"]');
    expect(target.querySelector(`#${region?.getAttribute('aria-describedby') ?? 'none'}`)).toBe(target.querySelector('p.hint'));
    // The signs are hidden from screen readers and the words from the eye, so the two run together in textContent.
    const rows = [...target.querySelectorAll('tbody tr')].map((row) => [...row.children].map(text));
    expect(rows).toEqual([
      ['Ekonomi', '2,0', '2,0 ±0,0oförändrat', 'för få svar'],
      ['Kompetens', '1,3', '2,5 +1,3 ▲ökning med 1,3', 'för få svar'],
      ['Samverkan', '2,8', '1,5 −1,3 ▼minskning med 1,3', 'för få svar'],
      ['Alternativ 4', '–inga svar', '–inga svar –inget att jämföra', 'för få svar'],
    ]);
  });

  it('says when the first run is withheld and no change can be shown', () => {
    mounted = render(RankingChange, { slide, runs: [null, later], headings: headings.slice(0, 2) });
    expect(text(mounted.target.querySelector('p.hint:last-child'))).toBe(
      'Förändringen kan inte visas, eftersom tillfälle 1 har för få svar här.',
    );
  });
});
