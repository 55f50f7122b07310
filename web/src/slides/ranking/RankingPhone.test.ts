import { checkAnswer, type RankingAnswer, type RankingSlide, slideSchema } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import type { PhoneFormProps } from '../kind';
import { describeProblem, startDraft } from '../phone-kinds';
import { render, type Mounted } from '../../test-support/render.svelte';
import { rankingPhone } from './phone';
import RankingPhone from './RankingPhone.svelte';

const slideOf = (...labels: string[]) =>
  slideSchema.parse({
    id: 'prio',
    kind: 'ranking',
    question: 'Vad är viktigast?',
    items: labels.map((label, index) => ({ id: `i${index + 1}`, label })),
  }) as RankingSlide;

const slide = slideOf('Kompetens', 'Ekonomi', 'Samverkan', 'Digitalisering', 'Ledarskap');

let mounted: Mounted<PhoneFormProps<'ranking'>> | undefined;
afterEach(() => mounted?.destroy());

function form(props: Partial<PhoneFormProps<'ranking'>> = {}) {
  const on = props.slide ?? slide;
  mounted = render(RankingPhone, { slide: on, draft: rankingPhone.draft(on, undefined), disabled: false, labelledBy: 'q', ...props });
  const target = mounted.target;
  const rows = () => [...target.querySelectorAll<HTMLElement>('[data-testid="ranking-item"]')];
  const row = (itemId: string) => target.querySelector<HTMLElement>(`[data-item-id="${itemId}"]`);
  const labels = () => rows().map((element) => element.querySelector('.label')?.textContent);
  const announced = () => target.querySelector('[data-testid="ranking-announcement"]')?.textContent;
  return { target, rows, row, labels, announced, props: mounted.props, flush: mounted.flush };
}

/** Lets the form's own focus move, which waits for the moved row to render. */
const settled = () => new Promise((resolve) => setTimeout(resolve));

const click = (element: Element | null | undefined) => (element as HTMLButtonElement).click();

describe('ranking on the phone', () => {
  beforeAll(() => setLocale('sv'));

  it("lists every item in the slide's order with its place, each with buttons that name the item and its new place", () => {
    const { rows, labels, row } = form();
    expect(labels()).toEqual(['Kompetens', 'Ekonomi', 'Samverkan', 'Digitalisering', 'Ledarskap']);
    expect(rows().map((element) => element.querySelector('select')?.value)).toEqual(['1', '2', '3', '4', '5']);
    const second = row('i2');
    expect(second?.querySelector('select')?.getAttribute('aria-label')).toBe('Plats för Ekonomi');
    expect(second?.querySelector('.up')?.getAttribute('aria-label')).toBe('Flytta upp Ekonomi till plats 1');
    expect(second?.querySelector('.down')?.getAttribute('aria-label')).toBe('Flytta ned Ekonomi till plats 3');
    // Nothing to move past at the ends.
    expect(row('i1')?.querySelector<HTMLButtonElement>('.up')?.disabled).toBe(true);
    expect(row('i5')?.querySelector<HTMLButtonElement>('.down')?.disabled).toBe(true);
  });

  it('is a group named by the question and described by its hint', () => {
    const { target } = form();
    const group = target.querySelector('[role="group"]');
    expect(group?.getAttribute('aria-labelledby')).toBe('q');
    const hint = target.querySelector(`#${group?.getAttribute('aria-describedby') ?? 'none'}`);
    expect(hint?.textContent).toContain('Sätt det viktigaste överst');
  });

  it('moves an item with its buttons, announces where it went and keeps the focus on it', async () => {
    const { row, labels, announced, props, flush, target } = form();
    click(row('i3')?.querySelector('.up'));
    flush();
    expect(labels()).toEqual(['Kompetens', 'Samverkan', 'Ekonomi', 'Digitalisering', 'Ledarskap']);
    expect(props.draft.order).toEqual(['i1', 'i3', 'i2', 'i4', 'i5']);
    expect(announced()).toBe('Samverkan är nu på plats 2 av 5');
    expect(target.querySelector('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
    await settled();
    expect(document.activeElement).toBe(row('i3')?.querySelector('.up'));
    click(row('i3')?.querySelector('.up'));
    flush();
    await settled();
    // At the top its "up" is disabled, so the focus moves to its "down".
    expect(document.activeElement).toBe(row('i3')?.querySelector('.down'));
    expect(announced()).toBe('Samverkan är nu på plats 1 av 5');
  });

  it('moves an item anywhere in one step with its place box', async () => {
    const { row, labels, announced, props, flush } = form();
    const select = row('i5')?.querySelector('select') as HTMLSelectElement;
    select.value = '1';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    flush();
    expect(labels()).toEqual(['Ledarskap', 'Kompetens', 'Ekonomi', 'Samverkan', 'Digitalisering']);
    expect(props.draft.order).toEqual(['i5', 'i1', 'i2', 'i3', 'i4']);
    expect(row('i5')?.querySelector('select')?.value).toBe('1');
    expect(row('i1')?.querySelector('select')?.value).toBe('2');
    expect(announced()).toBe('Ledarskap är nu på plats 1 av 5');
    await settled();
    expect(document.activeElement).toBe(row('i5')?.querySelector('select'));
  });

  it('produces an answer the rules accept: the full order, most important first', () => {
    const { row, props, flush } = form();
    click(row('i4')?.querySelector('.up'));
    flush();
    click(row('i1')?.querySelector('.down'));
    flush();
    const answer: RankingAnswer = { kind: 'ranking', order: ['i2', 'i1', 'i4', 'i3', 'i5'] };
    expect(props.draft).toEqual(answer);
    expect(checkAnswer(slide, { kind: 'ranking', order: [...props.draft.order] })).toEqual({ ok: true, answer });
  });

  it('shows a saved answer, with every control disabled while it cannot change', () => {
    const saved: RankingAnswer = { kind: 'ranking', order: ['i5', 'i4', 'i3', 'i2', 'i1'] };
    const { labels, target } = form({ draft: rankingPhone.draft(slide, saved), disabled: true });
    expect(labels()).toEqual(['Ledarskap', 'Digitalisering', 'Samverkan', 'Ekonomi', 'Kompetens']);
    const controls = [...target.querySelectorAll<HTMLButtonElement | HTMLSelectElement>('button, select')];
    expect(controls).toHaveLength(15);
    expect(controls.every((control) => control.disabled)).toBe(true);
  });

  it('keeps the draft whole when the slide is edited while it is open', () => {
    const { props, flush, labels } = form({ slide: slideOf('Kompetens', 'Ekonomi', 'Samverkan') });
    props.draft.order = ['i3', 'i1', 'i2'];
    flush();
    props.slide = slideOf('Kompetens', 'Ekonomi', 'Samverkan', 'Ny punkt');
    flush();
    expect(props.draft.order).toEqual(['i3', 'i1', 'i2', 'i4']);
    props.slide = slideOf('Kompetens', 'Ekonomi');
    flush();
    expect(props.draft.order).toEqual(['i1', 'i2']);
    expect(labels()).toEqual(['Kompetens', 'Ekonomi']);
  });

  it('names an item left blank by its number', () => {
    const { labels, row } = form({ slide: slideOf('Kompetens', '') });
    expect(labels()).toEqual(['Kompetens', 'Alternativ 2']);
    expect(row('i2')?.querySelector('.up')?.getAttribute('aria-label')).toBe('Flytta upp Alternativ 2 till plats 1');
  });
});

describe('the ranking draft and its error texts', () => {
  beforeAll(() => setLocale('sv'));

  it("starts from the slide's own order, which the rules accept, or from the saved answer", () => {
    const fresh = startDraft(slide, undefined);
    expect(fresh).toEqual({ kind: 'ranking', order: ['i1', 'i2', 'i3', 'i4', 'i5'] });
    expect(checkAnswer(slide, fresh).ok).toBe(true);
    const saved: RankingAnswer = { kind: 'ranking', order: ['i2', 'i1', 'i3', 'i5', 'i4'] };
    const draft = startDraft(slide, saved);
    expect(draft).toEqual(saved);
    expect(draft).not.toBe(saved);
    expect(startDraft(slide, { kind: 'choice', optionIds: ['i2'] })).toEqual(fresh);
  });

  it("names the slide's own number of items", () => {
    const problem = (order: string[]) => {
      const check = checkAnswer(slide, { kind: 'ranking', order });
      if (check.ok) throw new Error('expected a problem');
      return describeProblem(check.problem, slide);
    };
    expect(problem(['i1', 'i2'])).toBe('Alla 5 alternativ behöver en plats. Ladda om sidan om några saknas i listan.');
    expect(problem([])).toBe('Ordna alternativen innan du svarar.');
    expect(problem(['i1', 'i1'])).toBe('Ett alternativ har fått två platser. Ladda om sidan och ordna listan igen.');
    expect(problem(['i1', 'x'])).toBe('Alternativet finns inte längre. Ladda om sidan.');
  });
});
