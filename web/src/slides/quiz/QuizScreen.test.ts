import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { render, type Mounted } from '../../test-support/render.svelte';
import type { ResultsProps, Voting } from '../kind';
import { results, slide } from './fixtures';
import QuizScreen from './QuizScreen.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<ResultsProps<'quiz'>> | undefined;
afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
  vi.useRealTimers();
});

function screen(props: ResultsProps<'quiz'>) {
  mounted = render(QuizScreen, props);
  return mounted;
}

const voting = (overrides: Partial<Voting> = {}): Voting => ({
  open: true,
  closesAt: null,
  pausedLeftMs: null,
  awaitingStart: false,
  ...overrides,
});
const RING = 2 * Math.PI * 45;
const options = (target: Element) => [...target.querySelectorAll<HTMLElement>('[data-testid="quiz-option"]')];

describe('a quiz question on the big screen', () => {
  beforeAll(() => setLocale('sv'));

  it('while open: the options large with their letters, how many have answered, and no figures or bars', () => {
    const { target } = screen({ slide, results, voting: voting() });
    expect(options(target).map(text)).toEqual(['A 1863', 'B 1971', 'C 1992']);
    expect(target.querySelector('.track')).toBeNull();
    expect(target.querySelector('[data-testid="quiz-correct"]')).toBeNull();
    expect(options(target).every((option) => option.dataset.correct === undefined)).toBe(true);
    expect(target.querySelector('[data-testid="quiz-table"]')).toBeNull();
    expect(text(target.querySelector('[data-testid="quiz-answered"]'))).toBe('5 har svarat');
    expect(target.textContent).not.toMatch(/%|svarade rätt/);
    // Readable while open: nothing hides the options from screen readers.
    expect(target.querySelector('.options')?.getAttribute('aria-hidden')).toBeNull();
    expect(target.querySelector('[data-testid="countdown"]')).toBeNull();
  });

  it('draws the countdown as a ring with the seconds in large numerals', () => {
    vi.useFakeTimers();
    const view = screen({ slide, results: undefined, voting: voting({ closesAt: Date.now() + 20_000 }) });
    const timer = view.target.querySelector('[data-testid="countdown"]');
    expect(timer?.getAttribute('role')).toBe('timer');
    expect(text(timer)).toBe('20 sekunder');
    expect(timer?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    const left = () => Number(view.target.querySelector('.ring-left')?.getAttribute('stroke-dashoffset'));
    expect(left()).toBeCloseTo(0);
    vi.advanceTimersByTime(15_000);
    view.flush();
    expect(text(timer)).toBe('5 sekunder');
    expect(left()).toBeCloseTo(RING * 0.75);
    expect(view.target.querySelector('.ring')?.classList.contains('ending')).toBe(true);
    expect(view.target.querySelector('[data-testid="quiz-answered"]')).toBeNull();
  });

  it('stops the ring where it stood while paused, with the seconds left and "pausad" in words, and runs on when resumed', () => {
    vi.useFakeTimers();
    const view = screen({ slide, results: undefined, voting: voting({ closesAt: Date.now() + 20_000 }) });
    const left = () => Number(view.target.querySelector('.ring-left')?.getAttribute('stroke-dashoffset'));
    const news = () => text(view.target.querySelector('[data-testid="countdown-news"]'));
    vi.advanceTimersByTime(5_000);
    view.flush();
    expect(left()).toBeCloseTo(RING * 0.25);

    view.props.voting = voting({ pausedLeftMs: 14_200 });
    view.flush();
    const timer = view.target.querySelector('[data-testid="countdown"]');
    expect(text(timer)).toBe('15 pausad');
    expect(view.target.querySelector('.ring')?.classList.contains('paused')).toBe(true);
    expect(left()).toBeCloseTo(RING * 0.25);
    expect(news()).toBe('Nedräkningen är pausad – 15 sekunder kvar.');
    vi.advanceTimersByTime(60_000);
    view.flush();
    expect(text(timer)).toBe('15 pausad');
    expect(left()).toBeCloseTo(RING * 0.25);

    view.props.voting = voting({ closesAt: Date.now() + 14_200 });
    view.flush();
    expect(view.target.querySelector('[data-testid="countdown"]')).toBe(timer);
    expect(text(timer)).toBe('15 sekunder');
    expect(news()).toBe('Svaren stängs om 15 sekunder.');
  });

  it('draws a countdown first seen paused, or given more than it started from while paused, as a full ring', () => {
    const view = screen({ slide, results: undefined, voting: voting({ pausedLeftMs: 9_000 }) });
    const left = () => Number(view.target.querySelector('.ring-left')?.getAttribute('stroke-dashoffset'));
    expect(text(view.target.querySelector('[data-testid="countdown"]'))).toBe('9 pausad');
    expect(left()).toBeCloseTo(0);
    view.props.voting = voting({ pausedLeftMs: 39_000 });
    view.flush();
    expect(text(view.target.querySelector('[data-testid="countdown"]'))).toBe('39 pausad');
    expect(left()).toBeCloseTo(0);
  });

  it('while its countdown waits to start: the options and a calm word of when it starts, nothing of the outcome', () => {
    const { target } = screen({ slide, results, voting: voting({ open: false, awaitingStart: true }) });
    expect(text(target.querySelector('[data-testid="quiz-awaiting"]'))).toBe('Nedräkningen börjar när frågan visas');
    expect(options(target).map(text)).toEqual(['A 1863', 'B 1971', 'C 1992']);
    expect(options(target).every((option) => option.dataset.correct === undefined)).toBe(true);
    expect(target.querySelector('.track')).toBeNull();
    expect(target.querySelector('[data-testid="quiz-correct"]')).toBeNull();
    expect(target.querySelector('[data-testid="quiz-right"]')).toBeNull();
    expect(target.querySelector('[data-testid="quiz-table"]')).toBeNull();
    expect(target.querySelector('[data-testid="countdown"]')).toBeNull();
    expect(target.querySelector('.options')?.getAttribute('aria-hidden')).toBeNull();
  });

  it('leaves a question without a countdown of its own to the title’s', () => {
    const { target } = screen({ slide: { ...slide, seconds: null }, results, voting: voting({ closesAt: Date.now() + 30_000 }) });
    expect(target.querySelector('[data-testid="countdown"]')).toBeNull();
  });

  it('once closed: a bar per option, the right one marked with ✓ and words, and how many answered right', () => {
    const { target } = screen({ slide, results, voting: voting({ open: false }) });
    expect(options(target).map((option) => option.dataset.correct)).toEqual(['false', 'true', 'false']);
    expect(options(target).map(text)).toEqual(['A 1863 3 · 60 %', 'B 1971 ✓ Rätt svar 2 · 40 %', 'C 1992 0 · 0 %']);
    const bars = [...target.querySelectorAll<HTMLElement>('.bar')].map((bar) => bar.style.transform);
    expect(bars).toEqual(['scaleX(0.6)', 'scaleX(0.4)', 'scaleX(0)']);
    expect(text(target.querySelector('[data-testid="quiz-right"]'))).toBe('2 av 5 svarade rätt');
    expect(target.querySelector('.options')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('gives the same figures in a table for screen readers, right answers named', () => {
    // The results pages draw it without voting: answering is over.
    const { target } = screen({ slide, results });
    const table = target.querySelector('[data-testid="quiz-table"]');
    expect(table?.classList.contains('sr-only')).toBe(true);
    expect(text(table?.querySelector('caption'))).toBe('Resultat: Vilket år blev kommunen en egen kommun?');
    expect([...(table?.querySelectorAll('thead th') ?? [])].map(text)).toEqual(['Alternativ', 'Antal', 'Andel', 'Rätt svar']);
    expect([...(table?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.children].map(text))).toEqual([
      ['1863', '3', '60 %', 'Nej'],
      ['1971', '2', '40 %', 'Ja'],
      ['1992', '0', '0 %', 'Nej'],
    ]);
  });

  it('says so when no right answer was marked, and turns no option into one', () => {
    const { target } = screen({ slide: { ...slide, correct: [] }, results: { ...results, correct: 0 } });
    expect(text(target.querySelector('[data-testid="quiz-right"]'))).toBe('Inget rätt svar är markerat');
    expect(target.querySelector('[data-testid="quiz-correct"]')).toBeNull();
  });

  it('shows the bars as the presenter closes the answers', () => {
    const view = screen({ slide, results, voting: voting() });
    expect(view.target.querySelector('.bar')).toBeNull();
    view.props.voting = voting({ open: false });
    view.flush();
    expect(view.target.querySelectorAll('.bar')).toHaveLength(3);
    expect(view.target.querySelectorAll('[data-testid="quiz-correct"]')).toHaveLength(1);
  });
});
