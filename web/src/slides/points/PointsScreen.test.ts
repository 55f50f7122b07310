import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import type { ResultsProps } from '../kind';
import { render, type Mounted } from '../../test-support/render.svelte';
import { noAnswers, results, slide } from './fixtures';
import PointsScreen from './PointsScreen.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<ResultsProps<'points'>> | undefined;
function screen(props: ResultsProps<'points'>) {
  mounted = render(PointsScreen, props);
  return mounted.target;
}

const rowTexts = (target: HTMLElement) =>
  [...target.querySelectorAll('[data-testid="points-row"]')].map((row) =>
    [...row.querySelectorAll('.label, .mean, .share')].map(text).join(' | '),
  );

describe('points on the big screen', () => {
  beforeAll(() => setLocale('sv'));
  afterEach(() => mounted?.destroy());

  it('ranks the options by mean points, each with its mean per person and its share of all points', () => {
    const target = screen({ slide, results });
    expect(rowTexts(target)).toEqual([
      'Skolan | Snitt 46,7 poäng | 47 % av alla poäng',
      'Äldrevården | Snitt 33,3 poäng | 33 % av alla poäng',
      'Kollektivtrafiken | Snitt 20,0 poäng | 20 % av alla poäng',
    ]);
    expect(text(target.querySelector('.caption'))).toBe('Poäng i snitt per person, av 100 att fördela');
    expect(target.querySelector('[data-testid="points-waiting"]')).toBeNull();
  });

  it('draws the leader across its whole track and the others against it, each in its own colour', () => {
    const bars = [...screen({ slide, results }).querySelectorAll<HTMLElement>('.bar')];
    expect(bars.map((bar) => Number(bar.style.getPropertyValue('--length')).toFixed(3))).toEqual(['1.000', '0.714', '0.429']);
    expect(bars.map((bar) => bar.style.getPropertyValue('--colour'))).toEqual(['var(--c1)', 'var(--c2)', 'var(--c3)']);
  });

  it('moves an option up as it overtakes another', () => {
    const target = screen({ slide, results });
    if (!mounted) throw new Error('not mounted');
    mounted.props.results = {
      ...results,
      respondents: 4,
      items: [
        { itemId: 'skola', total: 140, mean: 35, n: 3 },
        { itemId: 'vard', total: 100, mean: 25, n: 2 },
        { itemId: 'buss', total: 160, mean: 40, n: 3 },
      ],
    };
    mounted.flush();
    expect([...target.querySelectorAll<HTMLElement>('[data-testid="points-row"]')].map((row) => row.dataset.itemId)).toEqual([
      'buss',
      'skola',
      'vard',
    ]);
  });

  it('hides the drawing from screen readers and gives them the same numbers as a table, in the same order', () => {
    const target = screen({ slide, results });
    expect(target.querySelector('.rows')?.getAttribute('aria-hidden')).toBe('true');
    const table = target.querySelector('table');
    expect(table?.classList.contains('sr-only')).toBe(true);
    expect(text(table?.querySelector('caption'))).toBe('Resultat: Var ska kommunen satsa?');
    expect([...(table?.querySelectorAll('thead th') ?? [])].map(text)).toEqual([
      'Alternativ',
      'Snitt (poäng per person)',
      'Andel av alla poäng',
      'Poäng totalt',
      'Antal som gav poäng',
    ]);
    expect([...(table?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.children].map(text))).toEqual([
      ['Skolan', '46,7', '47 %', '140', '3'],
      ['Äldrevården', '33,3', '33 %', '100', '2'],
      ['Kollektivtrafiken', '20,0', '20 %', '60', '2'],
    ]);
  });

  it('invites the first answer before there is one, the options already in place', () => {
    for (const empty of [undefined, noAnswers]) {
      const target = screen({ slide, results: empty });
      expect(text(target.querySelector('[data-testid="points-waiting"]'))).toBe(
        'Inga poäng fördelade än Fördela dina 100 poäng på mobilen. Staplarna växer när svaren kommer in.',
      );
      expect(rowTexts(target)).toEqual(['Skolan', 'Äldrevården', 'Kollektivtrafiken']);
      expect([...target.querySelectorAll('tbody tr')].map((row) => [...row.children].map(text))).toEqual([
        ['Skolan', '–', '–', '0', '0'],
        ['Äldrevården', '–', '–', '0', '0'],
        ['Kollektivtrafiken', '–', '–', '0', '0'],
      ]);
      mounted?.destroy();
      mounted = undefined;
    }
  });

  it('shows an option added after the answers at nothing, and leaves out one removed', () => {
    const edited = { ...slide, items: [slide.items[0]!, { id: 'ny', label: 'Biblioteket' }] };
    const target = screen({ slide: edited, results });
    expect(rowTexts(target)).toEqual([
      'Skolan | Snitt 46,7 poäng | 100 % av alla poäng',
      'Biblioteket | Snitt 0,0 poäng | 0 % av alla poäng',
    ]);
  });
});
