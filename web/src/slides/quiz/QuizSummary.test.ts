import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { noModeration } from '../../test-support/moderation';
import { render } from '../../test-support/render.svelte';
import { results, slide } from './fixtures';
import QuizSummary from './QuizSummary.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let destroy: (() => void) | undefined;
afterEach(() => destroy?.());

describe("the control view's summary of a quiz question", () => {
  beforeAll(() => setLocale('sv'));

  it('counts each option, marks the right one in words and says how many answered right', () => {
    const mounted = render(QuizSummary, { slide, results, moderation: noModeration });
    destroy = mounted.destroy;
    expect(text(mounted.target.querySelector('[data-testid="quiz-summary-right"]'))).toBe('2 av 5 svarade rätt');
    expect([...mounted.target.querySelectorAll('li')].map(text)).toEqual(['1863 3 · 60 %', '✓ 1971 (rätt svar) 2 · 40 %', '1992 0 · 0 %']);
  });

  it('says when no right answer is marked', () => {
    const mounted = render(QuizSummary, { slide: { ...slide, correct: [] }, results: undefined, moderation: noModeration });
    destroy = mounted.destroy;
    expect(text(mounted.target.querySelector('[data-testid="quiz-summary-right"]'))).toBe('Inget rätt svar är markerat');
  });
});
