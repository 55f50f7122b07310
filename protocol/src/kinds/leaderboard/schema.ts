import { z } from 'zod';
import { LIMITS } from '../../limits.js';
import { countSchema, resultsBase, slideBase, textSchema } from '../base.js';
import { LEADERBOARD_LIMITS } from './rules.js';

/** The standings of every quiz question before it: the top players, or a podium for the last one. */
export const leaderboardSlideSchema = z.strictObject({
  ...slideBase,
  kind: z.literal('leaderboard'),
  heading: textSchema(LIMITS.headingLength),
  /** The top three on a podium, for the end of a quiz. */
  podium: z.boolean().default(false),
  /** How many players the list shows. */
  shown: z.number().int().min(LEADERBOARD_LIMITS.minShown).max(LEADERBOARD_LIMITS.maxShown).default(10),
  /** Whether players' nicknames wait for the presenter's approval before this leaderboard shows them. */
  approveFirst: z.boolean().default(false),
});

export const leaderboardEntrySchema = z.strictObject({
  /** 1 for the highest score; players with equal scores share a rank (1, 2, 2, 4). */
  rank: z.number().int().min(1),
  /** The player's nickname; null for one who chose none. */
  nickname: z.string().nullable(),
  /**
   * Why the nickname is not to be shown, for the presenter: it awaits approval (`pending`) or was hidden (`hidden`);
   * null when it may be shown. Anyone but the presenter gets such an entry without its nickname.
   */
  held: z.enum(['pending', 'hidden']).nullable(),
  score: countSchema,
});

export const leaderboardResultsSchema = z.strictObject({
  kind: z.literal('leaderboard'),
  ...resultsBase,
  /** The quiz questions added up. Respondents are the players who answered at least one. */
  quizzes: countSchema,
  /** The top players, highest first; as many as the slide shows, more when the last rank is shared. */
  entries: z.array(leaderboardEntrySchema),
});

export type LeaderboardSlide = z.infer<typeof leaderboardSlideSchema>;
export type LeaderboardEntry = z.infer<typeof leaderboardEntrySchema>;
export type LeaderboardResults = z.infer<typeof leaderboardResultsSchema>;
