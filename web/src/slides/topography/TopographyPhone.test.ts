import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import type { ResultsProps } from '../kind';
import { results, slide } from './fixtures';
import { render } from '../../test-support/render.svelte';
import TopographyPhone from './TopographyPhone.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let destroy: (() => void) | undefined;
afterEach(() => destroy?.());

function phone(props: ResultsProps<'topography'>) {
  const mounted = render(TopographyPhone, props);
  destroy = mounted.destroy;
  return mounted.target;
}

describe('the map on phones', () => {
  beforeAll(() => setLocale('sv'));

  it('holds the same numbers as a table: a block per statement, a line per group', () => {
    const target = phone({ slide, results });
    const groups = [...target.querySelectorAll('tbody')];
    expect(groups.map((group) => text(group.querySelector('th[scope="rowgroup"]')))).toEqual([
      'Kunskaper',
      'Färdigheter',
      'Förståelse',
      'Motivation',
    ]);
    const lines = (index: number) =>
      [...(groups[index]?.querySelectorAll('tr:not(:first-child)') ?? [])].map((line) => [...line.children].map(text).join(' '));
    expect(lines(0)).toEqual([
      'Tjänsteperson 3,6 n = 14',
      'Kommunchef För få svar',
      'Förtroendevald politiker 1,0 n = 12',
      'Ej angivet 2,6 n = 7',
      'Alla 2,9 n = 36',
    ]);
    expect(lines(3)).toEqual([
      'Tjänsteperson För få svar',
      'Kommunchef För få svar',
      'Förtroendevald politiker – Inga svar',
      'Ej angivet För få svar',
      'Alla För få svar',
    ]);
    expect(text(target.querySelector('.hint'))).toBe(
      'Medelvärde på skalan 1–5, där 1 är ”Ingen alls” och 5 är ”Mycket god”. Medelvärden av färre än 5 svar visas inte.',
    );
  });

  it('colours no withheld value', () => {
    const target = phone({ slide, results });
    expect(target.querySelectorAll('.mean')).toHaveLength(12);
    for (const cell of target.querySelectorAll('.too-few')) expect(cell.closest('td')?.textContent).not.toMatch(/\d/);
  });

  it('says why it is empty before the map can be drawn', () => {
    expect(text(phone({ slide, results: undefined }))).toBe('Kartan fylls i när publiken svarar på frågorna den bygger på.');
  });
});
