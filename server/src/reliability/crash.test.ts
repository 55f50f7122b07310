import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Answer,
  type ChoiceSlide,
  PROTOCOL_VERSION,
  type Presentation,
  type ServerMessage,
  type SessionInfo,
  answerSchema,
} from '@ettor/protocol';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { HttpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { type TestDatabase, dialects } from '../test/services.js';

/**
 * Durable acks under kill -9: the real built server runs as its own process, 500 phones answer at once,
 * and the process is SIGKILLed at a random moment of the burst. Every ack must name an answer that
 * survived, and resending the rest with their original clientIds must land each vote exactly once.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = path.join(ROOT, 'server', 'bin', 'ettor.js');
const BUILT_CLI = path.join(ROOT, 'server', 'dist', 'cli.js');

const VOTERS = 500;
const BATCH = 50;
const EMAIL = 'crash@example.se';
const PASSWORD = 'a long enough password';
/** Kill after this many acks: somewhere in the middle of the burst, different on every run. */
const KILL_AFTER = Number(process.env.ETTOR_CRASH_KILL_AFTER) || 50 + Math.floor(Math.random() * 351);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** `node server/bin/ettor.js …` as a child process, with its output kept for failure messages. */
class ServerProcess {
  private output = '';
  private readonly exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-8000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ? null : code)));
  }

  static async start(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
    const child = spawn(process.execPath, [BIN, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const server = new ServerProcess(child, `http://127.0.0.1:${env.PORT}`);
    await server.waitReady();
    return server;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Polls /healthz until the server answers; fails early with its output if it dies. */
  private async waitReady(): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (let attempt = 0; attempt < 600 && Date.now() < deadline; attempt += 1) {
      if (!this.running) throw new Error(`ettor serve exited before it was ready:\n${this.output}`);
      try {
        const response = await fetch(`${this.baseUrl}/healthz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`ettor serve was not ready within 30 s:\n${this.output}`);
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye to the sockets. */
  kill9(): Promise<number | null> {
    if (this.running) this.child.kill('SIGKILL');
    return this.exited;
  }

  get log(): string {
    return this.output;
  }
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`ettor ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout + stderr);
    });
  });
}

/** One phone: its identity (token) and its single vote, which it keeps until acked. */
class Phone {
  ws: WebSocket | undefined;
  token: string | undefined;
  /** The saved answers the last welcome reported. */
  welcomeAnswers: Record<string, Answer> = {};
  /** Every ack received for this phone's clientId, first one first. */
  readonly acks: ServerMessage[] = [];
  readonly errors: ServerMessage[] = [];
  private ackWaiters: Array<(ack: ServerMessage) => void> = [];

  constructor(
    readonly index: number,
    readonly clientId: string,
    readonly slideId: string,
    readonly answer: Answer,
    private readonly onAck: (phone: Phone) => void,
  ) {}

  get acked(): boolean {
    return this.acks.length > 0;
  }

  /** Opens a socket and joins; resolves with the welcome. */
  connect(wsUrl: string, code: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(wsUrl);
      this.ws = ws;
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error(`phone ${this.index}: no welcome within 30 s`));
      }, 30_000);
      ws.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      ws.once('open', () =>
        ws.send(JSON.stringify({ type: 'join', v: PROTOCOL_VERSION, code, ...(this.token ? { participantToken: this.token } : {}) })),
      );
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString()) as ServerMessage;
        if (message.type === 'welcome') {
          clearTimeout(timer);
          this.token = message.participantToken;
          this.welcomeAnswers = message.answers;
          resolve();
        } else if (message.type === 'ack' && message.clientId === this.clientId) {
          this.acks.push(message);
          this.onAck(this);
          for (const waiter of this.ackWaiters.splice(0)) waiter(message);
        } else if (message.type === 'error') {
          this.errors.push(message);
        }
      });
    });
  }

  send(answer: Answer = this.answer): void {
    this.ws?.send(JSON.stringify({ type: 'answer', clientId: this.clientId, slideId: this.slideId, answer }));
  }

  /** The next ack for this phone's clientId. */
  nextAck(timeoutMs = 30_000): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`phone ${this.index}: no ack within ${timeoutMs} ms; errors ${JSON.stringify(this.errors)}`)),
        timeoutMs,
      );
      this.ackWaiters.push((ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
  }

  /** Resolves once the socket is closed (by either side), or after a bound. */
  async closed(timeoutMs = 15_000): Promise<void> {
    const ws = this.ws;
    if (!ws || ws.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        ws.terminate();
        resolve();
      }, timeoutMs);
      ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

async function inBatches<T>(items: readonly T[], size: number, task: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(task));
  }
}

interface StoredResponse {
  participant_id: string;
  client_id: string;
  answer: string;
}

/** Reads the store directly, the way an operator would after a crash: not through the server. */
interface StoreReader {
  responses(sessionId: string, slideId: string): Promise<StoredResponse[]>;
  receipts(clientIds: readonly string[]): Promise<Set<string>>;
  participants(sessionId: string): Promise<number>;
  integrityCheck(): Promise<string | undefined>;
  close(): Promise<void>;
}

function sqliteReader(file: string): StoreReader {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  return {
    async responses(sessionId, slideId) {
      return db
        .prepare('SELECT participant_id, client_id, answer FROM responses WHERE session_id = ? AND slide_id = ?')
        .all(sessionId, slideId) as StoredResponse[];
    },
    async receipts(clientIds) {
      const rows = db.prepare('SELECT client_id FROM answer_receipts').all() as Array<{ client_id: string }>;
      const wanted = new Set(clientIds);
      return new Set(rows.map((r) => r.client_id).filter((id) => wanted.has(id)));
    },
    async participants(sessionId) {
      return (db.prepare('SELECT count(*) AS n FROM participants WHERE session_id = ?').get(sessionId) as { n: number }).n;
    },
    async integrityCheck() {
      return db.pragma('integrity_check', { simple: true }) as string;
    },
    async close() {
      db.close();
    },
  };
}

async function postgresReader(url: string): Promise<StoreReader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async responses(sessionId, slideId) {
      return (
        await client.query<StoredResponse>(
          'SELECT participant_id, client_id, answer FROM responses WHERE session_id = $1 AND slide_id = $2',
          [sessionId, slideId],
        )
      ).rows;
    },
    async receipts(clientIds) {
      const rows = (
        await client.query<{ client_id: string }>('SELECT client_id FROM answer_receipts WHERE client_id = ANY($1)', [clientIds])
      ).rows;
      return new Set(rows.map((r) => r.client_id));
    },
    async participants(sessionId) {
      return Number(
        (await client.query<{ n: string }>('SELECT count(*) AS n FROM participants WHERE session_id = $1', [sessionId])).rows[0]?.n,
      );
    },
    async integrityCheck() {
      return undefined;
    },
    async close() {
      await client.end();
    },
  };
}

describe.each(dialects)('kill -9 during a 500-voter burst on $name', (dialect) => {
  let database: TestDatabase | undefined;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let server: ServerProcess | undefined;
  let presenter: HttpClient;
  let session: SessionInfo;
  let role: ChoiceSlide;
  let phones: Phone[] = [];
  let wsUrl: string;
  let reader: StoreReader | undefined;
  const hosts: LiveClient[] = [];
  let ackCount = 0;
  let ackedBeforeKill = 0;
  let killed: Promise<unknown> | undefined;

  beforeAll(async () => {
    if (dialect.skipReason) return;
    if (!fs.existsSync(BUILT_CLI)) {
      throw new Error(`${path.relative(ROOT, BUILT_CLI)} is missing: this test runs the built server; run \`npm run build\` first.`);
    }
    database = await dialect.create();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ettor-crash-'));
    const port = await freePort();
    env = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ETTOR_DATA_DIR: dataDir,
      ETTOR_LOG_LEVEL: 'warn',
      ETTOR_SIGNUP_OPEN: 'false',
    };
    delete env.NODE_OPTIONS;
    delete env.DATABASE_URL;
    if (database.databaseUrl) env.DATABASE_URL = database.databaseUrl;
    wsUrl = `ws://127.0.0.1:${port}/live`;

    await runCli(['user', 'add', '--email', EMAIL, '--password', PASSWORD, '--admin'], env);
    server = await ServerProcess.start(env);
    presenter = new HttpClient(server.baseUrl);
    const login = await presenter.post('/api/auth/login', { email: EMAIL, password: PASSWORD });
    expect(login.status).toBe(200);
    const [summary] = (await presenter.get('/api/presentations')).body as Array<{ id: string }>;
    const deck = (await presenter.get(`/api/presentations/${summary!.id}`)).body as Presentation;
    role = deck.slides.find((s) => s.kind === 'choice') as ChoiceSlide;
    expect(role).toBeDefined();
    expect(deck.slides.some((s) => s.kind === 'wordcloud')).toBe(true);
    const started = await presenter.post(`/api/presentations/${deck.id}/sessions`);
    expect(started.status).toBe(201);
    session = started.body as SessionInfo;

    // The presenter shows the question, as in a real talk; this survives the crash in the database.
    const screen = await LiveClient.host(wsUrl, session.id, presenter.cookieHeader);
    hosts.push(screen);
    const shown = screen.nextMatching((m) => m.type === 'state' && m.state.slide?.id === role.id);
    screen.send({ type: 'goto', slideId: role.id });
    await shown;

    phones = Array.from({ length: VOTERS }, (_, i) => {
      const option = role.options[i % role.options.length]!;
      return new Phone(
        i,
        `crash-${String(i).padStart(4, '0')}-${Math.random().toString(36).slice(2, 8)}`,
        role.id,
        { kind: 'choice', optionIds: [option.id] },
        () => {
          ackCount += 1;
          if (ackCount === KILL_AFTER && server) {
            ackedBeforeKill = ackCount;
            killed = server.kill9();
          }
        },
      );
    });
    await inBatches(phones, BATCH, (phone) => phone.connect(wsUrl, session.code));
  });

  afterAll(async () => {
    for (const phone of phones) phone.ws?.terminate();
    for (const host of hosts) host.ws.terminate();
    await reader?.close();
    await server?.kill9();
    await database?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(dialect.skipReason)(`keeps every acked answer exactly once after a SIGKILL after ${KILL_AFTER} acks`, async () => {
    // The burst: every phone sends its one answer at once.
    for (const phone of phones) phone.send();
    const deadline = Date.now() + 45_000;
    while (!killed && Date.now() < deadline) await sleep(20);
    expect(
      killed,
      `the server was never killed: ${ackCount} acks, errors ${JSON.stringify(phones.flatMap((p) => p.errors).slice(0, 3))}`,
    ).toBeDefined();
    await killed;
    expect(server?.running).toBe(false);
    // Acks already on the wire when the process died still count: the server sent them, so it had committed.
    await Promise.all(phones.map((phone) => phone.closed()));
    const acked = phones.filter((phone) => phone.acked);
    expect(acked.length).toBeGreaterThanOrEqual(ackedBeforeKill);
    expect(phones.flatMap((phone) => phone.errors)).toEqual([]);

    server = await ServerProcess.start(env);
    reader = database?.databaseUrl ? await postgresReader(database.databaseUrl) : sqliteReader(path.join(dataDir, 'ettor.sqlite'));
    const rows = await reader.responses(session.id, role.id);
    console.info(
      `[crash/${dialect.name}] killed after ${ackedBeforeKill} acks; ${acked.length} acks reached phones; ${rows.length} answers stored`,
    );

    expect(rows.length).toBeGreaterThanOrEqual(acked.length);
    expect(rows.length).toBeLessThanOrEqual(VOTERS);
    expect(new Set(rows.map((r) => r.participant_id)).size).toBe(rows.length);
    const sent = new Map(phones.map((phone) => [phone.clientId, phone]));
    for (const row of rows) expect(sent.has(row.client_id), `stored answer with unknown clientId ${row.client_id}`).toBe(true);
    const byClientId = new Map<string, StoredResponse[]>();
    for (const row of rows) byClientId.set(row.client_id, [...(byClientId.get(row.client_id) ?? []), row]);
    for (const phone of acked) {
      const stored = byClientId.get(phone.clientId) ?? [];
      expect(stored, `acked answer ${phone.clientId} stored once`).toHaveLength(1);
      const ack = phone.acks[0]!;
      expect(JSON.parse(stored[0]!.answer)).toEqual(ack.type === 'ack' ? ack.answer : undefined);
    }
    const receipts = await reader.receipts(acked.map((phone) => phone.clientId));
    expect(receipts.size).toBe(acked.length);
    expect(await reader.participants(session.id)).toBe(VOTERS);
  });

  it.skipIf(dialect.skipReason)('lands every resent answer exactly once: 500 stored, every retry acked identically', async () => {
    expect(server?.running).toBe(true);
    const before = new Map(phones.map((phone) => [phone.clientId, phone.acks[0]]));
    const tokens = phones.map((phone) => phone.token);

    // The presenter's screen reconnects too, and watches the results come in.
    const screen = await LiveClient.host(wsUrl, session.id, presenter.cookieHeader);
    hosts.push(screen);

    await inBatches(phones, BATCH, (phone) => phone.connect(wsUrl, session.code));
    expect(phones.map((phone) => phone.token)).toEqual(tokens);
    for (const phone of phones.filter((p) => p.acked)) {
      const ack = phone.acks[0]!;
      expect(phone.welcomeAnswers[role.id]).toEqual(ack.type === 'ack' ? ack.answer : undefined);
    }

    // Each un-acked answer is resent with its original clientId; some acked ones are resent too, one with another body.
    const unacked = phones.filter((phone) => !phone.acked);
    const again = phones.filter((phone) => phone.acked).slice(0, 40);
    const replies = [...unacked, ...again].map((phone) => phone.nextAck());
    for (const phone of unacked) phone.send();
    for (const [i, phone] of again.entries()) {
      const other = role.options.find((o) => phone.answer.kind === 'choice' && o.id !== phone.answer.optionIds[0])!;
      phone.send(i % 2 ? phone.answer : { kind: 'choice', optionIds: [other.id] });
    }
    await Promise.all(replies);
    expect(phones.flatMap((phone) => phone.errors)).toEqual([]);
    for (const phone of again) expect(phone.acks.at(-1)).toEqual(before.get(phone.clientId));
    for (const phone of phones) {
      expect(phone.acks.length).toBeGreaterThan(0);
      for (const ack of phone.acks) expect(ack).toEqual(phone.acks[0]);
    }

    const rows = await reader!.responses(session.id, role.id);
    expect(rows).toHaveLength(VOTERS);
    expect(new Set(rows.map((r) => r.participant_id)).size).toBe(VOTERS);
    const stored = new Map(rows.map((r) => [r.client_id, answerSchema.parse(JSON.parse(r.answer))]));
    for (const phone of phones) {
      const ack = phone.acks[0]!;
      expect(stored.get(phone.clientId)).toEqual(ack.type === 'ack' ? ack.answer : undefined);
    }
    expect(await reader!.participants(session.id)).toBe(VOTERS);
    expect((await reader!.receipts(phones.map((p) => p.clientId))).size).toBe(VOTERS);
  });

  it.skipIf(dialect.skipReason || dialect.name !== 'sqlite')('leaves a SQLite file that passes PRAGMA integrity_check', async () => {
    expect(await reader!.integrityCheck()).toBe('ok');
  });

  it.skipIf(dialect.skipReason)('shows the presenter results equal to a count over the stored rows', async () => {
    const screen = hosts.at(-1)!;
    const final = await screen.waitFor(
      (m) => m.type === 'results' && m.results.slideId === role.id && m.results.respondents === VOTERS,
      20_000,
    );
    const rows = await reader!.responses(session.id, role.id);
    const counted = new Map(role.options.map((o) => [o.id, 0]));
    for (const row of rows) {
      const answer = answerSchema.parse(JSON.parse(row.answer));
      if (answer.kind === 'choice') for (const id of answer.optionIds) counted.set(id, (counted.get(id) ?? 0) + 1);
    }
    expect(final.type === 'results' && final.results.kind === 'choice' ? final.results.counts : undefined).toEqual(
      role.options.map((o) => ({ optionId: o.id, count: counted.get(o.id) })),
    );
    // A fresh screen sees the same from scratch.
    const fresh = await LiveClient.host(wsUrl, session.id, presenter.cookieHeader);
    hosts.push(fresh);
    const initial = await fresh.waitFor((m) => m.type === 'results' && m.results.slideId === role.id, 20_000);
    expect(initial).toEqual(final);
  });
});
