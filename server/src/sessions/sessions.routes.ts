import { joinCodeSchema } from '@ettor/protocol';
import type { FastifyInstance } from 'fastify';
import { requireUser } from '../http/app.js';
import { AppError } from '../http/errors.js';
import { joinUrlFor } from './join-url.js';
import type { SessionsService } from './sessions.service.js';

type IdParams = { Params: { id: string } };

export function registerSessionRoutes(app: FastifyInstance, sessions: SessionsService, publicUrl: string | undefined): void {
  app.post<IdParams>('/api/presentations/:id/sessions', async (request, reply) => {
    return reply.status(201).send(await sessions.start(requireUser(request).id, request.params.id));
  });

  app.get<IdParams>('/api/sessions/:id', async (request) => {
    const detail = await sessions.detail(requireUser(request).id, request.params.id);
    return { ...detail, joinUrl: joinUrlFor(publicUrl, `${request.protocol}://${request.host}`) };
  });

  app.post<IdParams>('/api/sessions/:id/end', (request) => sessions.end(requireUser(request).id, request.params.id));

  app.get<{ Params: { code: string } }>('/api/join/:code', (request) => {
    const code = request.params.code.replace(/\s/gu, '');
    if (!joinCodeSchema.safeParse(code).success) throw new AppError('unknown_code', 'A join code is 8 digits.');
    return sessions.lookup(code);
  });
}
