import { z } from 'zod';
import { deckLanguageSchema, titleSchema } from './http.js';
import { ASSET_TYPES, LIMITS } from './limits.js';
import { assetIdSchema, slideSchema } from './slides.js';
import { DECK_FORMAT, DECK_VERSION } from './constants.js';
import { checkDeckSources, slideAssetIds } from './kinds/registry.js';
import { ANONYMITY } from './anonymity.js';
import { anonymityThresholdSchema } from './reports.js';
import { stageSettingsFields } from './stage.js';

/** An image used by the deck, embedded so one file carries the whole presentation. */
export const deckAssetSchema = z.strictObject({
  id: assetIdSchema,
  contentType: z.enum(ASSET_TYPES),
  /** The image bytes, base64. */
  data: z
    .string()
    .max(8 * 1024 * 1024)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
});

/** The file `ettor deck export` writes and `ettor deck import` reads. See docs/deck-format.md. */
export const deckFileSchema = z
  .strictObject({
    format: z.literal(DECK_FORMAT),
    version: z.literal(DECK_VERSION),
    title: titleSchema,
    /** k for the deck's session reports; a file written before it existed gets the default. */
    anonymityThreshold: anonymityThresholdSchema.default(ANONYMITY.defaultThreshold),
    /** Exports of the deck's results carry aggregates only; a file written before it existed gets false. */
    strictAnonymity: z.boolean().default(false),
    /** The language the deck is written in; a file written before it existed is Swedish. */
    language: deckLanguageSchema.default('sv'),
    /** Quiz countdowns run twice as long; a file written before it existed gets false. */
    extendedTime: z.boolean().default(false),
    /** Offensive words are held for the presenter; a file written before it existed gets true. */
    filterOffensive: z.boolean().default(true),
    /** The big screen's look and when results appear; a file written before they existed gets the defaults. */
    theme: stageSettingsFields.theme.default('light'),
    brandColor: stageSettingsFields.brandColor.default(null),
    logoAssetId: stageSettingsFields.logoAssetId.default(null),
    revealResults: stageSettingsFields.revealResults.default('live'),
    slides: z.array(slideSchema).max(LIMITS.slides),
    assets: z.array(deckAssetSchema).default([]),
  })
  .superRefine((deck, ctx) => {
    const ids = new Set<string>();
    deck.slides.forEach((slide, index) => {
      if (ids.has(slide.id)) ctx.addIssue({ code: 'custom', message: 'duplicate slide id', path: ['slides', index, 'id'] });
      ids.add(slide.id);
    });
    const assets = new Set(deck.assets.map((a) => a.id));
    deck.slides.forEach((slide, index) => {
      if (slideAssetIds(slide).some((id) => !assets.has(id))) {
        ctx.addIssue({ code: 'custom', message: 'shows an image (asset) the file does not contain', path: ['slides', index] });
      }
    });
    if (deck.logoAssetId !== null && !assets.has(deck.logoAssetId)) {
      ctx.addIssue({ code: 'custom', message: 'shows a logo (asset) the file does not contain', path: ['logoAssetId'] });
    }
    const sources = checkDeckSources(deck.slides);
    if (sources !== null) {
      const index = deck.slides.findIndex((slide) => slide.id === sources.slideId);
      ctx.addIssue({ code: 'custom', message: sources.problem.message, path: ['slides', index] });
    }
  });
export type DeckFile = z.infer<typeof deckFileSchema>;
export type DeckFileInput = z.input<typeof deckFileSchema>;
