// Moving through a deck at one's own pace: pure, so the phone's navigation is tested without a page.
import type { PacedSlide } from '@ettor/protocol';

/** Where a phone resumes in a deck: the slide it was last on, if the deck still has it, else the first. */
export function placeIn(deck: readonly PacedSlide[], slideId: string | null): number {
  return Math.max(
    deck.findIndex((entry) => entry.slide.id === slideId),
    0,
  );
}

/** The slide `delta` steps from `index`, or null past either end. */
export function stepFrom(deck: readonly PacedSlide[], index: number, delta: number): string | null {
  return deck[index + delta]?.slide.id ?? null;
}
