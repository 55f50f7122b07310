import type { QuizSlide } from '../../slides.js';
import { checkChosen } from '../choice/rules.js';
import { type KindRules, withoutAssets, withoutSources, wholeResults } from '../kind.js';

export const QUIZ_LIMITS = {
  minOptions: 2,
  maxOptions: 6,
  /** The shortest and longest countdown a question may have. */
  minSeconds: 5,
  maxSeconds: 600,
  maxPoints: 2000,
  /** Longest nickname on a leaderboard. */
  nicknameLength: 24,
} as const;

/** A deck's accessibility setting multiplies every countdown by this, so that no one is locked out who needs more time. */
export const EXTENDED_TIME_FACTOR = 2;

/** Whether the options chosen are right: exactly the correct ones when several may be chosen, else any correct one. */
export function isCorrectAnswer(slide: QuizSlide, optionIds: readonly string[]): boolean {
  if (slide.correct.length === 0 || optionIds.length === 0) return false;
  if (!slide.multiple) return optionIds.length === 1 && slide.correct.includes(optionIds[0] ?? '');
  return optionIds.length === slide.correct.length && optionIds.every((id) => slide.correct.includes(id));
}

/**
 * The points an answer earns: none when wrong; when right, the slide's points, or with speed points from all of them at
 * once down to half at the last moment. `elapsed` is the share of the countdown used (0–1), null without a countdown.
 */
export function quizPoints(slide: QuizSlide, optionIds: readonly string[], elapsed: number | null): number {
  if (!isCorrectAnswer(slide, optionIds)) return 0;
  if (!slide.speedPoints || elapsed === null) return slide.points;
  const share = Math.min(1, Math.max(0, elapsed));
  return Math.round(slide.points * (1 - share / 2));
}

export const quizRules: KindRules<'quiz'> = {
  hasResults: true,
  answers: {
    check(slide, answer) {
      const chosen = checkChosen(slide.options, answer.optionIds, slide.multiple);
      return chosen.ok ? { ok: true, answer: { kind: 'quiz', optionIds: chosen.optionIds } } : chosen;
    },
    // Phones learn whether they were right from their score, not from everyone's answers.
    resultsOnPhones: () => false,
    timeLimit: (slide) => slide.seconds,
    forPhones: (slide) => ({ ...slide, correct: [] }),
    ...wholeResults,
  },
  withoutHidden: (results) => results,
  blank: (id, newId) => ({
    id,
    kind: 'quiz',
    question: '',
    options: [
      { id: newId(), label: '' },
      { id: newId(), label: '' },
    ],
  }),
  title: (slide) => slide.question,
  ...withoutAssets,
  ...withoutSources,
};
