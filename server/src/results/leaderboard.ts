// A leaderboard: the standings of every quiz question before it, the top players by nickname.
import {
  type LeaderboardEntry,
  type LeaderboardResults,
  type LeaderboardSlide,
  type QuizSlide,
  type Slide,
  quizzesBefore,
} from '@ettor/protocol';
import { type ReportAnswer, currentAnswers } from './answers.js';
import { type QuizClock, quizStandings } from './quiz-scores.js';

export interface LeaderboardInput {
  slide: LeaderboardSlide;
  deck: readonly Slide[];
  /** Current round only; those of the quizzes are counted. */
  answers: readonly ReportAnswer[];
  clock: QuizClock;
  /** participantId → nickname, for those who chose one. */
  nicknames: ReadonlyMap<string, PlayerName>;
}

/** A player's nickname and the presenter's look at it: null until then. */
export interface PlayerName {
  nickname: string;
  review: 'approved' | 'hidden' | null;
}

/** Why a nickname is not to be shown on this leaderboard, or null when it may be. */
function heldOn(slide: LeaderboardSlide, name: PlayerName | undefined): LeaderboardEntry['held'] {
  if (name === undefined) return null;
  if (name.review === 'hidden') return 'hidden';
  return slide.approveFirst && name.review !== 'approved' ? 'pending' : null;
}

/** A shared place at the bottom may list a few more than the slide shows, never a whole room. */
const MAX_TIED_EXTRA = 10;

export function buildLeaderboard({ slide, deck, answers, clock, nicknames }: LeaderboardInput): LeaderboardResults {
  const ids = new Set(quizzesBefore(slide.id, deck));
  const quizzes = deck.filter((candidate): candidate is QuizSlide => candidate.kind === 'quiz' && ids.has(candidate.id));
  const standings = quizStandings(quizzes, currentAnswers(answers), clock);
  const lastShownRank = standings[slide.shown - 1]?.rank ?? Number.POSITIVE_INFINITY;
  const listed = standings.filter(
    (standing, index) => index < slide.shown || (standing.rank <= lastShownRank && index < slide.shown + MAX_TIED_EXTRA),
  );
  return {
    kind: 'leaderboard',
    slideId: slide.id,
    respondents: standings.length,
    quizzes: quizzes.length,
    entries: listed.map(({ participantId, total, rank }) => {
      const name = nicknames.get(participantId);
      return { rank, nickname: name?.nickname ?? null, held: heldOn(slide, name), score: total };
    }),
  };
}
