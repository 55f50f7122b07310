// How a deck looks and behaves on the big screen: its theme, brand, when results appear, and the screen's state.
import { z } from 'zod';
import { type RevealMode, assetIdSchema, revealModeSchema } from './kinds/base.js';
import { PACES } from './pace.js';

/** The big screen's colour themes; each keeps body text at 7:1 or more, since projectors wash colours out. */
export const THEMES = ['light', 'dark', 'high-contrast'] as const;
export const themeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof themeSchema>;

/** A brand colour as #rrggbb; the big screen uses it for accents only, never for body text. */
export const brandColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb');

/** The deck's look and its default for revealing results, as stored, exported and edited. */
export const stageSettingsFields = {
  theme: themeSchema,
  /** Accent colour of the deck's organisation; null uses the theme's own. */
  brandColor: brandColorSchema.nullable(),
  /** An uploaded image shown small in a corner of every slide; null for none. */
  logoAssetId: assetIdSchema.nullable(),
  /** The default of every question that does not choose for itself (`reveal` on the slide). */
  revealResults: revealModeSchema,
};

/** What the big screen shows besides the slide, restored exactly when either window reloads. */
export const screenSchema = z.strictObject({
  /** The screen is black: nothing but black, until the presenter brings the slide back. */
  black: z.boolean(),
  /** The join screen (code, address and QR code, large) covers the slide. */
  joinScreen: z.boolean(),
  /** The bar with the join code along the slide's bottom edge. */
  codeBar: z.boolean(),
});
export type Screen = z.infer<typeof screenSchema>;

/** A new session opens on the join screen, so the room can join before the first slide. */
export const INITIAL_SCREEN: Screen = { black: false, joinScreen: true, codeBar: true };

/** Whether a slide's results show now: live ones always, others once revealed in this round. */
export function resultsShown(reveal: RevealMode | undefined, deckDefault: RevealMode, revealed: boolean): boolean {
  return (reveal ?? deckDefault) === 'live' || revealed;
}

/** The pace as a schema, for the state and `set-pace`. */
export const paceSchema = z.enum(PACES);
