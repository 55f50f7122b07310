import type { Presentation, RevealMode, Theme } from '@ettor/protocol';
import { createContext } from 'svelte';

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

const [getDeckReveal, setDeckReveal, hasDeckReveal] = createContext<() => RevealMode>();

/** The editor tells every question form below it the deck's default for revealing results, as it is now. */
export const provideDeckReveal = (current: () => RevealMode): void => void setDeckReveal(current);

/** The deck's default for revealing results, read when called; null where no editor provides it. */
export const deckReveal = (): (() => RevealMode) | null => (hasDeckReveal() ? getDeckReveal() : null);
