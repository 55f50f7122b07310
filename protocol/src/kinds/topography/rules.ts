import type { Problem } from '../../error-codes.js';
import type { ChoiceSlide, ScaleSlide, Slide, TopographySlide } from '../../slides.js';
import { isSingleChoice } from '../choice/rules.js';
import { type KindRules, withoutAssets } from '../kind.js';

/** Why a topography cannot be drawn. */
export const TOPOGRAPHY_UNAVAILABLE = ['not_chosen', 'segment_missing', 'scale_missing'] as const;
export type TopographyUnavailable = (typeof TOPOGRAPHY_UNAVAILABLE)[number];

const problem = (message: string): Problem => ({ code: 'invalid_reference', message });

export const topographyRules: KindRules<'topography'> = {
  hasResults: true,
  answers: null,
  withoutHidden: (results) => results,
  blank: (id) => ({ id, kind: 'topography', heading: '' }),
  title: (slide) => slide.heading,
  ...withoutAssets,
  sources: (slide) => [slide.segmentBy, slide.scaleSlideId].filter((id): id is string => id !== null),
  checkSources(slide, deck) {
    // Not chosen yet is allowed: a slide is built in steps, and the map says what is missing.
    if (slide.segmentBy !== null) {
      const segmentBy = deck.find((candidate) => candidate.id === slide.segmentBy);
      if (!segmentBy) return problem('The question whose answers form the rows is not in this presentation.');
      if (!isSingleChoice(segmentBy)) return problem('The rows of a topography come from a single-choice question.');
    }
    if (slide.scaleSlideId !== null) {
      const scale = deck.find((candidate) => candidate.id === slide.scaleSlideId);
      if (!scale) return problem('The scale question whose statements form the columns is not in this presentation.');
      if (scale.kind !== 'scale') return problem('The columns of a topography come from a scale question.');
    }
    return null;
  },
  mapSources: (slide, map) => ({
    ...slide,
    segmentBy: slide.segmentBy === null ? null : map(slide.segmentBy),
    scaleSlideId: slide.scaleSlideId === null ? null : map(slide.scaleSlideId),
  }),
};

export type TopographySources = { ok: true; segmentBy: ChoiceSlide; scale: ScaleSlide } | { ok: false; reason: TopographyUnavailable };

/** The two questions of the deck a topography is drawn from, or why it cannot be drawn. */
export function topographySources(slide: TopographySlide, deck: readonly Slide[]): TopographySources {
  if (slide.segmentBy === null || slide.scaleSlideId === null) return { ok: false, reason: 'not_chosen' };
  const segmentBy = deck.find((candidate) => candidate.id === slide.segmentBy);
  if (!segmentBy || !isSingleChoice(segmentBy)) return { ok: false, reason: 'segment_missing' };
  const scale = deck.find((candidate) => candidate.id === slide.scaleSlideId);
  if (scale?.kind !== 'scale') return { ok: false, reason: 'scale_missing' };
  return { ok: true, segmentBy, scale };
}
