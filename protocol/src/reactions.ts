// Reactions: emoji a phone can send during any slide, counted per slide and floated on the big screen.

/** The reactions a phone offers, in its order; ids on the wire, emoji on screens. */
export const REACTIONS = ['heart', 'applause', 'thumbsup', 'laugh', 'surprise', 'thinking'] as const;
export type Reaction = (typeof REACTIONS)[number];

export const REACTION_EMOJI: Record<Reaction, string> = {
  heart: '❤️',
  applause: '👏',
  thumbsup: '👍',
  laugh: '😂',
  surprise: '😮',
  thinking: '🤔',
};

export const REACTION_LIMITS = {
  /** Reactions one participant may send at once before the rate applies: a short burst of applause. */
  burst: 5,
  /** Reactions one participant may send a second in the long run; the rest are refused with rate_limited. */
  perSecond: 2,
  /** How often each node gathers its reactions into one count per slide, stores it and tells the screens. */
  flushMs: 500,
} as const;

/** Counts per reaction; a reaction no one sent is left out. */
export type ReactionCounts = { [R in Reaction]?: number };
