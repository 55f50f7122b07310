// The quiz on the phone, inside the question card as the phone's page shows it: choosing, the countdown, and the close.
import { forPhones, type Answer, type QuestionSlide } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import QuestionCard from '../../audience/QuestionCard.svelte';
import type { Attempt } from '../../audience/attempt';
import { setLocale } from '../../i18n/i18n.svelte';
import { fetchPhoneParts } from '../../test-support/phone-parts';
import { render, type Mounted } from '../../test-support/render.svelte';
import { multiple, slide } from './fixtures';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

interface CardProps {
  slide: QuestionSlide;
  saved: Answer | undefined;
  attempt: Attempt | undefined;
  votingOpen: boolean;
  closesAt: number | null;
  pausedLeftMs: number | null;
  awaitingStart: boolean;
  connected: boolean;
  onsubmit: (answer: Answer) => void;
}

let mounted: Mounted<CardProps> | undefined;
afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
  vi.useRealTimers();
});

/** The card as a phone gets it: the slide without its right answers. */
function card(overrides: Partial<CardProps> = {}) {
  const sent: Answer[] = [];
  mounted = render(QuestionCard, {
    slide: forPhones(slide) as QuestionSlide,
    saved: undefined,
    attempt: undefined,
    votingOpen: true,
    closesAt: null,
    pausedLeftMs: null,
    awaitingStart: false,
    connected: true,
    onsubmit: (answer) => sent.push(answer),
    ...overrides,
  });
  const page = mounted;
  const find = (testid: string) => page.target.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
  const option = (id: string) => page.target.querySelector<HTMLInputElement>(`[data-option-id="${id}"] input`);
  const choose = (id: string) => {
    option(id)?.click();
    page.flush();
  };
  const submit = () => {
    find('submit-answer')?.click();
    page.flush();
  };
  return { page, sent, find, option, choose, submit };
}

describe('a quiz question on the phone', () => {
  beforeAll(() => Promise.all([setLocale('sv'), fetchPhoneParts('quiz')]));

  it('offers the options as radio buttons with their letters, and sends the one chosen', () => {
    const { page, sent, option, choose, submit } = card();
    const options = [...page.target.querySelectorAll('[data-testid="answer-option"]')];
    expect(options.map(text)).toEqual(['A 1863', 'B 1971', 'C 1992']);
    expect(options.every((label) => label.querySelector('.letter')?.getAttribute('aria-hidden') === 'true')).toBe(true);
    expect(option('a')?.type).toBe('radio');
    expect(text(page.target.querySelector('fieldset .hint'))).toBe('Välj ett svar');
    choose('a');
    choose('b');
    expect(option('a')?.checked).toBe(false);
    submit();
    expect(sent).toEqual([{ kind: 'quiz', optionIds: ['b'] }]);
  });

  it('asks for an answer before sending none', () => {
    const { sent, find, submit } = card();
    submit();
    expect(sent).toEqual([]);
    expect(text(find('answer-state'))).toBe('Svaret skickades inte: Välj ett svar först.');
  });

  it('takes several answers as checkboxes when several are right, in the order of the options', () => {
    const { page, sent, option, choose, submit } = card({ slide: forPhones(multiple) as QuestionSlide });
    expect(option('a')?.type).toBe('checkbox');
    expect(text(page.target.querySelector('fieldset .hint'))).toBe('Välj alla svar som du tror är rätt');
    choose('c');
    choose('a');
    submit();
    expect(sent).toEqual([{ kind: 'quiz', optionIds: ['a', 'c'] }]);
  });

  it('says "Svar skickat" once the answer is in, and offers no change', () => {
    const { find } = card({ saved: { kind: 'quiz', optionIds: ['b'] } });
    expect(text(find('answer-state'))).toBe('✓ Svar skickat');
    expect(find('submit-answer')).toBeNull();
  });

  it('shows the countdown and announces it when it starts and at ten seconds left, not every second', () => {
    vi.useFakeTimers();
    const { page, find } = card({ closesAt: Date.now() + 20_000 });
    expect(text(find('countdown'))).toBe('Svaren stängs om 20 s');
    expect(find('countdown')?.getAttribute('role')).toBe('timer');
    const news = find('countdown-news');
    expect(news?.getAttribute('role')).toBe('status');
    expect(text(news)).toBe('Svaren stängs om 20 sekunder.');

    vi.advanceTimersByTime(5_000);
    page.flush();
    expect(text(find('countdown'))).toBe('Svaren stängs om 15 s');
    expect(text(news)).toBe('Svaren stängs om 20 sekunder.');

    vi.advanceTimersByTime(5_000);
    page.flush();
    expect(text(news)).toBe('10 sekunder kvar.');
    vi.advanceTimersByTime(6_000);
    page.flush();
    expect(text(find('countdown'))).toBe('Svaren stängs om 4 s');
    expect(text(news)).toBe('10 sekunder kvar.');
  });

  it('announces the time again when the presenter extends the countdown, but not when the same deadline is re-sent', () => {
    vi.useFakeTimers();
    const { page, find } = card({ closesAt: Date.now() + 8_000 });
    expect(text(find('countdown-news'))).toBe('Svaren stängs om 8 sekunder.');
    page.props.closesAt = Date.now() + 8_040;
    page.flush();
    expect(text(find('countdown-news'))).toBe('Svaren stängs om 8 sekunder.');
    page.props.closesAt = Date.now() + 38_000;
    page.flush();
    expect(text(find('countdown-news'))).toBe('Svaren stängs om 38 sekunder.');
  });

  it('closes: the options lock, and the status line that was there all along says so', () => {
    const { page, find, option } = card({ closesAt: Date.now() + 3_000, saved: { kind: 'quiz', optionIds: ['a'] } });
    const status = page.target.querySelector('.notice[role="status"]');
    expect(text(status)).toBe('');
    page.props.votingOpen = false;
    page.props.closesAt = null;
    page.flush();
    expect(page.target.querySelector('.notice[role="status"]')).toBe(status);
    expect(text(status)).toBe('Svaren är stängda för den här frågan.');
    expect(find('countdown')).toBeNull();
    expect(option('a')?.disabled).toBe(true);
    expect(option('a')?.checked).toBe(true);
    expect(find('submit-answer')).toBeNull();
  });

  it('waits for the presenter to start it: the options shown but locked, and a polite word that it starts soon', () => {
    vi.useFakeTimers();
    const { page, find, option } = card({ votingOpen: false, awaitingStart: true });
    const status = page.target.querySelector('.notice[role="status"]');
    expect(text(status)).toBe('Frågan startar snart – vänta på presentatören.');
    expect(status?.classList.contains('sr-only')).toBe(false);
    expect(option('a')?.disabled).toBe(true);
    expect(find('submit-answer')).toBeNull();

    page.props.awaitingStart = false;
    page.props.votingOpen = true;
    page.props.closesAt = Date.now() + 20_000;
    page.flush();
    expect(page.target.querySelector('.notice[role="status"]')).toBe(status);
    expect(text(status)).toBe('');
    expect(option('a')?.disabled).toBe(false);
    expect(text(find('countdown'))).toBe('Svaren stängs om 20 s');
  });

  it('says the countdown is paused with the seconds it has left, runs none meanwhile, and still takes the answer', () => {
    const { page, sent, find, choose, submit } = card({ closesAt: Date.now() + 20_000 });
    const status = page.target.querySelector('.notice[role="status"]');
    page.props.closesAt = null;
    page.props.pausedLeftMs = 11_400;
    page.flush();
    expect(text(status)).toBe('Nedräkningen är pausad – 12 sekunder kvar.');
    expect(find('countdown')).toBeNull();
    choose('b');
    submit();
    expect(sent).toEqual([{ kind: 'quiz', optionIds: ['b'] }]);
  });
});
