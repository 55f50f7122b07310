import type { FastifyReply } from 'fastify';
import type { RouteHandlers } from '../http/api.js';
import { SESSION_COOKIE } from '../http/app.js';
import type { AuthService, LoginResult } from './auth.service.js';

function setCookie(reply: FastifyReply, result: LoginResult, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, result.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: result.expiresAt,
  });
}

export function authRoutes(auth: AuthService) {
  const guard = auth.signInGuard;
  return {
    setupStatus: () => auth.setupStatus(),

    signup: async ({ body, request, reply }) => {
      const result = await auth.signup(body, request.cookies[SESSION_COOKIE]);
      setCookie(reply, result, request.protocol === 'https');
      return result.user;
    },

    login: async ({ body, request, reply }) => {
      // Refused before the password is checked; request.ip is the address the trusted proxy saw.
      await guard.admit(body.email, request.ip);
      const result = await auth.login(body.email, body.password, request.cookies[SESSION_COOKIE]);
      await guard.succeeded(body.email, request.ip);
      setCookie(reply, result, request.protocol === 'https');
      return result.user;
    },

    logout: async ({ request, reply }) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await auth.logout(token);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },

    me: ({ user }) => user,
    getSettings: () => auth.settings(),
    updateSettings: ({ body }) => auth.updateSettings(body),
  } satisfies Partial<RouteHandlers>;
}
