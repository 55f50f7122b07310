import fs from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { ERROR_STATUS, MAX_ASSET_BYTES, type User } from '@ettor/protocol';
import type { Redis } from 'ioredis';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { AuthService } from '../auth/auth.service.js';
import type { TrustFunction } from './client-address.js';
import { AppError, toAppError } from './errors.js';
import { isCrossSite } from './same-origin.js';

export const SESSION_COOKIE = 'ettor_session';
/** The largest JSON body most routes accept; parsing is synchronous, so this bounds a stall. */
const BODY_LIMIT = 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    user: User | undefined;
  }
}

export interface AppOptions {
  auth: AuthService;
  webDir: string;
  /** The proxies believed, compiled once by the caller so HTTP and the live channel apply the same function. */
  trustProxy: TrustFunction;
  logLevel: string;
  /** How long a client may take to send a request's headers; tests shorten it. */
  headersTimeoutMs?: number;
  /** Where the log goes instead of standard output; tests read it. */
  logStream?: NodeJS.WritableStream;
  /** Counts the per-address request limits in Redis under `prefix`, so the nodes behind a load balancer share them. */
  sharedLimits?: { client: Redis; prefix: string };
}

/** Slow or half-open clients must not hold connections: headers within 10 s, a whole request within 2 min. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 120_000;
/** An idle keep-alive connection is closed after this; a WebSocket is exempt once upgraded. */
const IDLE_TIMEOUT_MS = 30_000;

/** Fastify with Ettor's plugins, error shape and authentication; features add their routes to it. */
export async function createHttpApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // A request is logged by its route, not its address or its URL: client addresses stay in memory, and URLs carry
      // join codes and share-link tokens.
      serializers: { req: (request) => ({ method: request.method, route: request.routeOptions?.url ?? 'unmatched' }) },
    },
    // request.ip and request.protocol then heed X-Forwarded-* only from the proxies the admin named.
    trustProxy: options.trustProxy,
    bodyLimit: BODY_LIMIT,
    connectionTimeout: IDLE_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
    // Node checks these every 30 s by default, which lets a slow client keep its connection three times as long.
    http: { headersTimeout: options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS, connectionsCheckingInterval: 1_000 },
    // Prototype-poisoning keys are refused outright rather than silently stripped.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Errors the router raises before any handler (a malformed %-escape) get Ettor's error shape too.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply)
        .status(400)
        .send(new AppError('validation_failed', `The address is malformed: ${error.message}`).toBody());
    },
  });
  // Only JSON bodies are API bodies; plain text is refused as the wrong media type.
  app.removeContentTypeParser('text/plain');

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // Svelte transitions and chart bars set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'"],
        // The typeface is self-hosted; helmet's default would also allow any https: or data: font.
        fontSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Plain-HTTP LAN installs are common; HSTS belongs to the HTTPS proxy in front.
    hsts: false,
  });
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);
  const shared = options.sharedLimits;
  await app.register(rateLimit, {
    global: false,
    // A Redis that fails lets requests through rather than refusing every sign-in; the sign-in guard still holds.
    ...(shared ? { redis: shared.client, nameSpace: `${shared.prefix}rate-limit:`, skipOnError: true } : {}),
  });
  await app.register(multipart, { limits: { fileSize: MAX_ASSET_BYTES, files: 1, fields: 5 } });

  app.decorateRequest('user', undefined);
  // A page of another origin cannot change anything, whatever cookie the browser sends along: the same rule as the
  // live channel's. Reading stays open (the pages themselves, media, a share link).
  app.addHook('onRequest', async (request) => {
    if (!SAFE_METHODS.has(request.method) && isCrossSite(request.headers)) {
      throw new AppError('forbidden', 'Requests from pages of other sites are refused.');
    }
  });
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.user = await options.auth.userForToken(token);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = requestError(error);
    if (appError.code === 'internal') request.log.error({ err: error }, 'request failed');
    void reply.status(ERROR_STATUS[appError.code]).send(appError.toBody());
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(new AppError('not_found', `Nothing at ${request.method} ${request.url.split('?')[0]}.`).toBody());
  });

  if (fs.existsSync(options.webDir)) {
    // The build writes each file gzip- and brotli-compressed beside it (web/vite.config.ts); those are sent as they are.
    await app.register(fastifyStatic, { root: options.webDir, index: false, wildcard: false, maxAge: '1h', preCompressed: true });
  } else {
    app.log.warn(`No web build at ${options.webDir}; run \`npm run build\` for the pages.`);
  }
  return app;
}

/** Methods that change nothing. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Maps everything thrown inside a request to the stable error shape. */
function requestError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid_json', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('payload_too_large', 'The request is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('unsupported_media_type', 'Send JSON (application/json), or an image as multipart form data.');
  }
  if (error.statusCode === 429) return new AppError('rate_limited', 'Too many attempts; wait a minute and try again.');
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return new AppError('invalid_json', 'The request body is not valid JSON.');
  }
  if (error.statusCode === 413) return new AppError('payload_too_large', 'The request is too large.');
  if (error.statusCode === 415) return new AppError('unsupported_media_type', 'Send JSON (application/json).');
  return toAppError(error);
}

/** Serves the single-page apps: the audience page at `/` and `/<code>`, the presenter app under `/app`. */
export function registerPages(app: FastifyInstance, webDir: string): void {
  const page = (file: string) => async (_request: FastifyRequest, reply: FastifyReply) => {
    if (!fs.existsSync(path.join(webDir, file))) {
      return reply.status(503).send(new AppError('internal', 'The web pages are not built; run `npm run build`.').toBody());
    }
    return reply.header('cache-control', 'no-cache').sendFile(file);
  };
  app.get('/', page('index.html'));
  app.get('/:code(^\\d{8}$)', page('index.html'));
  app.get('/app', page('app.html'));
  app.get('/app/*', page('app.html'));
}
