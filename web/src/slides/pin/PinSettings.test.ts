import { PIN_LIMITS, slideSchema } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { render, type Mounted } from '../../test-support/render.svelte';
import type { SettingsProps } from '../kind';
import { apart, slide } from './fixtures';
import PinSettings from './PinSettings.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<SettingsProps<'pin'>> | undefined;
afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
});

function form(props: SettingsProps<'pin'>) {
  const shown = render(PinSettings, props);
  mounted = shown;
  const field = (index: number, name: string) => {
    const region = shown.target.querySelectorAll('[data-testid="edit-pin-region"]').item(index);
    return region?.querySelector<HTMLInputElement>(`[data-testid="edit-pin-region-${name}"]`);
  };
  const press = (label: string) => {
    const button = [...shown.target.querySelectorAll<HTMLButtonElement>('button')].find(
      (candidate) => candidate.getAttribute('aria-label') === label || text(candidate) === label,
    );
    if (!button) throw new Error(`no button ${label}`);
    button.click();
    shown.flush();
    return button;
  };
  const type = (input: HTMLInputElement | null | undefined, value: string) => {
    if (!input) throw new Error('no field');
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    shown.flush();
  };
  return { target: shown.target, slide: () => shown.props.slide, field, press, type };
}

const copy = <T>(value: T): T => structuredClone(value);

describe("the pin slide's settings", () => {
  beforeAll(() => setLocale('sv'));

  it('labels every field, and gives each form its own ids', () => {
    const { target } = form({ slide: copy(apart), deck: [] });
    const fields = [...target.querySelectorAll('input:not([type="file"]), textarea')];
    expect(fields.length).toBeGreaterThan(10);
    for (const field of fields) expect(text(target.querySelector(`label[for="${field.id}"]`))).toBeTruthy();
    expect([...target.querySelectorAll('[data-testid="edit-pin-region"] legend')].map(text)).toEqual(['Område 1', 'Område 2']);
    const other = render(PinSettings, { slide: { ...copy(apart), id: 'annan' }, deck: [] });
    const ids = new Set(fields.map((field) => field.id));
    expect([...other.target.querySelectorAll('input, textarea')].some((field) => ids.has(field.id))).toBe(false);
    other.destroy();
  });

  it('shows a region in per cent of the image and stores what is typed as shares, to the thousandth', () => {
    const { field, type, slide: edited } = form({ slide: copy(apart), deck: [] });
    expect(['label', 'x', 'y', 'width', 'height'].map((name) => field(1, name)?.value)).toEqual(['Öst', '70', '0', '30', '100']);
    type(field(1, 'label'), 'Östra delen');
    type(field(1, 'x'), '65.25');
    type(field(1, 'width'), '35');
    expect(edited().regions[1]).toEqual({ id: 'ost', label: 'Östra delen', x: 0.653, y: 0, width: 0.35, height: 1 });
    // An emptied field keeps the last number until a new one is typed.
    type(field(1, 'y'), '');
    expect(edited().regions[1]?.y).toBe(0);
    expect(slideSchema.safeParse(edited()).success).toBe(true);
  });

  it('says when a region reaches past the image or has no size, beside its fields', () => {
    const { target, field, type } = form({ slide: copy(apart), deck: [] });
    type(field(0, 'width'), '0');
    const problem = target.querySelector('[data-testid="edit-pin-region"] .error-text');
    expect(text(problem)).toBe('Området har ingen yta. Ge det både bredd och höjd.');
    expect(field(0, 'width')?.getAttribute('aria-invalid')).toBe('true');
    expect(field(0, 'width')?.getAttribute('aria-describedby')).toBe(problem?.id);
    type(field(0, 'width'), '30');
    type(field(0, 'x'), '80');
    expect(text(target.querySelector('.error-text'))).toBe('Området går utanför bilden. Bara delen på bilden räknas.');
  });

  it('adds, reorders and removes regions with buttons, the new one taking the focus', async () => {
    const { press, slide: edited, field } = form({ slide: copy(apart), deck: [] });
    press('Lägg till område');
    // The focus moves once the new row has rendered.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(edited().regions).toHaveLength(3);
    expect(edited().regions[2]).toMatchObject({ label: '', x: 0.4, y: 0.4, width: 0.2, height: 0.2 });
    expect(document.activeElement).toBe(field(2, 'label'));
    press('Flytta upp område 3');
    expect(edited().regions.map((region) => region.label)).toEqual(['Väst', '', 'Öst']);
    press('Flytta ned område 1');
    expect(edited().regions.map((region) => region.label)).toEqual(['', 'Väst', 'Öst']);
    press('Ta bort område 1');
    expect(edited().regions.map((region) => region.id)).toEqual(['vast', 'ost']);
  });

  it('stops adding at the most regions a slide may have, and says why', () => {
    const many = Array.from({ length: PIN_LIMITS.maxRegions }, (_, index) => ({ ...apart.regions[0]!, id: `r${index}` }));
    const { target } = form({ slide: { ...copy(apart), regions: many }, deck: [] });
    expect(target.querySelector<HTMLButtonElement>('[data-testid="edit-pin-add-region"]')?.disabled).toBe(true);
    expect(text(target.querySelector('[data-testid="edit-pin-add-region"] + .hint'))).toBe('Bilden har 12 områden, det högsta antalet.');
  });

  it('adds a region drawn on the image by pointer', () => {
    const { target, slide: edited } = form({ slide: copy(slide), deck: [] });
    const drawing = target.querySelector<HTMLElement>('[data-testid="edit-pin-drawing"]');
    if (!drawing) throw new Error('no drawing');
    expect(drawing.getAttribute('aria-hidden')).toBe('true');
    drawing.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width: 400, height: 200 });
    const pointer = (type: string, clientX: number, clientY: number) =>
      drawing.dispatchEvent(new PointerEvent(type, { clientX, clientY, button: 0, pointerId: 1, bubbles: true }));
    pointer('pointerdown', 300, 150);
    pointer('pointermove', 100, 50);
    pointer('pointerup', 100, 50);
    mounted?.flush();
    expect(edited().regions.at(-1)).toMatchObject({ label: '', x: 0.25, y: 0.25, width: 0.5, height: 0.5 });
    // A click is not a region.
    pointer('pointerdown', 10, 10);
    pointer('pointerup', 11, 11);
    mounted?.flush();
    expect(edited().regions).toHaveLength(4);
  });

  it('offers the image upload, and the drawing only once there is an image', () => {
    const { target } = form({ slide: { ...copy(apart), image: null }, deck: [] });
    expect(target.querySelector('[data-testid="image-upload"]')).not.toBeNull();
    expect(target.querySelector('[data-testid="edit-pin-drawing"]')).toBeNull();
  });
});
