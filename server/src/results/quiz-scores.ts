// Quiz scores: each player's points over a deck's quiz questions and their places. Pure.
import { type QuizSlide, isCorrectAnswer, quizPoints } from '@ettor/protocol';
import { type Countdown, runningMs } from '../sessions/countdown.js';
import type { CurrentAnswers } from './answers.js';

/** When each quiz question's answering began and its pauses, and how many times its time limit the deck gives everyone. */
export interface QuizClock {
  countdowns: ReadonlyMap<string, Pick<Countdown, 'openedAt' | 'pauses'>>;
  timeFactor: number;
}

export interface QuizOutcome {
  correct: boolean;
  points: number;
}

export interface Standing {
  participantId: string;
  total: number;
  /** 1 for the highest total; equal totals share a place (1, 2, 2, 4). */
  rank: number;
  /** slideId → how the player did on it; questions they did not answer are left out. */
  outcomes: ReadonlyMap<string, QuizOutcome>;
}

/**
 * The share of the question's time limit used when answering, or null without a countdown. Measured against the limit,
 * not the moment it closed, so that closing early or extending changes no one's speed; time paused does not count.
 */
function elapsedShare(quiz: QuizSlide, answeredAt: string, clock: QuizClock): number | null {
  const countdown = clock.countdowns.get(quiz.id);
  const ran = countdown && runningMs(countdown, answeredAt);
  if (quiz.seconds === null || ran === undefined || ran === null) return null;
  return ran / (quiz.seconds * clock.timeFactor * 1000);
}

/** Everyone who answered at least one of the quizzes, highest total first; ties by participant id, so the order is stable. */
export function quizStandings(quizzes: readonly QuizSlide[], answers: CurrentAnswers, clock: QuizClock): Standing[] {
  const players = new Map<string, { total: number; outcomes: Map<string, QuizOutcome> }>();
  for (const quiz of quizzes) {
    for (const [participantId, stored] of answers.get(quiz.id) ?? []) {
      if (stored.answer.kind !== 'quiz') continue;
      const { optionIds } = stored.answer;
      const outcome = {
        correct: isCorrectAnswer(quiz, optionIds),
        points: quizPoints(quiz, optionIds, elapsedShare(quiz, stored.updatedAt, clock)),
      };
      const player = players.get(participantId) ?? { total: 0, outcomes: new Map<string, QuizOutcome>() };
      player.total += outcome.points;
      player.outcomes.set(quiz.id, outcome);
      players.set(participantId, player);
    }
  }
  const sorted = [...players].sort(([a, pa], [b, pb]) => pb.total - pa.total || (a < b ? -1 : a > b ? 1 : 0));
  let rank = 0;
  return sorted.map(([participantId, { total, outcomes }], index) => {
    if (index === 0 || total !== sorted[index - 1]![1].total) rank = index + 1;
    return { participantId, total, rank, outcomes };
  });
}
