import { blankSlide, GRID_LIMITS, slideSchema, type GridSlide } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { render, type Mounted } from '../../test-support/render.svelte';
import type { SettingsProps } from '../kind';
import GridSettings from './GridSettings.svelte';

let next = 0;
const blank = () => slideSchema.parse(blankSlide('grid', 'ny', () => `i${(next += 1)}`)) as GridSlide;

let mounted: Mounted<SettingsProps<'grid'>> | undefined;
function form(slide: GridSlide = blank()) {
  mounted = render(GridSettings, { slide, deck: [slide] });
  const target = mounted.target;
  return {
    target,
    field: (testid: string) => target.querySelector<HTMLInputElement>(`[data-testid="${testid}"]`),
    slide: () => mounted!.props.slide,
  };
}

function type(field: HTMLInputElement | HTMLTextAreaElement | null | undefined, value: string): void {
  if (!field) throw new Error('no field');
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  mounted?.flush();
}

function press(button: HTMLButtonElement | null | undefined): void {
  if (!button) throw new Error('no button');
  button.click();
  mounted?.flush();
}

const buttonNamed = (target: HTMLElement, name: string) =>
  [...target.querySelectorAll('button')].find((button) => (button.getAttribute('aria-label') ?? button.textContent?.trim()) === name);

describe("the grid's settings", () => {
  beforeAll(() => setLocale('sv'));
  afterEach(() => mounted?.destroy());

  it('labels every field and gives each form its own ids', () => {
    const first = form();
    const ids = [...first.target.querySelectorAll('input, textarea')].map((field) => field.id);
    for (const id of ids) expect(first.target.querySelector(`label[for="${id}"]`)?.textContent?.trim()).toBeTruthy();
    const other = render(GridSettings, { slide: blank(), deck: [] });
    const otherIds = [...other.target.querySelectorAll('input, textarea')].map((field) => field.id);
    expect(otherIds.some((id) => ids.includes(id))).toBe(false);
    other.destroy();
  });

  it("edits the axes' names and end words in place, within their limit", () => {
    const { field, slide } = form();
    type(field('edit-grid-x-label'), 'Nytta');
    type(field('edit-grid-x-min'), 'Liten');
    type(field('edit-grid-y-max'), 'Hög');
    expect(slide().x).toEqual({ label: 'Nytta', minLabel: 'Liten', maxLabel: '' });
    expect(slide().y).toEqual({ label: '', minLabel: '', maxLabel: 'Hög' });
    expect(field('edit-grid-y-label')?.maxLength).toBe(GRID_LIMITS.axisLabelLength);
  });

  it('takes a whole number in the limits as the top of the scales, and says what is wrong with anything else', () => {
    const { field, slide, target } = form();
    const max = field('edit-grid-max');
    expect(max?.value).toBe('10');
    type(max, '7');
    expect(slide().max).toBe(7);
    expect(target.textContent).toContain('Vid 7, till höger');
    for (const bad of ['1', '101', '4,5', '']) {
      type(max, bad);
      expect(slide().max).toBe(7);
      expect(max?.getAttribute('aria-invalid')).toBe('true');
      const error = document.getElementById(max?.getAttribute('aria-describedby')?.split(' ')[1] ?? '');
      expect(error?.textContent).toBe('Skriv ett heltal från 2 till 100.');
    }
    type(max, '100');
    expect(slide().max).toBe(100);
    expect(max?.getAttribute('aria-invalid')).toBe('false');
    expect(max?.getAttribute('aria-describedby')?.split(' ')).toHaveLength(1);
  });

  it('adds, reorders and removes items with buttons, within the limits', () => {
    const { target, slide, field } = form();
    expect(buttonNamed(target, 'Ta bort alternativ 1')?.disabled).toBe(true);
    type(target.querySelector<HTMLTextAreaElement>('[data-testid="edit-grid-item"]'), 'Cykelbana');
    press(buttonNamed(target, 'Lägg till alternativ'));
    const items = target.querySelectorAll<HTMLTextAreaElement>('[data-testid="edit-grid-item"]');
    type(items[1], 'Skola');
    press(buttonNamed(target, 'Flytta alternativ 2 uppåt'));
    expect(slide().items.map((item) => item.label)).toEqual(['Skola', 'Cykelbana']);
    press(buttonNamed(target, 'Ta bort alternativ 1'));
    expect(slide().items.map((item) => item.label)).toEqual(['Cykelbana']);
    for (let n = 1; n < GRID_LIMITS.maxItems; n += 1) press(buttonNamed(target, 'Lägg till alternativ'));
    expect(slide().items).toHaveLength(GRID_LIMITS.maxItems);
    expect(buttonNamed(target, 'Lägg till alternativ')?.disabled).toBe(true);
    expect(slideSchema.safeParse(slide()).success).toBe(true);
    expect(field('edit-grid-max')).not.toBeNull();
  });
});
