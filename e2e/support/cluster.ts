import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { Health, Results, SessionInfo } from '@ettor/protocol';
import pg from 'pg';
import { REDIS_TEST_URL, dialects, redisProblem, servicesRequired, testRedisPrefix } from '../../server/src/test/services.js';
import { type Network, buildDeck, startNetwork } from './phone.js';
import { freePort, spawnServer } from './server.js';

const postgres = dialects.find((dialect) => dialect.name === 'postgres')!;

export { servicesRequired };

/** Why cluster tests are skipped on this machine, if they are; with CI=true or ETTOR_REQUIRE_SERVICES=1 services.ts throws instead. */
export const clusterSkipReason: string | undefined = postgres.skipReason ?? redisProblem;
if (clusterSkipReason) console.warn(`Skipping cluster tests: ${clusterSkipReason}.`);

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One Ettor process of the cluster, on a port it keeps across restarts. */
export interface ClusterNode {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  /** Whether its process is running now. */
  readonly running: boolean;
  start(): Promise<void>;
  /** SIGTERM, as systemd stops it; resolves with how it exited (after 20 s it is killed and this throws). */
  stop(): Promise<Exit>;
  /** SIGKILL: the process dies at once, sockets and database connections with it. */
  kill(): Promise<Exit>;
  health(): Promise<{ httpStatus: number; body: Health }>;
}

export interface Cluster {
  nodes: ClusterNode[];
  /** The relays the nodes reach PostgreSQL and Redis through, when asked for: cut them to cut the service. */
  databaseLine: Network | undefined;
  redisLine: Network | undefined;
  /** A query on the test's own database, reached directly (not through the relay). */
  query<Row extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Stops every node, then drops the database and the Redis keys. */
  dispose(): Promise<void>;
}

export interface ClusterOptions {
  nodes?: number;
  /** Environment for every node besides what the cluster sets. */
  env?: Record<string, string>;
  /** Routes the nodes' PostgreSQL and Redis connections through relays the test can cut. */
  relays?: boolean;
}

/** `url` with its host and port replaced by a relay's, user, password and database kept. */
function through(url: string, line: Network): string {
  const relayed = new URL(url);
  relayed.host = new URL(line.url).host;
  return relayed.toString();
}

function waitForExit(child: ChildProcess, exited: Promise<Exit>, timeoutMs: number, what: string): Promise<Exit> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what} did not exit within ${timeoutMs / 1000} s; killed`));
    }, timeoutMs);
  });
  return Promise.race([exited, late]).finally(() => clearTimeout(timer));
}

function clusterNode(name: string, port: number, dataDir: string, env: Record<string, string>): ClusterNode {
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<Exit> = Promise.resolve({ code: null, signal: null });
  let lastExit: Exit | undefined;

  const end = async (signal: 'SIGTERM' | 'SIGKILL'): Promise<Exit> => {
    const running = child;
    if (!running || lastExit) throw new Error(`node ${name} is not running`);
    running.kill(signal);
    return waitForExit(running, exited, 20_000, `node ${name}`);
  };

  return {
    name,
    url,
    port,
    get running() {
      return child !== undefined && lastExit === undefined;
    },
    async start() {
      if (child && !lastExit) throw new Error(`node ${name} is already running`);
      const started = await spawnServer(port, { ...env, ETTOR_DATA_DIR: dataDir }, 'pipe');
      child = started;
      lastExit = undefined;
      exited = new Promise((resolve) => {
        started.once('exit', (code, signal) => {
          lastExit = { code, signal };
          resolve(lastExit);
        });
      });
      // Each line of the node's log, marked with its name, so a failure shows which node said what.
      for (const stream of [started.stdout, started.stderr]) {
        if (stream) readline.createInterface({ input: stream }).on('line', (line) => process.stderr.write(`[ettor ${name}] ${line}\n`));
      }
    },
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
    async health() {
      const response = await fetch(`${url}/healthz`);
      return { httpStatus: response.status, body: (await response.json()) as Health };
    },
  };
}

/**
 * N built Ettor processes on free ports sharing one PostgreSQL database and one Redis prefix of the test's own, as
 * `ettor serve` runs behind a load balancer. The first node starts alone, so that it alone migrates the new database.
 */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const database = await postgres.create();
  const databaseUrl = database.databaseUrl!;
  const redisKeys = testRedisPrefix();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });

  const databaseLine = options.relays ? await startNetwork(databaseUrl) : undefined;
  const redisLine = options.relays ? await startNetwork(REDIS_TEST_URL) : undefined;
  const env = {
    DATABASE_URL: databaseLine ? through(databaseUrl, databaseLine) : databaseUrl,
    REDIS_URL: redisLine ? through(REDIS_TEST_URL, redisLine) : REDIS_TEST_URL,
    ETTOR_REDIS_PREFIX: redisKeys.prefix,
    ...options.env,
  };
  // Unused with PostgreSQL, but each node gets its own, as on its own machine.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ettor-e2e-cluster-'));
  const nodes: ClusterNode[] = [];
  for (let index = 0; index < (options.nodes ?? 2); index += 1) {
    const name = String.fromCharCode(97 + index);
    nodes.push(clusterNode(name, await freePort(), fs.mkdtempSync(path.join(dataDir, `${name}-`)), env));
  }

  const cluster: Cluster = {
    nodes,
    databaseLine,
    redisLine,
    async query<Row extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
      return (await pool.query<Row>(sql, params)).rows;
    },
    async dispose() {
      await Promise.all(nodes.filter((node) => node.running).map((node) => node.stop().catch(() => node.kill().catch(() => undefined))));
      fs.rmSync(dataDir, { recursive: true, force: true });
      await databaseLine?.close();
      await redisLine?.close();
      await pool.end();
      await database.drop();
      await redisKeys.clean();
    },
  };

  try {
    for (const node of nodes) await node.start();
  } catch (error) {
    await cluster.dispose();
    throw error;
  }
  return cluster;
}

/** The answers PostgreSQL holds for a choice slide of a session: the truth every screen should show. */
export async function storedChoices(
  cluster: Cluster,
  sessionId: string,
  slideId: string,
): Promise<{ clientId: string; participantId: string; optionIds: string[] }[]> {
  const rows = await cluster.query<{ client_id: string; participant_id: string; answer: string }>(
    'SELECT client_id, participant_id, answer FROM responses WHERE session_id = $1 AND slide_id = $2',
    [sessionId, slideId],
  );
  return rows.map((row) => ({
    clientId: row.client_id,
    participantId: row.participant_id,
    optionIds: (JSON.parse(row.answer) as { optionIds: string[] }).optionIds,
  }));
}

export const OPTIONS = ['a', 'b', 'c', 'd'] as const;

/** Votes per option of a voting session's question, zeros included, the way a choice slide's results count them. */
export function tally(votes: readonly (readonly string[])[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(OPTIONS.map((id) => [id, 0]));
  for (const vote of votes) for (const id of vote) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
}

/**
 * A presenter's deck of single-choice questions that cannot be changed (so a resend the server took for a new vote
 * would be refused) and a closing slide, and a session of it started.
 */
export async function votingSession(api: (method: string, pathname: string, body?: unknown) => Promise<unknown>, questions = 1) {
  const deck = await buildDeck(api, 'Många noder, ett rum', [
    ...Array.from({ length: questions }, (_, index) => ({
      kind: 'choice',
      question: `Fråga ${index + 1}`,
      allowChange: false,
      showResultsOnPhones: false,
      options: OPTIONS.map((id) => ({ id, label: id.toUpperCase() })),
    })),
    { kind: 'content', heading: 'Tack!' },
  ]);
  const session = (await api('POST', `/api/presentations/${deck.id}/sessions`)) as SessionInfo;
  return { session, questions: deck.slides.slice(0, questions).map((slide) => slide.id), thanks: deck.slides[questions]!.id };
}

/** A choice slide's results as votes per option, or undefined before a screen has any. */
export function choiceCounts(results: Results | undefined): Record<string, number> | undefined {
  if (results?.kind !== 'choice') return undefined;
  return Object.fromEntries(results.counts.map((c) => [c.optionId, c.count]));
}

/** Phone number `index`'s vote: the options in turn. */
export function vote(index: number) {
  return { kind: 'choice', optionIds: [OPTIONS[index % OPTIONS.length]!] };
}
