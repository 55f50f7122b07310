import type { QaQuestion, QaResults } from '@ettor/protocol';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { render, type Mounted } from '../../test-support/render.svelte';
import type { ResultsProps } from '../kind';
import { budget, buss, publicResults, question, results, skola, slide } from './fixtures';
import QaScreen from './QaScreen.svelte';
import { HOLD_MS } from './stable-order';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<ResultsProps<'qa'>> | undefined;
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
  vi.useRealTimers();
});

function screen(props: ResultsProps<'qa'>) {
  const shown = render(QaScreen, props);
  mounted = shown;
  const { target } = shown;
  const order = () => [...target.querySelectorAll<HTMLElement>('[data-testid="qa-row"]')].map((row) => row.dataset.questionId);
  const show = (questions: QaQuestion[]) => {
    shown.props.results = { ...publicResults, questions };
    shown.flush();
  };
  const wait = (ms: number) => {
    vi.advanceTimersByTime(ms);
    shown.flush();
  };
  return { target, order, show, wait };
}

const withQuestions = (questions: QaQuestion[]): QaResults => ({ ...publicResults, questions });

describe('questions on the big screen', () => {
  beforeAll(() => setLocale('sv'));

  it('draws the questions everyone may see with big vote counts, the answered ones last, never a hidden or pending one', () => {
    const { target, order } = screen({
      slide,
      results: withQuestions(results.questions.map((entry) => (entry.id === 'buss' ? { ...entry, votes: 20 } : entry))),
    });
    expect(order()).toEqual(['skola', 'budget', 'buss']);
    const rows = [...target.querySelectorAll('[data-testid="qa-row"]')];
    expect(rows.map((row) => text(row.querySelector('.votes')))).toEqual(['9 röster', '5 röster', '20 röster']);
    expect(rows.map((row) => text(row.querySelector('.meta')))).toEqual(['Anna', 'Anonym', 'Anonym ✓ Besvarad']);
    expect(rows[2]?.classList.contains('answered')).toBe(true);
    expect(text(target)).not.toContain('dolde');
    expect(text(target)).not.toContain('cykelbanor');
  });

  it('shows the pinned question large above the rest, and not again among them', () => {
    const { target, order } = screen({ slide, results: withQuestions([skola, { ...budget, pinned: true }, buss]) });
    const pinned = target.querySelector('[data-testid="qa-pinned"]');
    expect(pinned?.getAttribute('data-question-id')).toBe('budget');
    expect(text(pinned)).toBe('Aktuell fråga Hur går det med budgeten? Anonym 5 röster');
    expect(order()).toEqual(['skola', 'buss']);
  });

  it('draws no pinned question that is hidden', () => {
    const { target } = screen({ slide, results: withQuestions([skola, { ...budget, pinned: true, status: 'hidden' }]) });
    expect(target.querySelector('[data-testid="qa-pinned"]')).toBeNull();
  });

  it('invites the first question while none can be shown', () => {
    const { target } = screen({ slide, results: undefined });
    expect(text(target.querySelector('[data-testid="qa-empty"]'))).toBe(
      'Ställ din fråga på telefonen Frågorna syns här. Rösta på dem som du också vill ha svar på.',
    );
    mounted?.destroy();
    const onlyHidden = screen({ slide, results: withQuestions(results.questions.filter((entry) => entry.status !== 'shown')) });
    expect(onlyHidden.target.querySelector('[data-testid="qa-empty"]')).not.toBeNull();
    expect(onlyHidden.order()).toEqual([]);
  });

  it('draws the five most upvoted, three under a pinned one, and says how many more the phones list', () => {
    const many = Array.from({ length: 7 }, (_, index) => question(`q${index}`, `Fråga ${index}`, 10 - index, index));
    const { target, order, show } = screen({ slide, results: withQuestions(many) });
    expect(order()).toEqual(['q0', 'q1', 'q2', 'q3', 'q4']);
    expect(text(target.querySelector('[data-testid="qa-more"]'))).toBe('Fler frågor i mobilen: 2');
    show(many.map((entry) => (entry.id === 'q6' ? { ...entry, pinned: true } : entry)));
    expect(order()).toEqual(['q0', 'q1', 'q2']);
  });

  it('holds the order for a while after a move: a vote shows at once in place, the move waits for the hold to end', () => {
    const { order, show, wait, target } = screen({ slide, results: withQuestions([skola, budget, buss]) });
    // After a calm spell the first change moves at once, and starts a hold.
    show([skola, { ...budget, votes: 10 }, buss]);
    expect(order()).toEqual(['budget', 'skola', 'buss']);
    show([{ ...skola, votes: 12 }, { ...budget, votes: 10 }, buss]);
    expect(order()).toEqual(['budget', 'skola', 'buss']);
    expect(text(target.querySelector('[data-question-id="skola"] .votes'))).toBe('12 röster');
    wait(HOLD_MS - 1);
    expect(order()).toEqual(['budget', 'skola', 'buss']);
    wait(1);
    expect(order()).toEqual(['skola', 'budget', 'buss']);
  });

  it('lets a new question wait for the hold to end before it enters a full top, yet takes a hidden one away at once', () => {
    const five = Array.from({ length: 5 }, (_, index) => question(`q${index}`, `Fråga ${index}`, 10 - index, index));
    const { order, show, wait } = screen({ slide, results: withQuestions(five) });
    show([{ ...five[4]!, votes: 20 }, ...five.slice(0, 4)]);
    expect(order()).toEqual(['q4', 'q0', 'q1', 'q2', 'q3']);
    const popular = question('ny', 'En ny fråga', 30, 9);
    show([popular, { ...five[4]!, votes: 20 }, ...five.slice(0, 4)]);
    expect(order()).toEqual(['q4', 'q0', 'q1', 'q2', 'q3']);
    show([popular, { ...five[4]!, votes: 20 }, { ...five[0]!, status: 'hidden' }, ...five.slice(1, 4)]);
    expect(order()).toEqual(['q4', 'q1', 'q2', 'q3', 'ny']);
    wait(HOLD_MS);
    expect(order()).toEqual(['ny', 'q4', 'q1', 'q2', 'q3']);
  });

  it('gives screen readers every question in a table with its name, votes and state', () => {
    const { target } = screen({ slide, results: withQuestions([skola, { ...budget, pinned: true }, buss]) });
    const table = target.querySelector('table');
    expect(table?.classList.contains('sr-only')).toBe(true);
    expect(target.querySelector('[data-testid="qa-screen"] > [aria-hidden="true"]')).not.toBeNull();
    expect(text(table?.querySelector('caption'))).toBe('Frågor: Vad vill du fråga kommunstyrelsen?');
    expect([...(table?.querySelectorAll('thead th') ?? [])].map(text)).toEqual(['Fråga', 'Namn', 'Röster', 'Läge']);
    expect([...(table?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.children].map(text))).toEqual([
      ['Hur går det med budgeten?', 'Anonym', '5', 'Aktuell fråga'],
      ['När öppnar den nya skolan?', 'Anna', '9', '–'],
      ['Varför går bussen så sällan på kvällen?', 'Anonym', '2', 'Besvarad'],
    ]);
  });
});
