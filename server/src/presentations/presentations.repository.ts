import { DECK_LANGUAGES, type DeckLanguage, type Slide, slideSchema } from '@ettor/protocol';
import type { Queryable } from '../db/database.js';
import type { PresentationRow } from '../db/schema.js';
import { readStoredJson } from '../db/stored-json.js';

/** A deck's language as stored; a value this version does not know (written by a newer one) reads as Swedish. */
export function deckLanguageOf(row: Pick<PresentationRow, 'language'>): DeckLanguage {
  return DECK_LANGUAGES.find((language) => language === row.language) ?? 'sv';
}

export function findPresentation(db: Queryable, id: string): Promise<PresentationRow | undefined> {
  return db.selectFrom('presentations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listPresentations(db: Queryable, ownerId: string) {
  return db
    .selectFrom('presentations')
    .leftJoin('slides', 'slides.presentation_id', 'presentations.id')
    .select((eb) => [
      'presentations.id',
      'presentations.title',
      'presentations.created_at',
      'presentations.updated_at',
      eb.fn.count<number | string>('slides.id').as('slide_count'),
    ])
    .where('presentations.owner_id', '=', ownerId)
    .groupBy(['presentations.id', 'presentations.title', 'presentations.created_at', 'presentations.updated_at'])
    .orderBy('presentations.updated_at', 'desc')
    .execute();
}

/** The live sessions of a presentation, which follow its slides as they are edited. */
export async function liveSessionIdsOf(db: Queryable, presentationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('live_sessions')
    .select('id')
    .where('presentation_id', '=', presentationId)
    .where('status', '=', 'live')
    .execute();
  return rows.map((row) => row.id);
}

export async function insertPresentation(db: Queryable, row: PresentationRow): Promise<void> {
  await db.insertInto('presentations').values(row).execute();
}

export async function updatePresentation(
  db: Queryable,
  id: string,
  changes: Partial<
    Pick<
      PresentationRow,
      'title' | 'anonymity_threshold' | 'strict_anonymity' | 'language' | 'extended_time' | 'filter_offensive' | 'updated_at'
    >
  >,
): Promise<void> {
  await db.updateTable('presentations').set(changes).where('id', '=', id).execute();
}

export async function deletePresentation(db: Queryable, id: string): Promise<void> {
  await db.deleteFrom('presentations').where('id', '=', id).execute();
}

/** A stored slide read through the slide schema: a slide saved before a field existed gets its default. */
export function readSlide(row: { id: string; data: string }): Slide {
  return readStoredJson(slideSchema, row.data, `slide ${row.id}`);
}

export async function listSlides(db: Queryable, presentationId: string): Promise<Slide[]> {
  const rows = await db
    .selectFrom('slides')
    .select(['id', 'data'])
    .where('presentation_id', '=', presentationId)
    .orderBy('position')
    .execute();
  return rows.map(readSlide);
}

export async function findSlide(db: Queryable, presentationId: string, slideId: string): Promise<Slide | undefined> {
  const row = await db
    .selectFrom('slides')
    .select(['id', 'data'])
    .where('presentation_id', '=', presentationId)
    .where('id', '=', slideId)
    .executeTakeFirst();
  return row ? readSlide(row) : undefined;
}

/** Replaces the presentation's slides with the given ones, in order. */
export async function writeSlides(db: Queryable, presentationId: string, slides: readonly Slide[]): Promise<void> {
  await db.deleteFrom('slides').where('presentation_id', '=', presentationId).execute();
  if (slides.length === 0) return;
  await db
    .insertInto('slides')
    .values(slides.map((slide, position) => ({ id: slide.id, presentation_id: presentationId, position, data: JSON.stringify(slide) })))
    .execute();
}

export async function updateSlide(db: Queryable, presentationId: string, slide: Slide): Promise<void> {
  await db
    .updateTable('slides')
    .set({ data: JSON.stringify(slide) })
    .where('presentation_id', '=', presentationId)
    .where('id', '=', slide.id)
    .execute();
}
