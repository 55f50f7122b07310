import { slideSchema } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import type { SettingsProps } from '../kind';
import { render, type Mounted } from '../../test-support/render.svelte';
import { slide } from './fixtures';
import PointsSettings from './PointsSettings.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<SettingsProps<'points'>> | undefined;
function form() {
  const current = (mounted = render(PointsSettings, { slide: structuredClone(slide), deck: [] }));
  const budget = current.target.querySelector<HTMLInputElement>('[data-testid="edit-points-budget"]')!;
  return {
    target: current.target,
    budget,
    typeBudget(value: string) {
      budget.value = value;
      budget.dispatchEvent(new Event('input', { bubbles: true }));
      current.flush();
    },
    click(button: HTMLElement | null | undefined) {
      button?.click();
      current.flush();
    },
    slide: () => current.props.slide,
  };
}

describe("the points slide's settings", () => {
  beforeAll(() => setLocale('sv'));
  afterEach(() => mounted?.destroy());

  it('labels every field, and describes the budget by its limits', () => {
    const { target, budget } = form();
    for (const field of target.querySelectorAll('input, textarea')) {
      expect(text(target.querySelector(`label[for="${field.id}"]`)), field.id).toBeTruthy();
    }
    expect(text(target.querySelector(`label[for="${budget.id}"]`))).toBe('Poäng att fördela');
    expect(budget.value).toBe('100');
    expect(budget.getAttribute('inputmode')).toBe('numeric');
    const [hint] = budget.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(text(target.querySelector(`#${hint}`))).toBe(
      'Varje deltagare får lika många poäng att fördela: ett heltal från 1 till 1 000. Vanligast är 100.',
    );
  });

  it('sets the budget to a whole number within the limits and keeps the last good one otherwise, saying why', () => {
    const settings = form();
    settings.typeBudget('1 000');
    expect(settings.slide().budget).toBe(1000);
    expect(settings.budget.getAttribute('aria-invalid')).toBe('false');
    for (const bad of ['0', '1001', '12,5', '', 'tio']) {
      settings.typeBudget(bad);
      expect(settings.slide().budget, bad).toBe(1000);
      expect(settings.budget.getAttribute('aria-invalid'), bad).toBe('true');
    }
    expect(text(settings.target.querySelector('.error-text'))).toBe(
      'Skriv ett heltal från 1 till 1 000. Bilden behåller 1 000 poäng tills dess.',
    );
    settings.typeBudget('50');
    expect(settings.slide().budget).toBe(50);
    expect(text(settings.target.querySelector('.error-text'))).toBe('');
    expect(slideSchema.safeParse(settings.slide()).success).toBe(true);
  });

  it('adds, reorders and removes options with buttons, within 2 to 10', () => {
    const settings = form();
    const options = () => [...settings.target.querySelectorAll<HTMLTextAreaElement>('[data-testid="edit-option"]')];
    expect(options().map((option) => option.value)).toEqual(['Skolan', 'Äldrevården', 'Kollektivtrafiken']);
    settings.click(settings.target.querySelector<HTMLElement>('[aria-label="Flytta upp alternativ 3"]'));
    expect(settings.slide().items.map((item) => item.id)).toEqual(['skola', 'buss', 'vard']);
    settings.click(settings.target.querySelector<HTMLElement>('[aria-label="Ta bort alternativ 1"]'));
    expect(settings.slide().items.map((item) => item.id)).toEqual(['buss', 'vard']);
    expect(settings.target.querySelector('[aria-label="Ta bort alternativ 1"]')?.hasAttribute('disabled')).toBe(true);
    const add = [...settings.target.querySelectorAll('button')].find((button) => text(button) === 'Lägg till alternativ');
    for (let n = 0; n < 10; n += 1) settings.click(add);
    expect(settings.slide().items).toHaveLength(10);
    expect(add?.hasAttribute('disabled')).toBe(true);
  });
});
