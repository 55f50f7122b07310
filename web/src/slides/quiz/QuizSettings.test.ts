import { quizSlideSchema } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { render, type Mounted } from '../../test-support/render.svelte';
import type { SettingsProps } from '../kind';
import { slide } from './fixtures';
import QuizSettings from './QuizSettings.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<SettingsProps<'quiz'>> | undefined;
afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
});

function form(overrides: Partial<SettingsProps<'quiz'>['slide']> = {}) {
  mounted = render(QuizSettings, { slide: structuredClone({ ...slide, ...overrides }), deck: [] });
  const page = mounted;
  const find = (testid: string) => page.target.querySelector<HTMLInputElement>(`[data-testid="${testid}"]`);
  const correctBox = (optionId: string) =>
    page.target.querySelector<HTMLInputElement>(`[data-testid="edit-quiz-correct"][data-option-id="${optionId}"] input`);
  const click = (element: HTMLElement | null | undefined) => {
    element?.click();
    page.flush();
  };
  const type = (testid: string, value: string) => {
    const field = find(testid);
    if (!field) throw new Error(`no ${testid}`);
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    page.flush();
  };
  return { page, find, correctBox, click, type };
}

describe("a quiz question's settings", () => {
  beforeAll(() => setLocale('sv'));

  it('gives every option a "Rätt svar" checkbox, named with its option', () => {
    const { page, correctBox } = form();
    const boxes = [...page.target.querySelectorAll<HTMLInputElement>('[data-testid="edit-quiz-correct"] input')];
    expect(boxes.map((box) => box.getAttribute('aria-label'))).toEqual([
      'Rätt svar: alternativ 1',
      'Rätt svar: alternativ 2',
      'Rätt svar: alternativ 3',
    ]);
    expect(text(page.target.querySelector('[data-testid="edit-quiz-correct"]'))).toBe('Rätt svar');
    expect(boxes.map((box) => box.checked)).toEqual([false, true, false]);
    expect(correctBox('b')?.checked).toBe(true);
  });

  it('marks and unmarks right answers, kept in the order of the options', () => {
    const { page, correctBox, click } = form();
    click(correctBox('c'));
    click(correctBox('a'));
    expect(page.props.slide.correct).toEqual(['a', 'b', 'c']);
    click(correctBox('b'));
    expect(page.props.slide.correct).toEqual(['a', 'c']);
  });

  it('says that no one scores while no right answer is marked', () => {
    const { page, find, correctBox, click } = form();
    expect(find('edit-quiz-no-correct')).toBeNull();
    click(correctBox('b'));
    expect(page.props.slide.correct).toEqual([]);
    expect(text(find('edit-quiz-no-correct'))).toBe('Markera minst ett rätt svar. Utan rätt svar får ingen poäng.');
  });

  it('takes a removed option out of the right answers too, so the slide stays valid', () => {
    const { page, click } = form({ correct: ['a', 'b'] });
    click(page.target.querySelector<HTMLButtonElement>('button[aria-label="Ta bort alternativ 2"]'));
    expect(page.props.slide.options.map((option) => option.id)).toEqual(['a', 'c']);
    expect(page.props.slide.correct).toEqual(['a']);
    expect(quizSlideSchema.safeParse(page.props.slide).success).toBe(true);
  });

  it('turns the countdown off and on again with the seconds it had, and speed points only with one', () => {
    const { page, find, click, type } = form();
    type('edit-quiz-seconds', '45');
    expect(page.props.slide.seconds).toBe(45);
    expect(find('edit-quiz-speed')?.checked).toBe(true);
    click(find('edit-quiz-timer'));
    expect(page.props.slide.seconds).toBeNull();
    expect(find('edit-quiz-seconds')).toBeNull();
    expect(find('edit-quiz-speed')).toBeNull();
    click(find('edit-quiz-timer'));
    expect(page.props.slide.seconds).toBe(45);
    expect(find('edit-quiz-seconds')?.value).toBe('45');
  });

  it('keeps seconds and points within their limits, and says why a number is not taken', () => {
    const { page, find, type } = form();
    type('edit-quiz-seconds', '3');
    expect(page.props.slide.seconds).toBe(20);
    expect(find('edit-quiz-seconds')?.getAttribute('aria-invalid')).toBe('true');
    expect(text(page.target.querySelector('[aria-live="polite"]'))).toBe('Ange ett heltal från 5 till 600.');
    type('edit-quiz-points', '1500');
    expect(page.props.slide.points).toBe(1500);
    type('edit-quiz-points', '5000');
    expect(page.props.slide.points).toBe(1500);
  });

  it('lets several answers be right', () => {
    const { page, find, click } = form();
    click(find('edit-quiz-multiple'));
    expect(page.props.slide.multiple).toBe(true);
  });
});
