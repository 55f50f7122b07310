import { ROUTE_SCHEMAS, ROUTES, type RouteName, type RouteParams, type RouteSchemas, type RouteSpec, type User } from '@ettor/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, parseInput } from './errors.js';
import { createOpenApiDocument } from './openapi.js';

/** A deck with embedded images is the biggest thing anyone sends; only its import route takes this much. */
export const DECK_BODY_LIMIT = 12 * 1024 * 1024;

export interface RouteLimits {
  /** Instead of the app's 1 MiB. */
  readonly bodyLimit?: number;
  /** Requests per client address, counted by @fastify/rate-limit. */
  readonly rateLimit?: { readonly max: number; readonly timeWindow: string };
}

// Password guessing is slowed per client address; legitimate users rarely need more.
const AUTH_RATE_LIMIT = { max: 10, timeWindow: '1 minute' };

/** The server's limits on particular routes; the OpenAPI document lists what they refuse. */
export const ROUTE_LIMITS: { readonly [N in RouteName]?: RouteLimits } = {
  signup: { rateLimit: AUTH_RATE_LIMIT },
  login: { rateLimit: AUTH_RATE_LIMIT },
  importPresentation: { bodyLimit: DECK_BODY_LIMIT },
  // Anyone with a link may open it; a report is read in full each time, so one address cannot ask without end.
  sharedReport: { rateLimit: { max: 60, timeWindow: '1 minute' } },
};

type Schemas<N extends RouteName> = (typeof ROUTE_SCHEMAS)[N];

/** What a handler gets and gives: its parameters, query and body parsed, and the caller its `auth` guarantees. */
export interface RouteContext<N extends RouteName> {
  params: RouteParams<N>;
  query: Schemas<N> extends { query: infer Q extends z.ZodType } ? z.output<Q> : undefined;
  body: Schemas<N> extends { body: infer B extends z.ZodType } ? z.output<B> : undefined;
  user: (typeof ROUTES)[N]['auth'] extends 'public' ? User | undefined : User;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** The response schema's output, the bytes of a binary response, or nothing for 204. */
export type RouteOutput<N extends RouteName> =
  Schemas<N> extends { response: infer R } ? (R extends z.ZodType ? z.output<R> : Buffer) : void;

export type RouteHandler<N extends RouteName> = (context: RouteContext<N>) => RouteOutput<N> | Promise<RouteOutput<N>>;

export type RouteHandlers = { [N in RouteName]: RouteHandler<N> };

/** Registers every route of the table with its handler; the OpenAPI document's own route is served here. */
export function registerApi(app: FastifyInstance, handlers: Omit<RouteHandlers, 'openApi'>): void {
  // Built when first asked for, not at every start; spread into a plain object type, which the loose response schema accepts.
  let document: { [key: string]: unknown; openapi: string } | undefined;
  const all: RouteHandlers = { ...handlers, openApi: () => (document ??= { ...createOpenApiDocument(ROUTE_LIMITS) }) };
  for (const name of Object.keys(ROUTES) as RouteName[]) register(app, name, all[name]);
}

function register<N extends RouteName>(app: FastifyInstance, name: N, handler: RouteHandler<N>): void {
  const route: RouteSpec = ROUTES[name];
  const schemas: RouteSchemas = ROUTE_SCHEMAS[name];
  const { bodyLimit, rateLimit } = ROUTE_LIMITS[name] ?? {};
  app.route({
    method: route.method,
    url: route.path,
    ...(bodyLimit === undefined ? {} : { bodyLimit }),
    ...(rateLimit === undefined ? {} : { config: { rateLimit } }),
    handler: async (request, reply) => {
      const params = schemas.params ? parseParams(schemas.params, request.params) : {};
      const user = route.auth === 'admin' ? requireAdmin(request) : route.auth === 'user' ? requireUser(request) : request.user;
      // A route without a query schema ignores the query string, as it always has (a cache-buster, say).
      const query = schemas.query ? parseInput(schemas.query, request.query) : undefined;
      // A multipart body is read by its handler, as a stream.
      const body = schemas.body && !('multipart' in schemas.body) ? parseInput(schemas.body, request.body) : undefined;
      // Set first, so a handler can answer one of its other documented statuses instead.
      void reply.status(route.status);
      const result = await handler({ params, query, body, user, request, reply } as RouteContext<N>);
      return reply.send(route.status === 204 ? undefined : result);
    },
  });
}

/** The signed-in presenter, or an `unauthorized` error. */
function requireUser(request: FastifyRequest): User {
  if (!request.user) throw new AppError('unauthorized', 'Sign in first.');
  return request.user;
}

function requireAdmin(request: FastifyRequest): User {
  const user = requireUser(request);
  if (!user.isAdmin) throw new AppError('forbidden', 'Only an administrator can do that.');
  return user;
}

/** An id that cannot exist is reported as missing, like one that does not. */
function parseParams(schema: NonNullable<RouteSchemas['params']>, params: unknown): Record<string, string> {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const name = result.error.issues[0]?.path[0];
  throw new AppError('not_found', `There is no such ${name === 'slideId' ? 'slide' : 'item'}.`);
}
