import {
  createPresentationBodySchema,
  createSlideBodySchema,
  deckFileSchema,
  reorderSlidesBodySchema,
  updatePresentationBodySchema,
} from '@ettor/protocol';
import type { FastifyInstance } from 'fastify';
import { DECK_BODY_LIMIT, requireUser } from '../http/app.js';
import { parseInput } from '../http/errors.js';
import type { PresentationsService } from './presentations.service.js';

type IdParams = { Params: { id: string } };
type SlideParams = { Params: { id: string; slideId: string } };

export function registerPresentationRoutes(app: FastifyInstance, presentations: PresentationsService): void {
  app.get('/api/presentations', (request) => presentations.list(requireUser(request).id));

  app.post('/api/presentations', async (request, reply) => {
    const user = requireUser(request);
    const body = parseInput(createPresentationBodySchema, request.body);
    return reply.status(201).send(await presentations.create(user.id, body.title));
  });

  app.post('/api/presentations/import', { bodyLimit: DECK_BODY_LIMIT }, async (request, reply) => {
    const user = requireUser(request);
    const deck = parseInput(deckFileSchema, request.body);
    return reply.status(201).send(await presentations.importDeckFor(user.id, deck));
  });

  app.get<IdParams>('/api/presentations/:id', (request) => presentations.get(requireUser(request).id, request.params.id));

  app.patch<IdParams>('/api/presentations/:id', (request) => {
    const user = requireUser(request);
    const body = parseInput(updatePresentationBodySchema, request.body);
    return presentations.rename(user.id, request.params.id, body.title);
  });

  app.delete<IdParams>('/api/presentations/:id', async (request, reply) => {
    await presentations.remove(requireUser(request).id, request.params.id);
    return reply.status(204).send();
  });

  app.post<IdParams>('/api/presentations/:id/duplicate', async (request, reply) => {
    return reply.status(201).send(await presentations.duplicate(requireUser(request).id, request.params.id));
  });

  app.post<IdParams>('/api/presentations/:id/slides', async (request, reply) => {
    const user = requireUser(request);
    const body = parseInput(createSlideBodySchema, request.body);
    return reply.status(201).send(await presentations.addSlide(user.id, request.params.id, body.kind, body.afterSlideId));
  });

  app.put<SlideParams>('/api/presentations/:id/slides/:slideId', (request) =>
    presentations.updateSlide(requireUser(request).id, request.params.id, request.params.slideId, request.body),
  );

  app.delete<SlideParams>('/api/presentations/:id/slides/:slideId', async (request, reply) => {
    await presentations.removeSlide(requireUser(request).id, request.params.id, request.params.slideId);
    return reply.status(204).send();
  });

  app.put<IdParams>('/api/presentations/:id/slide-order', (request) => {
    const user = requireUser(request);
    const body = parseInput(reorderSlidesBodySchema, request.body);
    return presentations.reorder(user.id, request.params.id, body.slideIds);
  });

  app.get<IdParams>('/api/presentations/:id/export', async (request, reply) => {
    const deck = await presentations.exportDeck(requireUser(request).id, request.params.id);
    const filename = `${deck.title.replace(/[^\p{L}\p{N} _-]/gu, '').trim() || 'presentation'}.ettor.json`;
    return reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`).send(deck);
  });
}
