import { joinCodeSchema } from '@ettor/protocol';
import type { RouteHandlers } from '../http/api.js';
import { AppError } from '../http/errors.js';
import { joinUrlFor } from './join-url.js';
import type { SessionsService } from './sessions.service.js';

export interface JoinAddress {
  /** The public address in force: the admin's setting, else ETTOR_PUBLIC_URL; undefined for neither. */
  publicUrl(): Promise<string | undefined>;
  /** The address the server listens on (HOST). */
  listenHost: string;
}

export function sessionRoutes(sessions: SessionsService, address: JoinAddress) {
  return {
    startSession: ({ user, params }) => sessions.start(user.id, params.id),

    getSession: async ({ user, params, request }) => {
      const detail = await sessions.detail(user.id, params.id);
      return { ...detail, ...joinUrlFor(await address.publicUrl(), `${request.protocol}://${request.host}`, address.listenHost) };
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
