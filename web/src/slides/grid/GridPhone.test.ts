import { checkAnswer, slideSchema, type GridAnswer, type GridSlide } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { render, type Mounted } from '../../test-support/render.svelte';
import { describeProblem, startDraft } from '../phone-kinds';
import type { PhoneFormProps } from '../kind';
import GridPhone from './GridPhone.svelte';

const slide = slideSchema.parse({
  id: 'prio',
  kind: 'grid',
  question: 'Var hamnar förslagen?',
  items: [
    { id: 'cykel', label: 'Cykelbana' },
    { id: 'skola', label: 'Ny skola' },
  ],
  x: { label: 'Nytta', minLabel: 'Liten', maxLabel: 'Stor' },
  y: { label: '', minLabel: 'Låg', maxLabel: '' },
  max: 6,
}) as GridSlide;

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<PhoneFormProps<'grid'>> | undefined;
function form(draft: GridAnswer = { kind: 'grid', placements: [] }, disabled = false) {
  mounted = render(GridPhone, { slide, draft, disabled, labelledBy: 'fraga' });
  const target = mounted.target;
  const item = (itemId: string) => target.querySelector<HTMLFieldSetElement>(`[data-testid="grid-item"][data-item-id="${itemId}"]`);
  const within = <E extends Element>(itemId: string, selector: string) => item(itemId)?.querySelector<E>(selector) ?? null;
  return {
    target,
    item,
    range: (itemId: string, axis: 'x' | 'y') => within<HTMLInputElement>(itemId, `[data-testid="grid-${axis}"]`),
    step: (itemId: string, axis: 'x' | 'y', way: 'increase' | 'decrease') =>
      within<HTMLButtonElement>(itemId, `[data-testid="grid-${way}"][data-axis="${axis}"]`),
    toggle: (itemId: string) => within<HTMLInputElement>(itemId, '[data-testid="grid-place"] input'),
    draft: () => mounted!.props.draft,
  };
}

function slideTo(range: HTMLInputElement | null, value: number): void {
  if (!range) throw new Error('no slider');
  range.value = String(value);
  range.dispatchEvent(new Event('input', { bubbles: true }));
  mounted?.flush();
}

function press(element: HTMLElement | null): void {
  if (!element) throw new Error('nothing to press');
  element.click();
  mounted?.flush();
}

describe('the grid on the phone', () => {
  beforeAll(() => setLocale('sv'));
  afterEach(() => mounted?.destroy());

  it('starts with nothing placed: every item says so, and an empty answer is refused with words naming the slide', () => {
    const { item, target, range } = form();
    for (const id of ['cykel', 'skola']) {
      expect(item(id)?.dataset['placed']).toBe('false');
      expect(text(item(id)?.querySelector('.pending'))).toBe('Inte placerat än. Flytta ett reglage eller kryssa i Placera.');
    }
    // Not placed, the sliders start in the middle and say they are not placed.
    expect(range('cykel', 'x')?.value).toBe('3');
    expect(range('cykel', 'x')?.getAttribute('aria-valuetext')).toBe('3 av 6, inte placerat');
    expect(text(target.querySelector('[data-testid="grid-progress"]'))).toBe('0 av 2 placerade');
    const check = checkAnswer(slide, mounted!.props.draft);
    expect(check.ok ? null : describeProblem(check.problem, slide)).toBe('Placera minst ett alternativ.');
  });

  it('places an item with the stepper buttons alone, into an answer the rules accept as it is', () => {
    const { step, draft, item, target } = form();
    press(step('skola', 'x', 'increase'));
    press(step('skola', 'x', 'increase'));
    press(step('skola', 'y', 'decrease'));
    expect(draft().placements).toEqual([{ itemId: 'skola', x: 5, y: 2 }]);
    expect(item('skola')?.dataset['placed']).toBe('true');
    expect(item('skola')?.querySelector('.pending')).toBeNull();
    expect(text(target.querySelector('[data-testid="grid-progress"]'))).toBe('1 av 2 placerade');
    const answer = JSON.parse(JSON.stringify(draft())) as GridAnswer;
    expect(checkAnswer(slide, answer)).toEqual({ ok: true, answer });
  });

  it('places by keyboard on the sliders, keeps the slide order and stays within the scale', () => {
    const { range, step, draft } = form();
    slideTo(range('skola', 'y'), 6);
    slideTo(range('cykel', 'x'), 0);
    press(step('cykel', 'x', 'decrease'));
    press(step('skola', 'y', 'increase'));
    expect(draft().placements).toEqual([
      { itemId: 'cykel', x: 0, y: 3 },
      { itemId: 'skola', x: 3, y: 6 },
    ]);
    expect(range('skola', 'y')?.getAttribute('aria-valuetext')).toBe('6 av 6');
  });

  it('takes an item off with Placera and puts it back where it stood', () => {
    const { toggle, draft, range } = form({ kind: 'grid', placements: [{ itemId: 'cykel', x: 1, y: 5 }] });
    expect(toggle('cykel')?.checked).toBe(true);
    press(toggle('cykel'));
    expect(draft().placements).toEqual([]);
    expect(range('cykel', 'x')?.value).toBe('1');
    press(toggle('cykel'));
    expect(draft().placements).toEqual([{ itemId: 'cykel', x: 1, y: 5 }]);
    press(toggle('skola'));
    expect(draft().placements).toEqual([
      { itemId: 'cykel', x: 1, y: 5 },
      { itemId: 'skola', x: 3, y: 3 },
    ]);
  });

  it("names every control with its item and its axis, and describes the axis's ends", () => {
    const { target, range, step, toggle } = form();
    const slider = range('cykel', 'x')!;
    expect(text(target.querySelector(`label[for="${slider.id}"]`))).toBe('→ Nytta');
    expect(text(document.getElementById(slider.getAttribute('aria-describedby') ?? ''))).toBe('0 = Liten 6 = Stor');
    // An unnamed axis is called by its direction, and an end without words shows its number.
    const up = range('cykel', 'y')!;
    expect(text(target.querySelector(`label[for="${up.id}"]`))).toBe('↑ Lodrätt');
    expect(text(document.getElementById(up.getAttribute('aria-describedby') ?? ''))).toBe('0 = Låg 6');
    expect(step('cykel', 'x', 'increase')?.getAttribute('aria-label')).toBe('Öka Nytta för Cykelbana');
    expect(step('skola', 'y', 'decrease')?.getAttribute('aria-label')).toBe('Minska Lodrätt för Ny skola');
    expect(text(toggle('skola')?.closest('label'))).toBe('Placera Ny skola');
    const group = target.querySelector('[role="group"]');
    expect(group?.getAttribute('aria-labelledby')).toBe('fraga');
    expect(text(document.getElementById(group?.getAttribute('aria-describedby') ?? ''))).toBe(
      'Placera de alternativ du vill på båda skalorna, från 0 till 6. Bara det du placerar räknas.',
    );
    expect(target.querySelector('[data-testid="grid-progress"]')?.getAttribute('aria-live')).toBe('polite');
    // The preview is an extra for touch, silent to screen readers.
    expect(target.querySelector('[data-testid="grid-preview"]')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('places an item where a finger taps or drags in its preview square, as an extra to the sliders', () => {
    const { target, draft } = form();
    const preview = target.querySelector<HTMLElement>('[data-testid="grid-item"][data-item-id="skola"] [data-testid="grid-preview"]')!;
    preview.getBoundingClientRect = () => ({
      left: 10,
      top: 20,
      width: 120,
      height: 120,
      right: 130,
      bottom: 140,
      x: 10,
      y: 20,
      toJSON: () => ({}),
    });
    preview.dispatchEvent(new PointerEvent('pointerdown', { clientX: 130, clientY: 20, pointerId: 1, bubbles: true }));
    mounted?.flush();
    expect(draft().placements).toEqual([{ itemId: 'skola', x: 6, y: 6 }]);
    // A quarter of the way across and a quarter of the way up: 1,5 rounds to 2.
    preview.dispatchEvent(new PointerEvent('pointerdown', { clientX: 40, clientY: 110, pointerId: 1, bubbles: true }));
    mounted?.flush();
    expect(draft().placements).toEqual([{ itemId: 'skola', x: 2, y: 2 }]);
  });

  it('gives each form its own ids', () => {
    const first = form();
    const ids = [...first.target.querySelectorAll('input')].map((input) => input.id).filter(Boolean);
    const other = render(GridPhone, { slide, draft: { kind: 'grid', placements: [] }, disabled: false, labelledBy: 'q' });
    const otherIds = [...other.target.querySelectorAll('input')].map((input) => input.id).filter(Boolean);
    expect(ids).toHaveLength(4);
    expect(otherIds.some((id) => ids.includes(id))).toBe(false);
    other.destroy();
  });

  it('changes nothing while disabled', () => {
    const { target, draft } = form({ kind: 'grid', placements: [{ itemId: 'cykel', x: 2, y: 2 }] }, true);
    for (const control of target.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button'))
      expect(control.disabled).toBe(true);
    expect(draft().placements).toEqual([{ itemId: 'cykel', x: 2, y: 2 }]);
  });

  it('starts its draft from a saved answer as a copy, and a fresh one empty', () => {
    const saved: GridAnswer = { kind: 'grid', placements: [{ itemId: 'skola', x: 6, y: 0 }] };
    const draft = startDraft(slide, saved);
    expect(draft).toEqual(saved);
    expect(draft).not.toBe(saved);
    expect(checkAnswer(slide, draft)).toEqual({ ok: true, answer: saved });
    expect(startDraft(slide, undefined)).toEqual({ kind: 'grid', placements: [] });
    const far = checkAnswer(slide, { kind: 'grid', placements: [{ itemId: 'skola', x: 7, y: 0 }] });
    expect(far.ok ? null : describeProblem(far.problem, slide)).toBe('Välj ett värde från 0 till 6 på båda skalorna.');
  });
});
