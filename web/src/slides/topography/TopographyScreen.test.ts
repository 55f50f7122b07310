import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import type { ResultsProps } from '../kind';
import { noAnswers, results, slide } from './fixtures';
import { fillOf, textOn } from './ramp';
import { columnHeading } from './map';
import { render, type Mounted } from '../../test-support/render.svelte';
import TopographyScreen from './TopographyScreen.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<ResultsProps<'topography'>> | undefined;
function screen(props: ResultsProps<'topography'>) {
  mounted = render(TopographyScreen, props);
  return mounted.target;
}

describe('the competence map on the big screen', () => {
  beforeAll(() => setLocale('sv'));
  afterEach(() => mounted?.destroy());

  it('draws a cell for every group and statement, and a row for everyone under them', () => {
    const target = screen({ slide, results });
    const map = target.querySelector('[data-testid="topography-map"]');
    expect(map?.getAttribute('aria-hidden')).toBe('true');
    expect(target.querySelectorAll('[data-testid="topography-cell"]')).toHaveLength(5 * 4);
    expect([...target.querySelectorAll('.row-label')].map(text)).toEqual([
      'Tjänsteperson',
      'Kommunchef',
      'Förtroendevald politiker',
      'Ej angivet',
      'Alla',
    ]);
    expect([...target.querySelectorAll('.column-label .name')].map(text)).toEqual(['Kunskaper', 'Färdigheter', 'Förståelse', 'Motivation']);
  });

  it('shows a mean with one decimal comma and its n, on the fill of its place on the scale with text that reads on it', () => {
    const target = screen({ slide, results });
    const cells = [...target.querySelectorAll<HTMLElement>('[data-testid="topography-cell"]')];
    expect(text(cells[0])).toBe('3,6 n = 14');
    const lowest = cells[8];
    const highest = cells[10];
    expect(text(lowest)).toBe('1,0 n = 12');
    expect(lowest?.style.backgroundColor).toBe(fillOf(1, 5));
    expect(lowest?.style.color).toBe(textOn(fillOf(1, 5)));
    expect(text(highest)).toBe('5,0 n = 12');
    expect(highest?.style.backgroundColor).toBe(fillOf(5, 5));
    expect(highest?.style.color).toBe('#ffffff');
  });

  it('withholds cells under the threshold: "För få svar", never a number or a colour from the scale', () => {
    const target = screen({ slide, results });
    const hidden = [...target.querySelectorAll<HTMLElement>('[data-state="hidden"]')];
    // Tjänsteperson's motivation, all of Kommunchef, "Ej angivet"'s motivation and everyone's motivation.
    expect(hidden).toHaveLength(1 + 4 + 1 + 1);
    for (const cell of hidden) {
      expect(text(cell)).toBe('För få svar');
      expect(text(cell)).not.toMatch(/\d/);
      expect(cell.style.backgroundColor).toBe('');
    }
  });

  it('leaves a cell without ratings empty', () => {
    const target = screen({ slide, results });
    const empty = target.querySelectorAll('[data-state="empty"]');
    expect(empty).toHaveLength(1);
    expect(text(empty[0])).toBe('–');
  });

  it('holds the same numbers in its table for screen readers', () => {
    const target = screen({ slide, results });
    const table = target.querySelector('table');
    expect(table?.classList.contains('sr-only')).toBe(true);
    expect(text(table?.querySelector('caption'))).toBe(
      'Medelvärde på skalan 1–5 för ”Hur bedömer du din kompetens om AI?”, uppdelat efter ”Vilken roll har du?”',
    );
    expect([...(table?.querySelectorAll('thead th') ?? [])].map(text)).toEqual([
      'Grupp',
      'Kunskaper',
      'Färdigheter',
      'Förståelse',
      'Motivation',
      'Svarande',
    ]);
    const lines = [...(table?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.children].map(text));
    expect(lines).toEqual([
      ['Tjänsteperson', '3,6 (14 svar)', '3,2 (14 svar)', '2,8 (13 svar)', 'För få svar', '14'],
      ['Kommunchef', 'För få svar', 'För få svar', 'För få svar', 'För få svar', 'För få svar'],
      ['Förtroendevald politiker', '1,0 (12 svar)', '2,0 (12 svar)', '5,0 (12 svar)', 'Inga svar', '12'],
      ['Ej angivet', '2,6 (7 svar)', '4,1 (7 svar)', '1,9 (7 svar)', 'För få svar', '7'],
      ['Alla', '2,9 (36 svar)', '3,1 (35 svar)', '2,5 (36 svar)', 'För få svar', '36'],
    ]);
    // Every number on the map is in the table, cell for cell.
    const cells = [...target.querySelectorAll('[data-testid="topography-cell"]')].map(text);
    lines.forEach((line, row) =>
      line.slice(1, 5).forEach((words, column) => {
        const shown = cells[row * 4 + column] ?? '';
        const [mean, n] = [shown.match(/^\d,\d/)?.[0], shown.match(/n = (\d+)/)?.[1]];
        if (mean) expect(words).toBe(`${mean} (${n} svar)`);
        else expect(shown).toBe(words === 'För få svar' ? 'För få svar' : '–');
      }),
    );
  });

  it('explains its colours: the ramp with every step and the end labels, and the threshold', () => {
    const target = screen({ slide, results });
    const legend = target.querySelector('[data-testid="topography-legend"]');
    expect([...(legend?.querySelectorAll('.numbers span') ?? [])].map(text)).toEqual(['1', '2', '3', '4', '5']);
    expect([...(legend?.querySelectorAll('.ends span') ?? [])].map(text)).toEqual(['Ingen alls', 'Mycket god']);
    expect(text(legend?.querySelector('.threshold'))).toBe('Celler med färre än 5 svar visas inte');
  });

  it('draws the empty map while the room has not answered, and says it is waiting', () => {
    const target = screen({ slide, results: noAnswers });
    const cells = target.querySelectorAll('[data-testid="topography-cell"]');
    expect(cells).toHaveLength(20);
    expect([...cells].every((cell) => cell.getAttribute('data-state') === 'empty')).toBe(true);
    expect(text(target.querySelector('.waiting'))).toBe('Väntar på svar');
  });

  it('says what to choose in the editor when it cannot be drawn', () => {
    let target = screen({ slide: { ...slide, segmentBy: null }, results: undefined });
    expect(text(target.querySelector('[data-testid="topography-message"]'))).toBe(
      'Välj en fråga för raderna och en skalfråga för kolumnerna Det görs i redigeraren, i bildens inställningar.',
    );
    expect(target.querySelector('table')).toBeNull();
    mounted?.destroy();

    target = screen({ slide, results: { ...results, unavailable: 'scale_missing' } });
    expect(text(target.querySelector('.lead'))).toBe(
      'Skalfrågan för kolumnerna finns inte längre. Välj en annan skalfråga för kolumnerna.',
    );
    expect(target.querySelector('[data-testid="topography-map"]')).toBeNull();
  });

  it('waits for its first results when both questions are chosen', () => {
    const target = screen({ slide, results: undefined });
    expect(target.querySelector('[data-testid="topography-message"]')?.getAttribute('data-state')).toBe('waiting');
    expect(text(target.querySelector('.lead'))).toBe('Väntar på svar');
  });

  it('fills in live as results arrive', () => {
    const target = screen({ slide, results: noAnswers });
    expect(target.querySelectorAll('[data-state="mean"]')).toHaveLength(0);
    if (!mounted) throw new Error('not mounted');
    mounted.props.results = results;
    mounted.flush();
    expect(target.querySelectorAll('[data-state="mean"]')).toHaveLength(12);
    expect(target.querySelector('.waiting')).toBeNull();
  });
});

describe('a column heading', () => {
  it('reads a long statement as its name, the rest in small type', () => {
    expect(columnHeading('Kunskaper: att söka information och skapa innehåll')).toEqual({
      name: 'Kunskaper',
      detail: 'att söka information och skapa innehåll',
    });
  });

  it('keeps a label without a name before a colon whole', () => {
    expect(columnHeading('Jag hittar det jag behöver')).toEqual({ name: 'Jag hittar det jag behöver', detail: '' });
    expect(columnHeading(': bara resten')).toEqual({ name: ': bara resten', detail: '' });
  });
});
