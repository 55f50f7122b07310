import { checkAnswer, type PointsAnswer, type PointsSlide } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import type { PhoneFormProps } from '../kind';
import { render, type Mounted } from '../../test-support/render.svelte';
import { slide } from './fixtures';
import { pointsPhone } from './phone';
import PointsPhone from './PointsPhone.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<PhoneFormProps<'points'>> | undefined;
afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
  vi.useRealTimers();
});

function phone(on: PointsSlide = slide, saved?: PointsAnswer, disabled = false) {
  const current = (mounted = render(PointsPhone, { slide: on, draft: pointsPhone.draft(on, saved), disabled, labelledBy: 'q' }));
  const item = (itemId: string) => current.target.querySelector(`[data-testid="points-item"][data-item-id="${itemId}"]`);
  const control = (itemId: string, testid: string) => item(itemId)?.querySelector<HTMLElement>(`[data-testid="${testid}"]`) ?? null;
  const field = (itemId: string) => control(itemId, 'points-input') as HTMLInputElement;
  return {
    target: current.target,
    item,
    field,
    press(itemId: string, testid: string, times = 1) {
      for (let n = 0; n < times; n += 1) control(itemId, testid)?.click();
      current.flush();
    },
    type(itemId: string, value: string) {
      const input = field(itemId);
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      current.flush();
    },
    key(itemId: string, key: string) {
      field(itemId).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      current.flush();
    },
    counter: () => current.target.querySelector<HTMLElement>('[data-testid="points-left"]'),
    status: () => current.target.querySelector('[role="status"]'),
    /** The draft as the phone would send it, through the same rules the server applies. */
    check: () => checkAnswer(on, JSON.parse(JSON.stringify(current.props.draft)) as PointsAnswer),
    control,
  };
}

const points = (...allocations: [string, number][]): PointsAnswer => ({
  kind: 'points',
  allocations: allocations.map(([itemId, given]) => ({ itemId, points: given })),
});

describe('spreading points on a phone', () => {
  beforeAll(() => setLocale('sv'));

  it('builds a valid answer with the buttons alone, counting what is left', () => {
    const form = phone();
    expect(text(form.counter())).toBe('Kvar att fördela: 100 av 100');
    form.press('skola', 'points-more-10', 4);
    form.press('skola', 'points-more', 2);
    form.press('buss', 'points-more-10', 3);
    form.press('buss', 'points-less');
    expect(form.field('skola').value).toBe('42');
    expect(form.field('buss').value).toBe('29');
    expect(form.field('vard').value).toBe('0');
    expect(text(form.counter())).toBe('Kvar att fördela: 29 av 100');
    expect(form.counter()?.dataset.left).toBe('29');
    expect(form.check()).toEqual({ ok: true, answer: points(['skola', 42], ['buss', 29]) });
  });

  it('takes typed numbers, digits only, never below 0 and never more than the budget in one field', () => {
    const form = phone();
    form.type('vard', '35');
    expect(form.field('vard').value).toBe('35');
    form.type('skola', '-5');
    expect(form.field('skola').value).toBe('5');
    form.type('skola', '');
    expect(form.field('skola').value).toBe('');
    form.type('buss', '250');
    expect(form.field('buss').value).toBe('100');
    form.type('buss', '0065');
    expect(form.field('buss').value).toBe('65');
    expect(form.check()).toEqual({ ok: true, answer: points(['vard', 35], ['buss', 65]) });
    expect(text(form.counter())).toBe('✓Alla 100 poäng är fördelade');
  });

  it('says clearly when the answer is over the budget, and the rules refuse to send it', () => {
    const form = phone();
    form.type('skola', '70');
    form.type('vard', '50');
    expect(text(form.counter())).toBe('!20 poäng för mycket. Ta bort några.');
    expect(form.counter()?.classList.contains('over')).toBe(true);
    expect(form.field('skola').getAttribute('aria-invalid')).toBe('true');
    expect(form.field('buss').getAttribute('aria-invalid')).toBe('false');
    const check = form.check();
    expect(check.ok ? null : check.problem.code).toBe('over_budget');
    expect(pointsPhone.problems.over_budget?.(slide)).toBe(
      'Du kan fördela högst 100 poäng. Ta bort poäng från något alternativ och skicka igen.',
    );
  });

  it('never lets a button go below 0 or over the budget, and keeps a pressed button focusable', () => {
    const form = phone();
    const less = form.control('skola', 'points-less');
    expect(less?.getAttribute('aria-disabled')).toBe('true');
    expect(less?.hasAttribute('disabled')).toBe(false);
    form.press('skola', 'points-less');
    expect(form.field('skola').value).toBe('0');
    form.type('skola', '95');
    form.press('vard', 'points-more-10');
    expect(form.field('vard').value).toBe('5');
    expect(form.control('vard', 'points-more')?.getAttribute('aria-disabled')).toBe('true');
    form.press('vard', 'points-more');
    expect(form.field('vard').value).toBe('5');
    expect(form.check()).toEqual({ ok: true, answer: points(['skola', 95], ['vard', 5]) });
  });

  it('steps by keyboard in the field: arrows by 1, page keys by 10', () => {
    const form = phone();
    form.key('vard', 'PageUp');
    form.key('vard', 'PageUp');
    form.key('vard', 'ArrowUp');
    form.key('vard', 'ArrowDown');
    form.key('vard', 'ArrowDown');
    expect(form.field('vard').value).toBe('19');
    expect(form.check()).toEqual({ ok: true, answer: points(['vard', 19]) });
  });

  it('moves on to the next option on Enter, leaving the last one to send the answer', () => {
    const form = phone();
    form.field('skola').focus();
    const enter = (itemId: string) => {
      const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
      form.field(itemId).dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(enter('skola')).toBe(true);
    expect(document.activeElement).toBe(form.field('vard'));
    expect(form.field('vard').getAttribute('enterkeyhint')).toBe('next');
    expect(enter('buss')).toBe(false);
    expect(form.field('buss').getAttribute('enterkeyhint')).toBe('send');
  });

  it('starts from a saved answer, leaving out options since removed', () => {
    const form = phone(slide, points(['skola', 30], ['borta', 10], ['buss', 20]));
    expect([form.field('skola').value, form.field('vard').value, form.field('buss').value]).toEqual(['30', '0', '20']);
    expect(text(form.counter())).toBe('Kvar att fördela: 50 av 100');
    expect(form.check()).toEqual({ ok: true, answer: points(['skola', 30], ['buss', 20]) });
  });

  it('tells screen readers what is left once the person pauses, not on every tap', () => {
    vi.useFakeTimers();
    const form = phone();
    expect(text(form.status())).toBe('Kvar att fördela: 100 av 100');
    form.press('skola', 'points-more', 3);
    vi.advanceTimersByTime(500);
    form.press('skola', 'points-more');
    vi.advanceTimersByTime(500);
    mounted?.flush();
    expect(text(form.status())).toBe('Kvar att fördela: 100 av 100');
    vi.advanceTimersByTime(500);
    mounted?.flush();
    expect(text(form.status())).toBe('Kvar att fördela: 96 av 100');
  });

  it('labels every field and button with its option, and describes the fields by what is left', () => {
    const form = phone();
    const group = form.target.querySelector('[role="group"]');
    expect(group?.getAttribute('aria-labelledby')).toBe('q');
    expect(text(form.target.querySelector(`#${group?.getAttribute('aria-describedby')}`))).toBe(
      'Fördela upp till 100 poäng mellan alternativen, så många du vill på varje. Du behöver inte använda alla.',
    );
    const field = form.field('vard');
    expect(text(form.target.querySelector(`label[for="${field.id}"]`))).toBe('Äldrevården, poäng');
    expect(field.getAttribute('inputmode')).toBe('numeric');
    expect(form.target.querySelector(`#${field.getAttribute('aria-describedby')}`)?.getAttribute('role')).toBe('status');
    expect(form.control('vard', 'points-more')?.getAttribute('aria-label')).toBe('Lägg 1 poäng på Äldrevården');
    expect(form.control('vard', 'points-less-10')?.getAttribute('aria-label')).toBe('Ta bort 10 poäng från Äldrevården');
    expect(form.counter()?.getAttribute('aria-hidden')).toBe('true');
  });

  it('shows a bar of each option’s part of the budget', () => {
    const form = phone(slide, points(['skola', 25]));
    const fill = form.item('skola')?.querySelector<HTMLElement>('.fill');
    expect(fill?.style.getPropertyValue('--share')).toBe('0.25');
  });

  it('offers steps of ten only for a budget of 50 or more', () => {
    const small = phone({ ...slide, budget: 10 });
    expect(small.target.querySelectorAll('[data-testid="points-more-10"]')).toHaveLength(0);
    expect(small.target.querySelectorAll('[data-testid="points-more"]')).toHaveLength(3);
    expect(text(small.counter())).toBe('Kvar att fördela: 10 av 10');
  });

  it('locks every control when answering is closed', () => {
    const form = phone(slide, undefined, true);
    const controls = [...form.target.querySelectorAll('button, input')];
    expect(controls).toHaveLength(3 * 5);
    for (const control of controls) expect(control.hasAttribute('disabled')).toBe(true);
    form.press('skola', 'points-more');
    expect(form.field('skola').value).toBe('0');
  });

  it("names the slide's own budget in its error texts", () => {
    const ten = { ...slide, budget: 10 };
    expect(pointsPhone.problems.out_of_range?.(ten)).toBe('Ett alternativ kan få från 0 till 10 poäng.');
    expect(pointsPhone.problems.over_budget?.(ten)).toBe(
      'Du kan fördela högst 10 poäng. Ta bort poäng från något alternativ och skicka igen.',
    );
    expect(pointsPhone.problems.empty_answer?.(ten)).toBe('Ge minst 1 poäng till något av alternativen.');
    const empty = checkAnswer(ten, pointsPhone.draft(ten, undefined));
    expect(empty.ok ? null : empty.problem.code).toBe('empty_answer');
  });
});
