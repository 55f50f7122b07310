/** Limits for slide content every kind shares, enforced by the editor, the server and deck import alike; each kind's own are in its rules. */
export const LIMITS = {
  titleLength: 200,
  questionLength: 300,
  headingLength: 200,
  bodyLength: 2000,
  bulletLength: 300,
  bullets: 12,
  optionLabelLength: 120,
  notesLength: 4000,
  sourceLength: 300,
  altLength: 500,
  slides: 200,
} as const;

/** How many runs one comparison takes: two to compare at all, and no more than a page can set side by side. */
export const COMPARED_RUNS = { min: 2, max: 10 } as const;

/** Images a slide may show; the server recognises them by their bytes. */
export const ASSET_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const MAX_ASSET_BYTES = 5 * 1024 * 1024;
