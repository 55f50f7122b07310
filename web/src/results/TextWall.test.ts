import { afterEach, describe, expect, it } from 'vitest';
import { render, type Mounted } from '../test-support/render.svelte';
import TextWall from './TextWall.svelte';
import { MOST_CARDS } from './wall-layout';

type Entry = { id: string; text: string };
const entries = (count: number): Entry[] => Array.from({ length: count }, (_, index) => ({ id: `e${index}`, text: `Svar ${index}` }));

let mounted: Mounted<{ entries: Entry[] }> | undefined;
afterEach(() => mounted?.destroy());

describe('the text wall', () => {
  it('shows the newest answers as cards, in the grid and size its layout picked', () => {
    mounted = render(TextWall, { entries: entries(2) });
    const wall = mounted.target.querySelector<HTMLElement>('.wall');
    expect([...mounted.target.querySelectorAll('li')].map((card) => card.textContent)).toEqual(['Svar 0', 'Svar 1']);
    expect(wall?.style.getPropertyValue('--columns')).toBe('2');
    expect(Number(wall?.style.getPropertyValue('--size'))).toBe(5);
  });

  it('keeps no more than a wall holds, and sets them smaller', () => {
    mounted = render(TextWall, { entries: entries(30) });
    expect(mounted.target.querySelectorAll('li')).toHaveLength(MOST_CARDS);
    expect(mounted.target.querySelector('li')?.textContent).toBe('Svar 0');
    expect(Number(mounted.target.querySelector<HTMLElement>('.wall')?.style.getPropertyValue('--size'))).toBeLessThan(5);
  });
});
