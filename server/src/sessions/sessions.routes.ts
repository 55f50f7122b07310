import { joinCodeSchema } from '@ettor/protocol';
import type { RouteHandlers } from '../http/api.js';
import { AppError } from '../http/errors.js';
import { joinUrlFor } from './join-url.js';
import type { SessionsService } from './sessions.service.js';

export function sessionRoutes(sessions: SessionsService, publicUrl: string | undefined) {
  return {
    startSession: ({ user, params }) => sessions.start(user.id, params.id),

    getSession: async ({ user, params, request }) => {
      const detail = await sessions.detail(user.id, params.id);
      return { ...detail, joinUrl: joinUrlFor(publicUrl, `${request.protocol}://${request.host}`) };
    },

    endSession: ({ user, params }) => sessions.end(user.id, params.id),

    deleteSession: ({ user, params }) => sessions.remove(user.id, params.id),

    join: ({ params, request }) => {
      const code = params.code.replace(/\s/gu, '');
      if (!joinCodeSchema.safeParse(code).success) throw new AppError('unknown_code', 'A join code is 8 digits.');
      return sessions.lookup(code, request.ip);
    },
  } satisfies Partial<RouteHandlers>;
}
