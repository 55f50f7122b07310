/** Limits for slide content, enforced by the editor, the server and deck import alike. */
export const LIMITS = {
  titleLength: 200,
  questionLength: 300,
  headingLength: 200,
  bodyLength: 2000,
  bulletLength: 300,
  bullets: 12,
  optionLabelLength: 120,
  minOptions: 2,
  maxOptions: 10,
  maxWordEntries: 3,
  maxWordLength: 50,
  maxOpenLength: 500,
  notesLength: 4000,
  sourceLength: 300,
  altLength: 500,
  slides: 200,
} as const;

/** The kinds of slide, in the order the editor offers them. */
export const SLIDE_KINDS = ['content', 'choice', 'wordcloud', 'open'] as const;

/** Images a slide may show; the server recognises them by their bytes. */
export const ASSET_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const MAX_ASSET_BYTES = 5 * 1024 * 1024;
