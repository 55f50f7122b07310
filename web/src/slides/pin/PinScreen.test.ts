import type { PinResults } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { render, type Mounted } from '../../test-support/render.svelte';
import type { ResultsProps, SummaryProps } from '../kind';
import { apart, results, slide } from './fixtures';
import { HEAT_RAMP } from './heat';
import PinScreen from './PinScreen.svelte';
import PinSummary from './PinSummary.svelte';
import { noModeration } from '../../test-support/moderation';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const rowsOf = (table: Element | null | undefined) =>
  [...(table?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.children].map(text).join(' '));

let mounted: Mounted<ResultsProps<'pin'>> | Mounted<SummaryProps<'pin'>> | undefined;
afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
});

function screen(props: ResultsProps<'pin'>) {
  const shown = render(PinScreen, props);
  mounted = shown;
  return shown.target;
}

describe('pins on the big screen', () => {
  beforeAll(() => setLocale('sv'));

  it('draws the image, a heat cell per non-empty cell coloured by its count, and hides the drawing from screen readers', () => {
    const target = screen({ slide: apart, results });
    const frame = target.querySelector('[data-testid="pin-frame"]');
    expect(frame?.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(frame?.querySelector('img')?.getAttribute('src')).toBe('/media/asset-0001');
    const cells = [...target.querySelectorAll('[data-testid="pin-cell"]')];
    expect(cells.map((cell) => [cell.getAttribute('x'), cell.getAttribute('y'), cell.getAttribute('data-count')])).toEqual([
      ['2', '5', '4'],
      ['19', '20', '3'],
      ['20', '20', '2'],
      ['35', '30', '1'],
    ]);
    // The densest cell takes the ramp's dark end, a lone pin its pale end.
    expect(cells[0]?.getAttribute('style')).toContain(HEAT_RAMP[4]);
    expect(cells[3]?.getAttribute('style')).toContain(HEAT_RAMP[0]);
  });

  it("writes each region's count and share on it in big numbers, and the total and the pins outside beside the image", () => {
    const target = screen({ slide: apart, results });
    expect([...target.querySelectorAll('[data-testid="pin-region-count"]')].map(text)).toEqual(['Väst 4 40 %', 'Öst 1 10 %']);
    expect(text(target.querySelector('[data-testid="pin-total"]'))).toBe('10 markeringar');
    expect(text(target.querySelector('[data-testid="pin-outside"]'))).toBe('5 · 50 % utanför områdena');
  });

  it('labels the densest place outside the regions with its count', () => {
    const target = screen({ slide: apart, results });
    // Cells 19 and 20 of row 20 are neighbours: one place of five pins, not two.
    expect([...target.querySelectorAll('[data-testid="pin-spot"]')].map(text)).toEqual(['5']);
  });

  it('gives screen readers the image, a table of regions with the pins outside them and the total, and the densest place', () => {
    const target = screen({ slide: apart, results });
    const alternative = target.querySelector('.sr-only');
    expect(text(alternative?.querySelector('p'))).toBe('Bilden: Karta över kommunen');
    const table = alternative?.querySelector('table');
    expect(text(table?.querySelector('caption'))).toBe('Resultat: Var bor du?');
    expect([...(table?.querySelectorAll('thead th') ?? [])].map(text)).toEqual(['Område', 'Antal', 'Andel']);
    expect(rowsOf(table)).toEqual(['Väst 4 40 %', 'Öst 1 10 %', 'Utanför alla områden 5 50 %', 'Alla markeringar 10 100 %']);
    expect([...(alternative?.querySelectorAll('li') ?? [])].map(text)).toEqual(['runt 49 % från vänster, 51 % uppifrån: 5 markeringar']);
  });

  it('gives the exact pins outside, with their share, when regions overlap', () => {
    const overlapping = {
      ...slide,
      regions: [
        { id: 'stor', label: 'Stor', x: 0.1, y: 0.1, width: 0.5, height: 0.5 },
        { id: 'liten', label: 'Liten', x: 0.3, y: 0.3, width: 0.5, height: 0.5 },
      ],
    };
    // Three pins far from both, one inside both, two in a cell the big region's left edge runs through: one on the
    // edge, one just outside it. The server counts the pin inside both once, so four are outside.
    const counts: PinResults = {
      ...results,
      respondents: 6,
      cells: [
        { column: 3, row: 10, count: 2 },
        { column: 16, row: 16, count: 1 },
        { column: 38, row: 38, count: 3 },
      ],
      regions: [
        { regionId: 'stor', count: 2 },
        { regionId: 'liten', count: 1 },
      ],
      outside: 4,
    };
    const target = screen({ slide: overlapping, results: counts });
    expect(rowsOf(target.querySelector('.sr-only table'))).toContain('Utanför alla områden 4 67 %');
    expect(text(target.querySelector('[data-testid="pin-outside"]'))).toBe('4 · 67 % utanför områdena');
  });

  it('shows no pins outside when the regions cover the image between them', () => {
    const target = screen({
      slide,
      results: {
        ...results,
        regions: [
          { regionId: 'norr', count: 4 },
          { regionId: 'syd', count: 6 },
        ],
        outside: 0,
      },
    });
    expect(rowsOf(target.querySelector('.sr-only table'))).toContain('Utanför alla områden 0 0 %');
    expect(text(target.querySelector('[data-testid="pin-outside"]'))).toBe('0 · 0 % utanför områdena');
  });

  it('invites the first pin before there are any, with the regions at zero', () => {
    const target = screen({ slide: apart, results: undefined });
    expect(text(target.querySelector('[data-testid="pin-empty"]'))).toBe(
      'Inga markeringar än Markera på bilden i din mobil, så syns det här.',
    );
    expect(target.querySelectorAll('[data-testid="pin-cell"]')).toHaveLength(0);
    expect([...target.querySelectorAll('[data-testid="pin-region-count"]')].map(text)).toEqual(['Väst 0', 'Öst 0']);
    expect(text(target.querySelector('[data-testid="pin-total"]'))).toBe('0 markeringar');
    expect(target.querySelector('[data-testid="pin-outside"]')).toBeNull();
    expect(text(target.querySelector('.sr-only'))).toContain('Inga markeringar än');
  });

  it('says what is missing when the slide has no image', () => {
    const target = screen({ slide: { ...apart, image: null }, results: undefined });
    expect(text(target.querySelector('[data-testid="pin-no-image"]'))).toBe(
      'Frågan har ingen bild. Lägg till en bild att markera på i redigeraren, i bildens inställningar.',
    );
    expect(target.querySelector('[data-testid="pin-frame"]')).toBeNull();
  });

  it('without regions, lists only the total and the densest places', () => {
    const target = screen({ slide: { ...apart, regions: [] }, results: { ...results, regions: [], outside: 10 } });
    expect(rowsOf(target.querySelector('.sr-only table'))).toEqual(['Alla markeringar 10 100 %']);
    expect(text(target.querySelector('.sr-only p:nth-of-type(2)'))).toBe('Tätast på bilden:');
    expect([...target.querySelectorAll('[data-testid="pin-spot"]')].map(text)).toEqual(['5', '4']);
  });
});

describe("the control view's summary of pins", () => {
  beforeAll(() => setLocale('sv'));

  const moderation = noModeration;

  it('lists each region, the pins outside them and the total', () => {
    const shown = render(PinSummary, { slide: apart, results, moderation });
    mounted = shown;
    expect([...shown.target.querySelectorAll('li')].map(text)).toEqual([
      'Väst 4 · 40 %',
      'Öst 1 · 10 %',
      'Utanför alla områden 5 · 50 %',
      'Alla markeringar 10',
    ]);
  });

  it('lists the densest places when the slide has no regions, and says when nobody has answered', () => {
    const shown = render(PinSummary, { slide: { ...apart, regions: [] }, results: { ...results, regions: [], outside: 10 }, moderation });
    mounted = shown;
    expect([...shown.target.querySelectorAll('li')].map(text)).toEqual([
      'Alla markeringar 10',
      '49 % från vänster, 51 % uppifrån 5',
      '6 % från vänster, 14 % uppifrån 4',
    ]);
    shown.destroy();
    const none = render(PinSummary, { slide: apart, results: undefined, moderation });
    mounted = none;
    expect(text(none.target)).toBe('Inga svar än');
  });
});
