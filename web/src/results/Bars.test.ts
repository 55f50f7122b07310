import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { render, type Mounted } from '../test-support/render.svelte';
import Bars from './Bars.svelte';
import type { OptionTally } from './tally';

const tallies: OptionTally[] = [
  { id: 'politiker', label: 'Politiker', count: 12, share: 12 / 36 },
  { id: 'chef', label: 'Chef', count: 24, share: 24 / 36 },
  { id: 'annan', label: '', count: 0, share: 0 },
];

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<{ question: string; tallies: OptionTally[] }> | undefined;
afterEach(() => mounted?.destroy());

describe('the bars on the big screen', () => {
  beforeAll(() => setLocale('sv'));

  it('gives every option its label, a bar as long as its share of the leader’s, and its votes and share', () => {
    mounted = render(Bars, { question: 'Vilken roll har du?', tallies });
    const rows = [...mounted.target.querySelectorAll<HTMLElement>('ol li')];
    expect(rows.map((row) => row.querySelector('.name')?.textContent)).toEqual(['Politiker', 'Chef', '–']);
    expect(rows.map((row) => text(row.querySelector('.figure')))).toEqual(['12 röster · 33 %', '24 röster · 67 %', '0 röster · 0 %']);
    expect(rows.map((row) => row.querySelector<HTMLElement>('.bar')?.style.getPropertyValue('--length'))).toEqual(['0.5', '1', '0']);
  });

  it('hides the drawing from screen readers, who get the same figures in a table', () => {
    mounted = render(Bars, { question: 'Vilken roll har du?', tallies });
    expect(mounted.target.querySelector('ol')?.getAttribute('aria-hidden')).toBe('true');
    expect(mounted.target.querySelector('table caption')?.textContent).toBe('Resultat: Vilken roll har du?');
    expect(mounted.target.querySelectorAll('table tbody tr')).toHaveLength(3);
  });

  it('follows new counts on the same bars', () => {
    mounted = render(Bars, { question: 'Vilken roll har du?', tallies });
    const first = mounted.target.querySelector('.bar');
    mounted.props.tallies = tallies.map((tally) => (tally.id === 'politiker' ? { ...tally, count: 48, share: 48 / 72 } : tally));
    mounted.flush();
    expect(mounted.target.querySelector('.bar')).toBe(first);
    expect(text(mounted.target.querySelector('.figure'))).toBe('48 röster · 67 %');
  });
});
