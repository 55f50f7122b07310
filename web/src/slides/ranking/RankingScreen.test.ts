import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import type { ResultsProps } from '../kind';
import { render, type Mounted } from '../../test-support/render.svelte';
import { results, slide } from './fixtures';
import RankingScreen from './RankingScreen.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<ResultsProps<'ranking'>> | undefined;
function screen(props: ResultsProps<'ranking'>) {
  mounted = render(RankingScreen, props);
  return mounted.target;
}

describe('a ranking on the big screen', () => {
  beforeAll(() => setLocale('sv'));
  afterEach(() => mounted?.destroy());

  it('puts the items in order of mean place, each with its points and its mean place printed large', () => {
    const target = screen({ slide, results });
    const rows = [...target.querySelectorAll<HTMLElement>('[data-testid="ranking-row"]')];
    // The rows stay in the slide's order in the page and are moved to their place, best mean place first.
    expect(rows.map((row) => [row.dataset.itemId, row.dataset.slot])).toEqual([
      ['ekonomi', '1'],
      ['kompetens', '0'],
      ['samverkan', '2'],
      ['ny', '3'],
    ]);
    const bySlot = rows.toSorted((a, b) => Number(a.dataset.slot) - Number(b.dataset.slot));
    expect(
      bySlot.map((row) => [text(row.querySelector('.label')), text(row.querySelector('.points')), text(row.querySelector('.mean'))]),
    ).toEqual([
      ['Kompetens', '11 poäng', '1,3'],
      ['Ekonomi', '8 poäng', '2,0'],
      ['Samverkan', '5 poäng', '2,8'],
      ['Alternativ 4', '0 poäng', '–'],
    ]);
    expect(rows[1]?.style.getPropertyValue('--shift')).toBe('-1');
    expect(rows[0]?.style.getPropertyValue('--shift')).toBe('1');
  });

  it('measures each bar against full marks: everyone putting the item first', () => {
    const target = screen({ slide, results });
    const share = (itemId: string) =>
      Number(target.querySelector<HTMLElement>(`[data-item-id="${itemId}"] .bar`)?.style.getPropertyValue('--share'));
    // Four people, four items: 4 × 3 = 12 points at most.
    expect(share('kompetens')).toBeCloseTo(11 / 12);
    expect(share('samverkan')).toBeCloseTo(5 / 12);
    expect(share('ny')).toBe(0);
  });

  it('says what the numbers mean', () => {
    const target = screen({ slide, results });
    expect(text(target.querySelector('.head'))).toBe('Poäng Snittplats');
    expect(text(target.querySelector('.key'))).toBe(
      'Sorterat efter snittplats, där 1 är viktigast. Poäng: 3 för plats 1, 0 för sista plats.',
    );
    expect(target.querySelector('[data-testid="ranking-chart"]')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('holds the same numbers in its table for screen readers, with the people in each place', () => {
    const target = screen({ slide, results });
    const table = target.querySelector('table');
    expect(table?.classList.contains('sr-only')).toBe(true);
    expect(text(table?.querySelector('caption'))).toBe(
      'Resultat: Vad är viktigast för kommunen?. Sorterat efter snittplats, där 1 är viktigast.',
    );
    expect([...(table?.querySelectorAll('thead th') ?? [])].map(text)).toEqual([
      'Alternativ',
      'Plats 1',
      'Plats 2',
      'Plats 3',
      'Plats 4',
      'Snittplats',
      'Poäng',
      'Antal svar',
    ]);
    expect([...(table?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.children].map(text))).toEqual([
      ['Kompetens', '3', '1', '0', '0', '1,3', '11', '4'],
      ['Ekonomi', '1', '2', '1', '0', '2,0', '8', '4'],
      ['Samverkan', '0', '1', '3', '0', '2,8', '5', '4'],
      ['Alternativ 4', '0', '0', '0', '0', '–', '0', '0'],
    ]);
  });

  it('invites the first answer before there is one, listing the items to rank with empty bars', () => {
    for (const empty of [undefined, { ...results, respondents: 0, items: [] }]) {
      const target = screen({ slide, results: empty });
      expect(text(target.querySelector('[data-testid="ranking-invite"]'))).toBe(
        'Inga svar än. Ordna alternativen i mobilen, det viktigaste först.',
      );
      const rows = [...target.querySelectorAll<HTMLElement>('[data-testid="ranking-row"]')];
      expect(rows.map((row) => text(row.querySelector('.label')))).toEqual(['Ekonomi', 'Kompetens', 'Samverkan', 'Alternativ 4']);
      expect(rows.map((row) => row.dataset.slot)).toEqual(['0', '1', '2', '3']);
      expect(target.querySelectorAll('.points')).toHaveLength(0);
      expect(target.querySelector('.key')).toBeNull();
      expect(target.querySelectorAll('.head, .mean')).toHaveLength(0);
      mounted?.destroy();
    }
    mounted = undefined;
  });

  it('follows new results as they arrive', () => {
    const live = render<ResultsProps<'ranking'>, ''>(RankingScreen, { slide, results: undefined });
    mounted = live;
    const target = live.target;
    live.props.results = results;
    live.flush();
    expect(target.querySelector('[data-testid="ranking-invite"]')).toBeNull();
    expect(target.querySelector<HTMLElement>('[data-item-id="kompetens"]')?.dataset.slot).toBe('0');
  });
});
