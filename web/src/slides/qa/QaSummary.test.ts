import type { QaAction } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { noModeration } from '../../test-support/moderation';
import { render, type Mounted } from '../../test-support/render.svelte';
import type { SummaryProps } from '../kind';
import { budget, cykel, question, results, skola, slide } from './fixtures';
import QaSummary from './QaSummary.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<SummaryProps<'qa'>> | undefined;
afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
});

function summary(props: Partial<SummaryProps<'qa'>> = {}) {
  const actions: [string, QaAction][] = [];
  const shown = render(QaSummary, {
    slide,
    results,
    moderation: { ...noModeration, moderateQuestion: (questionId, action) => actions.push([questionId, action]) },
    ...props,
  });
  mounted = shown;
  const { target } = shown;
  const item = (testid: string, id: string) => target.querySelector(`[data-testid="${testid}"][data-question-id="${id}"]`);
  const press = (testid: string, id: string, button: string) => {
    item(testid, id)?.querySelector<HTMLButtonElement>(`[data-testid="${button}"]`)?.click();
    shown.flush();
  };
  const listed = () => [...target.querySelectorAll<HTMLElement>('[data-testid="qa-listed"]')].map((entry) => entry.dataset.questionId);
  return { target, item, press, listed, actions, flush: shown.flush };
}

describe("the control view's questions", () => {
  beforeAll(() => setLocale('sv'));

  it('counts every question and those awaiting approval', () => {
    const { target } = summary();
    expect(text(target.querySelector('[data-testid="qa-counts"]'))).toBe('Frågor: 5 · Väntar på godkännande: 1');
  });

  it('queues the questions awaiting approval first, oldest first, each to approve or hide', () => {
    const older = question('aldre', 'En äldre fråga', 0, 0, { status: 'pending' });
    const { target, press, actions } = summary({ results: { ...results, pending: 2, questions: [...results.questions, older] } });
    const queue = target.querySelector('[data-testid="qa-queue"]');
    expect(text(queue?.querySelector('h3'))).toBe('Väntar på godkännande');
    expect(
      [...(queue?.querySelectorAll<HTMLElement>('[data-testid="qa-pending"]') ?? [])].map((entry) => entry.dataset.questionId),
    ).toEqual(['aldre', 'cykel']);
    const approve = queue?.querySelector('[data-question-id="cykel"] [data-testid="qa-approve"]');
    expect(text(approve)).toBe('Godkänn');
    expect(approve?.getAttribute('aria-label')).toBe('Godkänn ”Kan vi få fler cykelbanor?”');
    press('qa-pending', 'cykel', 'qa-approve');
    press('qa-pending', 'aldre', 'qa-reject');
    expect(actions).toEqual([
      ['cykel', 'show'],
      ['aldre', 'hide'],
    ]);
  });

  it('has no queue when nothing awaits approval', () => {
    const { target } = summary({ results: { ...results, pending: 0, questions: results.questions.filter((entry) => entry !== cykel) } });
    expect(target.querySelector('[data-testid="qa-queue"]')).toBeNull();
  });

  it('lists the rest by votes or by time, the hidden ones struck through with their state', () => {
    const { target, listed, flush } = summary();
    expect(listed()).toEqual(['dold', 'skola', 'budget', 'buss']);
    const hidden = target.querySelector('[data-question-id="dold"]');
    expect(hidden?.classList.contains('hidden')).toBe(true);
    expect(text(hidden?.querySelector('small'))).toBe('Anonym · 12 röster · Dold');
    expect(text(target.querySelector('[data-question-id="buss"] small'))).toBe('Anonym · 2 röster · Besvarad');
    target.querySelector<HTMLButtonElement>('[data-testid="qa-summary-sort-newest"]')?.click();
    flush();
    expect(target.querySelector('[data-testid="qa-summary-sort-newest"]')?.getAttribute('aria-pressed')).toBe('true');
    expect(listed()).toEqual(['dold', 'buss', 'skola', 'budget']);
  });

  it('marks answered and pins with toggles named by the question, and hides or shows again', () => {
    const { item, press, actions } = summary({
      results: { ...results, questions: [{ ...skola, pinned: true }, { ...budget, answered: true }, results.questions[0]!] },
    });
    const answer = item('qa-listed', 'budget')?.querySelector('[data-testid="qa-answer"]');
    expect(answer?.getAttribute('aria-pressed')).toBe('true');
    expect(answer?.getAttribute('aria-label')).toBe('Besvarad: ”Hur går det med budgeten?”');
    const pin = item('qa-listed', 'skola')?.querySelector('[data-testid="qa-pin"]');
    expect(pin?.getAttribute('aria-pressed')).toBe('true');
    expect(pin?.getAttribute('aria-label')).toBe('Fäst på skärmen: ”När öppnar den nya skolan?”');
    press('qa-listed', 'budget', 'qa-answer');
    press('qa-listed', 'skola', 'qa-answer');
    press('qa-listed', 'skola', 'qa-pin');
    press('qa-listed', 'budget', 'qa-pin');
    press('qa-listed', 'budget', 'qa-hide');
    press('qa-listed', 'dold', 'qa-hide');
    expect(actions).toEqual([
      ['budget', 'unanswer'],
      ['skola', 'answer'],
      ['skola', 'unpin'],
      ['budget', 'pin'],
      ['budget', 'hide'],
      ['dold', 'show'],
    ]);
  });

  it('offers a hidden question only to be shown again', () => {
    const { item } = summary();
    const hidden = item('qa-listed', 'dold');
    expect([...(hidden?.querySelectorAll('button') ?? [])].map((button) => [text(button), button.getAttribute('aria-label')])).toEqual([
      ['Visa', 'Visa ”En fråga som presentatören dolde” för alla igen'],
    ]);
    const shown = item('qa-listed', 'skola');
    expect([...(shown?.querySelectorAll('button') ?? [])].map(text)).toEqual(['Besvarad', 'Fäst på skärmen', 'Dölj']);
  });

  it('says when there are no questions', () => {
    const { target } = summary({ results: undefined });
    expect(text(target)).toBe('Inga frågor än.');
  });
});
