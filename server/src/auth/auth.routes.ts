import { loginBodySchema, settingsPatchSchema, signupBodySchema } from '@ettor/protocol';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { SESSION_COOKIE, requireAdmin, requireUser } from '../http/app.js';
import { parseInput } from '../http/errors.js';
import type { AuthService, LoginResult } from './auth.service.js';

// Password guessing is slowed per client address; legitimate users rarely need more.
const authRateLimit = { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } };

export function registerAuthRoutes(app: FastifyInstance, auth: AuthService): void {
  const setCookie = (reply: FastifyReply, result: LoginResult, secure: boolean) =>
    reply.setCookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      expires: result.expiresAt,
    });

  app.get('/api/setup', () => auth.setupStatus());

  app.post('/api/auth/signup', authRateLimit, async (request, reply) => {
    const body = parseInput(signupBodySchema, request.body);
    const result = await auth.signup(body, request.cookies[SESSION_COOKIE]);
    setCookie(reply, result, request.protocol === 'https');
    return reply.status(201).send(result.user);
  });

  app.post('/api/auth/login', authRateLimit, async (request, reply) => {
    const body = parseInput(loginBodySchema, request.body);
    const result = await auth.login(body.email, body.password, request.cookies[SESSION_COOKIE]);
    setCookie(reply, result, request.protocol === 'https');
    return result.user;
  });

  app.post('/api/auth/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await auth.logout(token);
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).send();
  });

  app.get('/api/auth/me', (request) => requireUser(request));

  app.get('/api/admin/settings', (request) => {
    requireAdmin(request);
    return auth.settings();
  });

  app.patch('/api/admin/settings', (request) => {
    requireAdmin(request);
    return auth.updateSettings(parseInput(settingsPatchSchema, request.body));
  });
}
