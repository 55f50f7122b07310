import type { RouteHandlers } from '../http/api.js';
import { AppError } from '../http/errors.js';
import type { PresentationsService } from './presentations.service.js';
import { templateDeck, templateSummaries } from './templates/index.js';

export function presentationRoutes(presentations: PresentationsService) {
  return {
    listPresentations: ({ user }) => presentations.list(user.id),
    createPresentation: ({ user, body }) => presentations.create(user.id, body.title, body.language),
    importPresentation: ({ user, body }) => presentations.importDeckFor(user.id, body),
    getPresentation: ({ user, params }) => presentations.get(user.id, params.id),
    renamePresentation: ({ user, params, body }) => presentations.update(user.id, params.id, body),
    deletePresentation: ({ user, params }) => presentations.remove(user.id, params.id),
    duplicatePresentation: ({ user, params }) => presentations.duplicate(user.id, params.id),
    listTemplates: () => [...templateSummaries],
    createFromTemplate: ({ user, params }) => {
      const deck = templateDeck(params.id);
      if (!deck) throw new AppError('not_found', 'There is no such template.');
      // An import like any other: the presentation is the caller's own copy, and later changes to a template leave it alone.
      return presentations.importDeckFor(user.id, deck);
    },
    addSlide: ({ user, params, body }) => presentations.addSlide(user.id, params.id, body.kind, body.afterSlideId),
    updateSlide: ({ user, params, body }) => presentations.updateSlide(user.id, params.id, params.slideId, body),
    deleteSlide: ({ user, params }) => presentations.removeSlide(user.id, params.id, params.slideId),
    reorderSlides: ({ user, params, body }) => presentations.reorder(user.id, params.id, body.slideIds),

    exportPresentation: async ({ user, params, reply }) => {
      const deck = await presentations.exportDeck(user.id, params.id);
      const filename = `${deck.title.replace(/[^\p{L}\p{N} _-]/gu, '').trim() || 'presentation'}.ettor.json`;
      void reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
      return deck;
    },
  } satisfies Partial<RouteHandlers>;
}
