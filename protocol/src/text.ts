/**
 * Text rules shared by the phone and the server, so a limit counts the same on both sides:
 * lengths are counted in user-perceived characters (grapheme clusters). Text is stored as typed
 * (byte for byte, apart from trimmed whitespace); only merge keys are normalised.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function textLength(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

/** Collapses runs of whitespace and trims; keeps case and every other character as typed. */
export function cleanText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The key under which word-cloud entries are merged: case- and whitespace-insensitive. */
export function wordKey(text: string): string {
  return cleanText(text).normalize('NFC').toLocaleLowerCase('sv');
}

/** Text any store keeps byte for byte: no NUL (PostgreSQL refuses it) and no lone surrogates. */
export function isStorableText(text: string): boolean {
  return text.isWellFormed() && !text.includes('\u0000');
}

/** True for strings that contain lone UTF-16 surrogates, which cannot be stored or shown faithfully. */
export function hasLoneSurrogate(text: string): boolean {
  return !text.isWellFormed();
}
