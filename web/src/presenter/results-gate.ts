// What the big screen shows where a question's results go while the presenter holds them back: how many have answered,
// or an invitation to answer while no one has. Pure, so the choice is tested without a browser.
import { isQuestionSlide, type ResultSlide } from '@ettor/protocol';

export type ResultsGate = 'results' | 'waiting' | 'invite';

export interface GateInput {
  slide: ResultSlide;
  /** False while the presenter holds the question's results back. */
  shown: boolean;
  respondents: number;
  votingOpen: boolean;
  /** The kind's view shows no figures while answers are open, as a quiz shows only its options. */
  blindWhileOpen: boolean;
}

export function resultsGate({ slide, shown, respondents, votingOpen, blindWhileOpen }: GateInput): ResultsGate {
  // A Q&A's questions, a leaderboard and a map are content of their own, never held back; before the first answer a
  // question's own view invites the room in its own words.
  if (shown || !isQuestionSlide(slide)) return 'results';
  // The options are what the room answers from, and they give nothing away.
  if (blindWhileOpen && votingOpen) return 'results';
  return respondents === 0 && votingOpen ? 'invite' : 'waiting';
}
