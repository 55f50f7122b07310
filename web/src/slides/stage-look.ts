import type { Presentation, RevealMode, Theme } from '@ettor/protocol';
import { getContext, hasContext, setContext } from 'svelte';

/** How a deck's slides look wherever they are drawn: the big screen, the console, the editor and thumbnails. */
export interface StageLook {
  theme: Theme;
  brandColor: string | null;
  logoAssetId: string | null;
}

export const DEFAULT_LOOK: StageLook = { theme: 'light', brandColor: null, logoAssetId: null };

export const lookOf = (deck: Pick<Presentation, 'theme' | 'brandColor' | 'logoAssetId'>): StageLook => ({
  theme: deck.theme,
  brandColor: deck.brandColor,
  logoAssetId: deck.logoAssetId,
});

/** The context under which the editor tells every question form below it the deck's default for revealing results. */
export const DECK_REVEAL = Symbol('deck reveal');

/** Provides the deck's default, read when called so that forms follow a change of it. */
export const provideDeckReveal = (current: () => RevealMode): void => void setContext(DECK_REVEAL, current);

/** The deck's default for revealing results, read when called; null where no editor provides it. */
export const deckReveal = (): (() => RevealMode) | null => (hasContext(DECK_REVEAL) ? getContext<() => RevealMode>(DECK_REVEAL) : null);
