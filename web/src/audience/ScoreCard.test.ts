import type { Score } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { slide as leaderboard } from '../slides/leaderboard/fixtures';
import { multiple, slide as quiz } from '../slides/quiz/fixtures';
import { render, type Mounted } from '../test-support/render.svelte';
import ScoreCard from './ScoreCard.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

type Props = { score: Score | null; slide: typeof quiz | typeof leaderboard };
let mounted: Mounted<Props> | undefined;
afterEach(() => mounted?.destroy());

function card(props: Props) {
  mounted = render(ScoreCard, props);
  const page = mounted;
  const find = (testid: string) => page.target.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
  return { page, find };
}

const after = (last: Score['last'], total = 1750, rank: number | null = 2): Score => ({ total, rank, players: 9, last });

describe("the phone's score card", () => {
  beforeAll(() => setLocale('sv'));

  it('tells a right answer: the points it earned, the total and the place', () => {
    const { find } = card({
      slide: quiz,
      score: after({ slideId: 'quiz', answered: true, correct: true, points: 750, correctOptionIds: ['b'] }),
    });
    expect(find('score-verdict')?.dataset.state).toBe('right');
    expect(text(find('score-verdict'))).toBe('✓ Rätt svar!');
    expect(find('score-verdict')?.querySelector('[aria-hidden="true"]')).not.toBeNull();
    expect(text(find('score-points'))).toBe('+750 poäng');
    expect(text(find('score-correct-answer'))).toBe('Rätt svar: 1971');
    expect(text(find('score-standing'))).toBe('Totalt 1 750 poäng · Plats 2 av 9');
  });

  it('tells a wrong answer with the right ones, named from the slide', () => {
    const { find } = card({
      slide: multiple,
      score: after({ slideId: 'quiz-flera', answered: true, correct: false, points: 0, correctOptionIds: ['a', 'c'] }, 0, 5),
    });
    expect(text(find('score-verdict'))).toBe('✗ Fel svar.');
    expect(text(find('score-correct-answer'))).toBe('Rätt svar: Kulturnämnden, Barn- och utbildningsnämnden');
    expect(text(find('score-standing'))).toBe('Totalt 0 poäng · Plats 5 av 9');
  });

  it('tells one who did not answer, and one who has no place yet', () => {
    const { find } = card({
      slide: quiz,
      score: after({ slideId: 'quiz', answered: false, correct: false, points: 0, correctOptionIds: ['b'] }, 0, null),
    });
    expect(text(find('score-verdict'))).toBe('Du svarade inte på frågan.');
    expect(find('score-points')).toBeNull();
    expect(text(find('score-standing'))).toBe('Du har inte svarat på någon quizfråga än.');
  });

  it('counts until the score of this question arrives, then reads it out', () => {
    const { page, find } = card({
      slide: quiz,
      score: after({ slideId: 'tidigare', answered: true, correct: true, points: 1000, correctOptionIds: ['x'] }),
    });
    expect(text(find('score-verdict'))).toBe('Räknar poängen…');
    expect(find('score-standing')).toBeNull();
    const status = page.target.querySelector('[role="status"]');
    page.props.score = after({ slideId: 'quiz', answered: true, correct: false, points: 0, correctOptionIds: ['b'] });
    page.flush();
    expect(page.target.querySelector('[role="status"]')).toBe(status);
    expect(text(status)).toContain('Fel svar.');
  });

  it('says so when the question had no right answer marked', () => {
    const { find } = card({
      slide: { ...quiz, correct: [] },
      score: after({ slideId: 'quiz', answered: true, correct: false, points: 0, correctOptionIds: [] }),
    });
    expect(text(find('score-verdict'))).toBe('Frågan hade inget rätt svar markerat, så ingen fick poäng.');
    expect(find('score-points')).toBeNull();
    expect(find('score-correct-answer')).toBeNull();
  });

  it('beside a leaderboard: the total and the place only', () => {
    const { page, find } = card({ slide: leaderboard, score: after(null, 3200, 1) });
    expect(find('score-verdict')).toBeNull();
    expect(text(page.target.querySelector('h2'))).toBe('Ditt resultat');
    expect(text(find('score-standing'))).toBe('Totalt 3 200 poäng · Plats 1 av 9');
  });
});
