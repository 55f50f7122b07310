import { RANKING_LIMITS, type RankingSlide, slideSchema } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import type { SettingsProps } from '../kind';
import { render, type Mounted } from '../../test-support/render.svelte';
import { slide } from './fixtures';
import RankingSettings from './RankingSettings.svelte';

let mounted: Mounted<SettingsProps<'ranking'>> | undefined;
afterEach(() => mounted?.destroy());

function form(on: RankingSlide) {
  mounted = render(RankingSettings, { slide: structuredClone(on), deck: [] });
  const target = mounted.target;
  const button = (name: string) => [...target.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === name);
  const labelled = (label: string) => target.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
  const fields = () => [...target.querySelectorAll<HTMLTextAreaElement>('[data-testid="edit-ranking-item"]')];
  return { target, button, labelled, fields, props: mounted.props, flush: mounted.flush };
}

describe("a ranking's settings", () => {
  beforeAll(() => setLocale('sv'));

  it('labels every field and tells the editor the limits and that phones start in this order', () => {
    const { target, fields } = form(slide);
    expect(target.querySelector('legend')?.textContent).toBe('Alternativ att rangordna');
    for (const field of [...target.querySelectorAll('textarea, input')]) {
      expect(target.querySelector(`label[for="${field.id}"]`)?.textContent?.trim()).toBeTruthy();
    }
    expect(fields().map((field) => field.value)).toEqual(['Ekonomi', 'Kompetens', 'Samverkan', '']);
    expect(target.querySelector('p.hint')?.textContent).toBe(
      'Från 2 till 10 alternativ. Deltagarna ser dem i den här ordningen från början och flyttar dem sedan.',
    );
  });

  it('adds, reorders and removes items with buttons, in place on the bound slide', () => {
    const { button, labelled, props, flush } = form(slide);
    button('Lägg till alternativ')?.click();
    flush();
    expect(props.slide.items).toHaveLength(5);
    expect(props.slide.items[4]?.id).toMatch(/^r/);
    labelled('Flytta upp alternativ 2')?.click();
    flush();
    expect(props.slide.items.slice(0, 2).map((item) => item.id)).toEqual(['kompetens', 'ekonomi']);
    labelled('Ta bort alternativ 1')?.click();
    flush();
    expect(props.slide.items.map((item) => item.id).slice(0, 3)).toEqual(['ekonomi', 'samverkan', 'ny']);
    expect(slideSchema.safeParse(props.slide).success).toBe(true);
  });

  it('keeps to the limits of the rules', () => {
    const two = { ...slide, items: slide.items.slice(0, RANKING_LIMITS.minItems) };
    const { labelled } = form(two);
    expect(labelled('Ta bort alternativ 1')?.disabled).toBe(true);
    mounted?.destroy();
    const full = { ...slide, items: Array.from({ length: RANKING_LIMITS.maxItems }, (_, i) => ({ id: `i${i}`, label: `${i}` })) };
    const { button } = form(full);
    expect(button('Lägg till alternativ')?.disabled).toBe(true);
  });
});
