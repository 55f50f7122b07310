import { Redis } from 'ioredis';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth/auth.routes.js';
import { createAuthService } from './auth/auth.service.js';
import type { Bus } from './bus/bus.js';
import { createMemoryBus } from './bus/memory-bus.js';
import { newNodeName } from './bus/bus.js';
import { createRedisBus } from './bus/redis-bus.js';
import { redisStrikeStores } from './limits/redis-strike-store.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import { type Store, openStore } from './db/database.js';
import { databaseProblem } from './db/health.js';
import { migrateToLatest } from './db/migrate.js';
import { registerApi } from './http/api.js';
import { SESSION_COOKIE, createHttpApp, registerPages } from './http/app.js';
import { clientAddress, trustFunction } from './http/client-address.js';
import { type LiveServer, attachLiveServer } from './live/live-server.js';
import { mediaRoutes } from './media/media.routes.js';
import { createMediaService } from './media/media.service.js';
import { createParticipantsService } from './participants/participants.service.js';
import { exampleDeck } from './presentations/example-deck.js';
import { presentationRoutes } from './presentations/presentations.routes.js';
import { createPresentationsService } from './presentations/presentations.service.js';
import { compareRoutes } from './reports/compare.routes.js';
import { createCompareService } from './reports/compare.service.js';
import { reportRoutes } from './reports/reports.routes.js';
import { createReportsService } from './reports/reports.service.js';
import { createQaService } from './qa/qa.service.js';
import { createReactionsService } from './reactions/reactions.service.js';
import { createResponsesService } from './responses/responses.service.js';
import { createRetentionService, scheduleRetention } from './retention/retention.service.js';
import { sessionRoutes } from './sessions/sessions.routes.js';
import { createSessionsService } from './sessions/sessions.service.js';
import { shareLinkRoutes } from './sharing/share-links.routes.js';
import { createShareLinksService } from './sharing/share-links.service.js';

export interface Ettor {
  app: FastifyInstance;
  store: Store;
  /** Listens on the configured host and port; resolves with the address it got. */
  start(): Promise<string>;
  stop(): Promise<void>;
}

export interface EttorOptions {
  clock?: Clock;
  bus?: Bus;
  /** Where the bus reports Redis going away; the server's logger. */
  log?: { warn: (object: unknown, message: string) => void };
  /** How long a client may take to send its request headers or, on the live channel, its join; tests shorten it. */
  slowClientTimeoutMs?: number;
}

/** The services over one store and bus, without HTTP: what the server and the CLI share. */
export async function createCore(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'signupOpenByDefault'> & Partial<Pick<Config, 'redisUrl' | 'redisPrefix'>>,
  options: EttorOptions = {},
) {
  const clock = options.clock ?? systemClock;
  const store = openStore(config);
  await migrateToLatest(store.db, store.dialect);
  const { db } = store;
  const log = options.log ?? console;
  const bus = options.bus ?? openBus(config, log);
  const limits = openSharedLimits(config, log);

  const media = createMediaService({ db, clock });
  const presentations = createPresentationsService({ db, clock, media, bus });
  const auth = createAuthService({
    db,
    clock,
    signupOpenByDefault: config.signupOpenByDefault,
    ...limits?.strikeStores,
    onUserCreated: async (trx, userId) => {
      await presentations.importDeck(trx, userId, exampleDeck);
    },
  });
  const sessions = createSessionsService({ db, clock, bus, presentations, ...limits?.strikeStores });
  const participants = createParticipantsService({ db, clock });
  const responses = createResponsesService({ db, clock, bus, sessions });
  const qa = createQaService({ db, clock, bus, sessions });
  const reports = createReportsService({ db, clock });
  const compare = createCompareService({ db });
  const shareLinks = createShareLinksService({ db, clock, reports });
  const retention = createRetentionService({ db, clock, settings: auth.settings });
  return {
    store,
    bus,
    /** The Redis connection the HTTP request limits count in, with several nodes. */
    sharedLimits: limits?.sharedLimits,
    media,
    presentations,
    auth,
    sessions,
    participants,
    responses,
    qa,
    reports,
    compare,
    shareLinks,
    retention,
    async close() {
      // Joins and answers already received still commit, so nothing a phone was about to be told is left half done.
      await Promise.all([participants.drain(), responses.drain(), qa.drain()]);
      await bus.close();
      limits?.sharedLimits.client.disconnect();
      await store.close();
    },
  };
}

export type Core = Awaited<ReturnType<typeof createCore>>;

/**
 * With several nodes, the limits that guard something they share (join codes, accounts, sign-in requests) count in
 * Redis, on a connection of their own that fails at once while Redis is away: the limits then count on this node.
 */
function openSharedLimits(config: Partial<Pick<Config, 'redisUrl' | 'redisPrefix'>>, log: NonNullable<EttorOptions['log']>) {
  if (!config.redisUrl) return undefined;
  const prefix = config.redisPrefix ?? 'ettor:';
  const client = new Redis(config.redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1000,
    connectTimeout: 2000,
  });
  // Reported once per outage through onError below, not on every reconnect attempt.
  client.on('error', () => undefined);
  const strikeStores = redisStrikeStores({
    client,
    prefix,
    onError: (error) => log.warn({ err: error }, 'Redis is unreachable: join-code and sign-in limits count on this node only'),
  });
  return { strikeStores: { strikeStores }, sharedLimits: { client, prefix } };
}

/** Redis joins this node to the others when configured; otherwise everything stays in this process. */
function openBus(config: Partial<Pick<Config, 'redisUrl' | 'redisPrefix'>>, log: NonNullable<EttorOptions['log']>): Bus {
  const node = newNodeName();
  if (!config.redisUrl) return createMemoryBus(node);
  return createRedisBus({ url: config.redisUrl, prefix: config.redisPrefix ?? 'ettor:', node, log });
}

/** Every HTTP route: the API from the route table, then the pages. */
export function registerRoutes(
  app: FastifyInstance,
  core: Core,
  config: Pick<Config, 'publicUrl' | 'webDir' | 'host'>,
  node: { readonly draining: boolean } = { draining: false },
): void {
  const { db } = core.store;
  registerApi(app, {
    health: async ({ reply }) => {
      if (node.draining) {
        void reply.status(503);
        return { status: 'draining', problems: [] };
      }
      const database = await databaseProblem(core.store);
      const bus = core.bus.problem();
      const problems = [
        ...(database === undefined ? [] : [{ part: 'database' as const, message: database }]),
        ...(bus === undefined ? [] : [{ part: 'bus' as const, message: bus }]),
      ];
      return { status: problems.length === 0 ? 'ok' : 'degraded', problems };
    },
    ...authRoutes(core.auth),
    ...presentationRoutes(core.presentations),
    ...sessionRoutes(core.sessions, {
      publicUrl: async () => (await core.auth.settings()).publicUrl ?? config.publicUrl,
      listenHost: config.host,
    }),
    ...reportRoutes(core.reports),
    ...compareRoutes(core.compare),
    ...shareLinkRoutes(core.shareLinks),
    ...mediaRoutes(core.media, db),
  });
  registerPages(app, config.webDir);
}

/** The composition root: config → store → bus → services → HTTP and live channel. */
export async function createEttor(config: Config, options: EttorOptions = {}): Promise<Ettor> {
  // The bus starts before the HTTP app and its logger exist; what it says before then goes to the console.
  let logger: FastifyInstance['log'] | undefined = undefined;
  const core = await createCore(config, {
    log: { warn: (object, message) => (logger ? logger.warn(object, message) : console.warn(message, object)) },
    ...options,
  });
  const { store, bus, auth, sessions, participants, responses } = core;

  // The live channel's per-address limits count the same address as HTTP's request.ip.
  const trust = trustFunction(config.trustProxy);
  const app = await createHttpApp({
    auth,
    webDir: config.webDir,
    trustProxy: trust,
    logLevel: config.logLevel,
    ...(core.sharedLimits ? { sharedLimits: core.sharedLimits } : {}),
    ...(options.slowClientTimeoutMs ? { headersTimeoutMs: options.slowClientTimeoutMs } : {}),
  });
  logger = app.log;
  const node = { draining: false };
  registerRoutes(app, core, config, node);

  let live: LiveServer | undefined;
  const reactions = createReactionsService({
    db: store.db,
    bus,
    onError: (error) => app.log.error({ err: error }, 'reactions not stored'),
  });
  const pruneTimer = setInterval(() => void auth.pruneExpiredSessions().catch(() => undefined), 3_600_000);
  pruneTimer.unref();
  const stopRetention = scheduleRetention(core.retention, app.log);

  return {
    app,
    store,
    async start() {
      await app.ready();
      live = attachLiveServer(app.server, {
        bus,
        sessions,
        participants,
        responses,
        qa: core.qa,
        reactions,
        derivedResults: (sessionId, slideId) => core.reports.derivedResults(sessionId, slideId),
        segments: (sessionId, slideId, splitBy) => core.reports.liveSegments(sessionId, slideId, splitBy),
        scores: (sessionId, slideId) => core.reports.scores(sessionId, slideId),
        log: app.log,
        maxSocketsPerAddress: config.maxSocketsPerAddress,
        clientsConnectDirectly: config.trustProxy === false,
        ...(options.slowClientTimeoutMs ? { joinTimeoutMs: options.slowClientTimeoutMs } : {}),
        addressOf: (request) => clientAddress(request, trust),
        userForRequest: async (request) => {
          const token = app.parseCookie(request.headers.cookie ?? '')[SESSION_COOKIE];
          return token ? (await auth.userForToken(token))?.id : undefined;
        },
      });
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address() as AddressInfo;
      return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
    },
    async stop() {
      node.draining = true;
      clearInterval(pruneTimer);
      // No new connections: a load balancer sends them to the other nodes; the open ones are drained below.
      app.server.close();
      await stopRetention();
      await live?.drain(() => Promise.all([participants.drain(), responses.drain(), core.qa.drain()]).then(() => undefined));
      await live?.close();
      await reactions.close();
      await app.close();
      await core.close();
    },
  };
}
