import type { Slide } from '../../slides.js';
import { type KindRules, withoutAssets } from '../kind.js';

export const LEADERBOARD_LIMITS = { minShown: 3, maxShown: 20 } as const;

/** The quiz questions a leaderboard adds up: every quiz before it in the deck. */
export function quizzesBefore(slideId: string, deck: readonly Slide[]): string[] {
  const index = deck.findIndex((slide) => slide.id === slideId);
  return deck.slice(0, Math.max(0, index)).flatMap((slide) => (slide.kind === 'quiz' ? [slide.id] : []));
}

/** Whether phones are told their quiz score while a slide is shown: after a quiz question closes, and on a leaderboard. */
export function showsScores(slide: Slide, votingOpen: boolean): boolean {
  return (slide.kind === 'quiz' && !votingOpen) || slide.kind === 'leaderboard';
}

export const leaderboardRules: KindRules<'leaderboard'> = {
  hasResults: true,
  answers: null,
  withoutHidden: (results) => ({
    ...results,
    entries: results.entries.map((entry) => (entry.held === null ? entry : { ...entry, nickname: null, held: null })),
  }),
  splitsBySegment: true,
  blank: (id) => ({ id, kind: 'leaderboard', heading: '' }),
  title: (slide) => slide.heading,
  ...withoutAssets,
  // Its quizzes follow from where it stands in the deck, so it names no slide that could go missing.
  sources: () => [],
  checkSources: () => null,
  mapSources: (slide) => slide,
};
