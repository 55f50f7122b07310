import { z } from 'zod';
import { titleSchema } from './http.js';
import { ASSET_TYPES, LIMITS } from './limits.js';
import { assetIdSchema, slideSchema } from './slides.js';
import { DECK_FORMAT, DECK_VERSION } from './constants.js';

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
      if (slide.kind === 'content' && slide.image && !assets.has(slide.image.assetId)) {
        ctx.addIssue({ code: 'custom', message: 'image refers to an asset the file does not contain', path: ['slides', index, 'image'] });
      }
    });
  });
export type DeckFile = z.infer<typeof deckFileSchema>;
export type DeckFileInput = z.input<typeof deckFileSchema>;
