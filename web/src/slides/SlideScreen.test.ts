// The slide as the big screen draws it: a question's title says when answering is closed, not when it has yet to begin.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { render, type Mounted } from '../test-support/render.svelte';
import type { Voting } from './kind';
import { results, slide as quiz } from './quiz/fixtures';
import SlideScreen from './SlideScreen.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const voting = (overrides: Partial<Voting>): Voting => ({
  open: true,
  closesAt: null,
  pausedLeftMs: null,
  awaitingStart: false,
  ...overrides,
});

let mounted: Mounted<{ slide: typeof quiz; results: typeof results; voting: Voting }> | undefined;
afterEach(() => mounted?.destroy());

describe('a question on the big screen', () => {
  beforeAll(() => setLocale('sv'));

  it('is not "closed" while its countdown waits to start, and gives away no right answer then', () => {
    mounted = render(SlideScreen, { slide: quiz, results, voting: voting({ open: false, awaitingStart: true }) });
    const page = mounted;
    expect(page.target.querySelector('.title')?.textContent).not.toContain('Svaren är stängda');
    expect(text(page.target.querySelector('[data-testid="quiz-awaiting"]'))).toBe('Nedräkningen börjar när frågan visas');
    expect(page.target.querySelector('[data-testid="quiz-correct"]')).toBeNull();

    page.props.voting = voting({ open: false });
    page.flush();
    expect(text(page.target.querySelector('.title .closed'))).toBe('Svaren är stängda');
    expect(page.target.querySelector('[data-testid="quiz-correct"]')).not.toBeNull();
  });
});
