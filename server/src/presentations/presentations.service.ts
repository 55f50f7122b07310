import {
  ANONYMITY,
  DECK_FORMAT,
  DECK_VERSION,
  LIMITS,
  REVEAL_MODES,
  THEMES,
  type DeckFile,
  type DeckLanguage,
  type Presentation,
  type PresentationSummary,
  type Slide,
  type SlideKind,
  type UpdatePresentationBody,
  blankSlide,
  checkDeckSources,
  mapSlideAssets,
  renumberSlides,
  slideTitle,
  slidesDrawingOn,
  slideAssetIds,
  slideSchema,
} from '@ettor/protocol';
import { randomBytes } from 'node:crypto';
import type { Bus } from '../bus/bus.js';
import { type Clock, newId } from '../clock.js';
import type { Db, Queryable } from '../db/database.js';
import type { PresentationRow } from '../db/schema.js';
import { AppError, parseInput } from '../http/errors.js';
import type { MediaService } from '../media/media.service.js';
import * as repo from './presentations.repository.js';

/** Ids of a slide's items (options, statements): unique within the slide, so short. */
const shortId = (): string => randomBytes(6).toString('base64url');

/** What a deck is besides its slides. */
type DeckSettings = Omit<Presentation, 'id' | 'slides' | 'createdAt' | 'updatedAt'>;

/** A stored deck's settings; a value an older version could not have stored reads as the default. */
const settingsOf = (row: PresentationRow): DeckSettings => ({
  title: row.title,
  anonymityThreshold: row.anonymity_threshold,
  strictAnonymity: row.strict_anonymity === 1,
  language: repo.deckLanguageOf(row),
  extendedTime: row.extended_time === 1,
  filterOffensive: row.filter_offensive === 1,
  theme: THEMES.find((theme) => theme === row.theme) ?? 'light',
  brandColor: row.brand_color,
  logoAssetId: row.logo_asset_id,
  revealResults: REVEAL_MODES.find((mode) => mode === row.reveal_results) ?? 'live',
});

/** A stored 0/1 flag changed by a body's boolean, or kept when the body leaves it out. */
const flag = (changed: boolean | undefined, stored: number): number => (changed === undefined ? stored : changed ? 1 : 0);

/** The next free "Title (n)" for a copy. */
export function copyTitle(title: string, taken: readonly string[]): string {
  const stem = title.replace(/ \(\d+\)$/u, '');
  for (let n = 2; ; n += 1) {
    const candidate = `${stem} (${n})`;
    if (!taken.includes(candidate)) return candidate;
  }
}

export type PresentationsService = ReturnType<typeof createPresentationsService>;

export function createPresentationsService(deps: { db: Db; clock: Clock; media: MediaService; bus: Bus }) {
  const { db, clock, media, bus } = deps;
  const now = () => clock.now().toISOString();

  /** Tells the deck's live sessions, once the change is committed, so phones moving at their own pace get it. */
  async function deckChanged(id: string): Promise<void> {
    for (const sessionId of await repo.liveSessionIdsOf(db, id)) await bus.publish(sessionId, { type: 'deck-changed' });
  }

  /** Loads a presentation the user owns; someone else's is reported as missing, not forbidden. */
  async function owned(q: Queryable, ownerId: string, id: string): Promise<PresentationRow> {
    const row = await repo.findPresentation(q, id);
    if (!row || row.owner_id !== ownerId) throw new AppError('not_found', 'There is no such presentation.');
    return row;
  }

  async function present(q: Queryable, row: PresentationRow): Promise<Presentation> {
    return {
      id: row.id,
      ...settingsOf(row),
      slides: await repo.listSlides(q, row.id),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /** Runs a change to a presentation's slides in one transaction and marks the presentation as updated. */
  async function changeSlides<T>(
    ownerId: string,
    id: string,
    change: (trx: Queryable, slides: Slide[]) => Promise<{ slides?: Slide[]; result: T }>,
  ): Promise<T> {
    const result = await db.transaction().execute(async (trx) => {
      await owned(trx, ownerId, id);
      const { slides, result } = await change(trx, await repo.listSlides(trx, id));
      if (slides) await repo.writeSlides(trx, id, slides);
      await repo.updatePresentation(trx, id, { updated_at: now() });
      return result;
    });
    await deckChanged(id);
    return result;
  }

  async function create(q: Queryable, ownerId: string, deck: DeckSettings & { slides: readonly Slide[] }): Promise<Presentation> {
    const stamp = now();
    const row: PresentationRow = {
      id: newId(),
      owner_id: ownerId,
      title: deck.title,
      anonymity_threshold: deck.anonymityThreshold,
      strict_anonymity: deck.strictAnonymity ? 1 : 0,
      language: deck.language,
      extended_time: deck.extendedTime ? 1 : 0,
      filter_offensive: deck.filterOffensive ? 1 : 0,
      theme: deck.theme,
      brand_color: deck.brandColor,
      logo_asset_id: deck.logoAssetId,
      reveal_results: deck.revealResults,
      created_at: stamp,
      updated_at: stamp,
    };
    await repo.insertPresentation(q, row);
    await repo.writeSlides(q, row.id, deck.slides);
    return present(q, row);
  }

  /** Stores a deck file as a new presentation with fresh ids, so one file can be imported many times. */
  async function importDeck(q: Queryable, ownerId: string, deck: DeckFile): Promise<Presentation> {
    const assetIds = new Map<string, string>();
    for (const asset of deck.assets) {
      const stored = await media.store(q, ownerId, Buffer.from(asset.data, 'base64'));
      assetIds.set(asset.id, stored.id);
    }
    const slides = renumberSlides(deck.slides, newId).map((slide) => mapSlideAssets(slide, (id) => assetIds.get(id) ?? id));
    const { format: _format, version: _version, assets: _assets, slides: _slides, logoAssetId, ...settings } = deck;
    return create(q, ownerId, {
      ...settings,
      logoAssetId: logoAssetId === null ? null : (assetIds.get(logoAssetId) ?? null),
      slides,
    });
  }

  async function get(ownerId: string, id: string): Promise<Presentation> {
    return present(db, await owned(db, ownerId, id));
  }

  return {
    importDeck,
    get,

    async list(ownerId: string): Promise<PresentationSummary[]> {
      const rows = await repo.listPresentations(db, ownerId);
      return rows.map((row) => ({
        id: row.id,
        title: row.title,
        slideCount: Number(row.slide_count),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      }));
    },

    /** A new presentation opens on a title slide carrying its name. */
    async create(ownerId: string, title: string, language: DeckLanguage = 'sv'): Promise<Presentation> {
      const titleSlide = slideSchema.parse({ id: newId(), kind: 'content', heading: title });
      return db.transaction().execute((trx) =>
        create(trx, ownerId, {
          title,
          anonymityThreshold: ANONYMITY.defaultThreshold,
          strictAnonymity: false,
          language,
          extendedTime: false,
          filterOffensive: true,
          theme: 'light',
          brandColor: null,
          logoAssetId: null,
          revealResults: 'live',
          slides: [titleSlide],
        }),
      );
    },

    /** Changes the fields the body names; the body schema has checked that there is at least one. */
    async update(ownerId: string, id: string, body: UpdatePresentationBody): Promise<Presentation> {
      const updated = await db.transaction().execute(async (trx) => {
        const row = await owned(trx, ownerId, id);
        if (body.logoAssetId && !(await media.find(trx, body.logoAssetId))) {
          throw new AppError('validation_failed', 'logoAssetId: there is no such image; upload it first.');
        }
        const changes = {
          title: body.title ?? row.title,
          anonymity_threshold: body.anonymityThreshold ?? row.anonymity_threshold,
          strict_anonymity: flag(body.strictAnonymity, row.strict_anonymity),
          language: body.language ?? row.language,
          extended_time: flag(body.extendedTime, row.extended_time),
          filter_offensive: flag(body.filterOffensive, row.filter_offensive),
          theme: body.theme ?? row.theme,
          brand_color: body.brandColor === undefined ? row.brand_color : body.brandColor,
          logo_asset_id: body.logoAssetId === undefined ? row.logo_asset_id : body.logoAssetId,
          reveal_results: body.revealResults ?? row.reveal_results,
          updated_at: now(),
        };
        await repo.updatePresentation(trx, id, changes);
        return present(trx, { ...row, ...changes });
      });
      // The default for revealing results decides which results phones at their own pace may see.
      await deckChanged(id);
      return updated;
    },

    async remove(ownerId: string, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await owned(trx, ownerId, id);
        await repo.deletePresentation(trx, id);
      });
    },

    async duplicate(ownerId: string, id: string): Promise<Presentation> {
      return db.transaction().execute(async (trx) => {
        const row = await owned(trx, ownerId, id);
        const taken = (await repo.listPresentations(trx, ownerId)).map((p) => p.title);
        const slides = renumberSlides(await repo.listSlides(trx, id), newId);
        return create(trx, ownerId, { ...settingsOf(row), title: copyTitle(row.title, taken), slides });
      });
    },

    addSlide(ownerId: string, id: string, kind: SlideKind, afterSlideId: string | null | undefined): Promise<Slide> {
      return changeSlides(ownerId, id, async (_trx, slides) => {
        const slide = slideSchema.parse(blankSlide(kind, newId(), shortId));
        const after = afterSlideId ? slides.findIndex((s) => s.id === afterSlideId) : slides.length - 1;
        if (afterSlideId && after < 0) throw new AppError('unknown_slide', 'There is no such slide in this presentation.');
        if (slides.length >= LIMITS.slides)
          throw new AppError('validation_failed', `A presentation can have at most ${LIMITS.slides} slides.`);
        slides.splice(after + 1, 0, slide);
        return { slides, result: slide };
      });
    },

    updateSlide(ownerId: string, id: string, slideId: string, input: unknown): Promise<Slide> {
      const slide = parseInput(slideSchema, input);
      if (slide.id !== slideId) throw new AppError('validation_failed', 'id: does not match the slide in the address.');
      return changeSlides(ownerId, id, async (trx, slides) => {
        const existing = slides.find((s) => s.id === slideId);
        if (!existing) throw new AppError('unknown_slide', 'There is no such slide in this presentation.');
        // Answers already given are stored for the old kind; a new kind would make them unreadable.
        if (existing.kind !== slide.kind) throw new AppError('conflict', 'A slide cannot change its kind; add a new slide instead.');
        // A topography's questions must stay usable: as rows a single-choice question, as columns a scale.
        const sources = checkDeckSources(slides.map((s) => (s.id === slideId ? slide : s)));
        if (sources !== null) throw AppError.from(sources.problem);
        await repo.updateSlide(trx, id, slide);
        return { result: slide };
      });
    },

    removeSlide(ownerId: string, id: string, slideId: string): Promise<void> {
      return changeSlides(ownerId, id, async (_trx, slides) => {
        const remaining = slides.filter((s) => s.id !== slideId);
        if (remaining.length === slides.length) throw new AppError('unknown_slide', 'There is no such slide in this presentation.');
        const users = slidesDrawingOn(slides, slideId);
        if (users.length > 0) {
          const names = users.map((user) => `"${slideTitle(user) || user.kind}"`).join(', ');
          throw new AppError('slide_in_use', `${names} draws on this question; pick another question there, or delete it first.`);
        }
        return { slides: remaining, result: undefined };
      });
    },

    async reorder(ownerId: string, id: string, slideIds: readonly string[]): Promise<Presentation> {
      await changeSlides(ownerId, id, async (_trx, slides) => {
        const byId = new Map(slides.map((s) => [s.id, s]));
        const isPermutation =
          slideIds.length === slides.length && new Set(slideIds).size === slideIds.length && slideIds.every((s) => byId.has(s));
        if (!isPermutation) {
          throw new AppError('validation_failed', 'slideIds: must list every slide of the presentation exactly once.');
        }
        return { slides: slideIds.map((s) => byId.get(s) as Slide), result: undefined };
      });
      return get(ownerId, id);
    },

    importDeckFor(ownerId: string, deck: DeckFile): Promise<Presentation> {
      return db.transaction().execute((trx) => importDeck(trx, ownerId, deck));
    },

    /** The presentation as one self-contained file, images embedded; an image whose file is gone is left out. */
    async exportDeck(ownerId: string, id: string): Promise<DeckFile> {
      const presentation = await get(ownerId, id);
      const assets = new Map<string, DeckFile['assets'][number]>();
      const logo = presentation.logoAssetId === null ? [] : [presentation.logoAssetId];
      for (const assetId of new Set([...presentation.slides.flatMap(slideAssetIds), ...logo])) {
        const stored = await media.find(db, assetId);
        if (!stored) continue;
        const contentType = stored.content_type as DeckFile['assets'][number]['contentType'];
        assets.set(assetId, { id: assetId, contentType, data: Buffer.from(stored.bytes).toString('base64') });
      }
      const slides = presentation.slides.map((slide) => mapSlideAssets(slide, (id) => (assets.has(id) ? id : null)));
      const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, slides: _slides, logoAssetId, ...settings } = presentation;
      return {
        format: DECK_FORMAT,
        version: DECK_VERSION,
        ...settings,
        logoAssetId: logoAssetId !== null && assets.has(logoAssetId) ? logoAssetId : null,
        slides,
        assets: [...assets.values()],
      };
    },
  };
}
