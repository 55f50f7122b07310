// Who moves through the deck, free of zod so the phone's page can use it; the schema is in ./stage.ts.
import { hasResults } from './kinds/registry.js';
import type { Slide } from './slides.js';

/** Who moves through the deck: the presenter, for everyone at once, or each participant on their own phone. */
export const PACES = ['presenter', 'audience'] as const;
export type Pace = (typeof PACES)[number];

/** How far ahead a session's answering may be left open: a course's weeks, not for ever. */
export const PACE_LIMITS = { maxOpenDays: 90 } as const;

/**
 * Whether someone following from afar may see the current slide's results: what the big screen shows, once they may
 * show, but a quiz question's only after it closed, as its big-screen view shows no figures while it takes answers.
 */
export function followerSees(slide: Slide, votingOpen: boolean, shown: boolean): boolean {
  return shown && hasResults(slide) && !(slide.kind === 'quiz' && votingOpen);
}
