import { slideSchema, type GridResults, type GridSlide } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { render, type Mounted } from '../../test-support/render.svelte';
import type { ResultsProps } from '../kind';
import GridScreen from './GridScreen.svelte';
import { PLOT, PLOT_BOTTOM } from './layout';

const slide = slideSchema.parse({
  id: 'prio',
  kind: 'grid',
  question: 'Var hamnar förslagen?',
  items: [
    { id: 'cykel', label: 'Cykelbana' },
    { id: 'skola', label: 'Ny skola' },
    { id: 'bad', label: 'Badhus' },
    { id: 'park', label: 'Park' },
  ],
  x: { label: 'Nytta', minLabel: 'Liten', maxLabel: 'Stor' },
  y: { label: 'Kostnad', minLabel: 'Låg', maxLabel: 'Hög' },
}) as GridSlide;

const results: GridResults = {
  kind: 'grid',
  slideId: 'prio',
  respondents: 9,
  items: [
    { itemId: 'cykel', n: 9, meanX: 7.5, meanY: 2.25, sdX: 1.5, sdY: 2, hidden: false },
    { itemId: 'skola', n: 0, meanX: null, meanY: null, sdX: null, sdY: null, hidden: true },
    { itemId: 'bad', n: 0, meanX: null, meanY: null, sdX: null, sdY: null, hidden: false },
    // The park was added after these answers: no entry of its own.
  ],
};

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<ResultsProps<'grid'>> | undefined;
function screen(props: ResultsProps<'grid'>) {
  mounted = render(GridScreen, props);
  return mounted.target;
}

const legendRow = (target: HTMLElement, itemId: string) =>
  target.querySelector(`[data-testid="grid-legend-row"][data-item-id="${itemId}"]`);
/** The words of a part of the drawing, one SVG text after another. */
const words = (element: Element | null | undefined) => [...(element?.querySelectorAll('text') ?? [])].map(text).join(' ');

describe('the grid on the big screen', () => {
  beforeAll(() => setLocale('sv'));
  afterEach(() => mounted?.destroy());

  it('draws a dot at the mean of each item someone placed, with its label beside it, hidden from screen readers', () => {
    const target = screen({ slide, results });
    expect(target.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    const dots = [...target.querySelectorAll('[data-testid="grid-dot"]')];
    expect(dots.map((dot) => dot.getAttribute('data-item-id'))).toEqual(['cykel']);
    const [x, y] = [...((dots[0] as SVGElement | undefined)?.style.transform.matchAll(/[\d.]+/g) ?? [])].map(Number);
    expect(x).toBeCloseTo(PLOT.left + 0.75 * PLOT.size);
    expect(y).toBeCloseTo(PLOT_BOTTOM - 0.225 * PLOT.size);
    expect([...target.querySelectorAll('text.label')].map(text)).toEqual(['Cykelbana']);
    // Its spread as an ellipse of ±1 sd on each scale.
    const spread = target.querySelector('ellipse.spread');
    expect(Number(spread?.getAttribute('rx'))).toBeCloseTo(0.15 * PLOT.size);
    expect(Number(spread?.getAttribute('ry'))).toBeCloseTo(0.2 * PLOT.size);
    expect(target.querySelector('[data-testid="grid-empty"]')).toBeNull();
  });

  it('names the axes and their ends, with the numbers at the ends and the middle', () => {
    const target = screen({ slide, results });
    const names = [...target.querySelectorAll('text.name, text.end')].map(text);
    expect(names).toEqual(expect.arrayContaining(['Nytta', 'Kostnad', 'Liten', 'Stor', 'Låg', 'Hög']));
    expect([...target.querySelectorAll('text.tick')].map(text)).toEqual(['0', '0', '5', '5', '10', '10']);
  });

  it('lists every item in the legend with its means, spreads and n, a withheld one saying so', () => {
    const target = screen({ slide, results });
    expect(words(legendRow(target, 'cykel'))).toBe('Cykelbana 7,5 sd 1,5 2,3 sd 2,0 9');
    expect(legendRow(target, 'cykel')?.getAttribute('data-state')).toBe('placed');
    expect(words(legendRow(target, 'skola'))).toBe('Ny skola För få svar');
    expect(legendRow(target, 'skola')?.getAttribute('data-state')).toBe('hidden');
    expect(words(legendRow(target, 'bad'))).toBe('Badhus – – 0');
    expect(words(legendRow(target, 'park'))).toBe('Park – – 0');
    expect(legendRow(target, 'park')?.getAttribute('data-state')).toBe('none');
  });

  it('holds the same numbers in its table for screen readers, the axes explained in the caption', () => {
    const target = screen({ slide, results });
    const table = target.querySelector('table');
    expect(table?.classList.contains('sr-only')).toBe(true);
    expect(text(table?.querySelector('caption'))).toBe(
      'Resultat: Var hamnar förslagen? Vågrät skala: Nytta, från 0 (Liten) till 10 (Stor). Lodrät skala: Kostnad, från 0 (Låg) till 10 (Hög).',
    );
    expect([...(table?.querySelectorAll('thead th') ?? [])].map(text)).toEqual([
      'Alternativ',
      'Antal svar',
      'Medelvärde, Nytta',
      'Standardavvikelse, Nytta',
      'Medelvärde, Kostnad',
      'Standardavvikelse, Kostnad',
    ]);
    expect([...(table?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.children].map(text))).toEqual([
      ['Cykelbana', '9', '7,5', '1,5', '2,3', '2,0'],
      ['Ny skola', 'För få svar'],
      ['Badhus', '0', '–', '–', '–', '–'],
      ['Park', '0', '–', '–', '–', '–'],
    ]);
  });

  it('invites the first answer before anyone has placed anything, the items already in the legend', () => {
    for (const waiting of [undefined, { ...results, respondents: 0, items: [] }]) {
      const target = screen({ slide, results: waiting });
      expect(words(target.querySelector('[data-testid="grid-empty"]'))).toBe(
        'Inga svar än Placera alternativen på mobilen, så syns de här.',
      );
      expect(target.querySelectorAll('[data-testid="grid-dot"]')).toHaveLength(0);
      expect(target.querySelectorAll('[data-testid="grid-legend-row"]')).toHaveLength(4);
      expect(target.querySelectorAll('table tbody tr')).toHaveLength(4);
      mounted?.destroy();
      mounted = undefined;
    }
  });

  it('follows new results as they arrive', () => {
    const target = screen({ slide, results: undefined });
    mounted!.props.results = results;
    mounted!.flush();
    expect(target.querySelector('[data-testid="grid-empty"]')).toBeNull();
    expect(target.querySelectorAll('[data-testid="grid-dot"]')).toHaveLength(1);
  });

  it('calls unnamed axes by their direction', () => {
    const plain = { ...slide, x: { label: '', minLabel: '', maxLabel: '' }, y: { label: '', minLabel: '', maxLabel: '' } };
    const target = screen({ slide: plain, results });
    expect([...target.querySelectorAll('text.name')].map(text)).toEqual(['Vågrätt', 'Lodrätt']);
    expect(text(target.querySelector('caption'))).toBe(
      'Resultat: Var hamnar förslagen? Vågrät skala: från 0 till 10. Lodrät skala: från 0 till 10.',
    );
    mounted?.destroy();
    // A question without a full stop gets one, so the axes do not run into it.
    const untitled = screen({ slide: { ...plain, question: 'Prioritering' }, results });
    expect(text(untitled.querySelector('caption'))).toMatch(/^Resultat: Prioritering\. Vågrät skala/);
  });
});
