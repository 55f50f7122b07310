import os from 'node:os';
import { PROTOCOL_VERSION, type Presentation, type ServerMessage, type SessionInfo, type Slide } from '@ettor/protocol';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { type DialectCase, dialects } from '../test/services.js';
import { type TcpProxy, startTcpProxy } from '../test/tcp-proxy.js';
import { type TestServer, startTestServer } from '../test/test-server.js';
import { openStore } from './database.js';
import { databaseProblem } from './health.js';
import { isUnavailable } from './unavailable.js';

const postgres = dialects.find((dialect) => dialect.name === 'postgres') as DialectCase;

/** Polls until `check` holds, failing after `timeoutMs`. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await check());) {
    if (Date.now() > deadline) throw new Error(`not so within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a PostgreSQL outage', () => {
  let proxy: TcpProxy;
  /** The test's own database, reached through the proxy. */
  let viaProxy: string;
  let server: TestServer;
  /** Straight to PostgreSQL, past the proxy: what is really stored, even while the server's connections are cut. */
  let direct: pg.Client;
  let presenter: HttpClient;
  let session: SessionInfo;
  let choice: Extract<Slide, { kind: 'choice' }>;
  let qa: Slide;
  const sockets: LiveClient[] = [];

  const phone = async () => {
    const joined = await LiveClient.join(server.wsUrl, session.code);
    sockets.push(joined);
    return joined;
  };
  const stored = async (table: 'answer_receipts' | 'responses' | 'qa_questions', clientIds: string[]) =>
    Number((await direct.query(`SELECT count(*)::int AS n FROM ${table} WHERE client_id = ANY($1)`, [clientIds])).rows[0].n);

  beforeAll(async () => {
    if (postgres.skipReason) return;
    const database = await postgres.create();
    const real = new URL(database.databaseUrl as string);
    proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
    const proxied = new URL(real);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    viaProxy = proxied.toString();
    server = await startTestServer({ ...postgres, create: async () => database }, { databaseUrl: viaProxy });
    direct = new pg.Client({ connectionString: database.databaseUrl });
    await direct.connect();

    presenter = await signedUpClient(server.url);
    const deck = (await presenter.post('/api/presentations', { title: 'Avbrott' })).body as Presentation;
    const addSlide = async (slide: Record<string, unknown>) => {
      const blank = (await presenter.post(`/api/presentations/${deck.id}/slides`, { kind: slide.kind })).body as Slide;
      return (await presenter.put(`/api/presentations/${deck.id}/slides/${blank.id}`, { ...slide, id: blank.id })).body as Slide;
    };
    choice = (await addSlide({
      kind: 'choice',
      question: 'Roll?',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    })) as typeof choice;
    qa = await addSlide({ kind: 'qa', question: 'Frågor?' });
    session = (await presenter.post(`/api/presentations/${deck.id}/sessions`)).body as SessionInfo;
    const screen = await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader);
    sockets.push(screen);
    screen.send({ type: 'goto', slideId: choice.id });
    await screen.waitFor((m) => m.type === 'state' && m.state.slide?.id === choice.id);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await proxy?.restore().catch(() => undefined);
    await direct?.end();
    await server?.stop();
    await proxy?.close();
  });

  it.skipIf(postgres.skipReason)(
    'refuses answers in the gap as unavailable, stores nothing of them, and takes the same client ids once back',
    async () => {
      const [anna, bo, cecilia] = [await phone(), await phone(), await phone()];
      const before = await anna.answer(choice.id, { kind: 'choice', optionIds: ['a'] }, 'before-cut');
      expect(before).toMatchObject({ type: 'ack', clientId: 'before-cut' });

      await proxy.cut();

      const gap: [clientId: string, reply: Promise<ServerMessage>][] = [
        ['bo-answer', bo.answer(choice.id, { kind: 'choice', optionIds: ['b'] }, 'bo-answer')],
        ['cecilia-answer', cecilia.answer(choice.id, { kind: 'choice', optionIds: ['a'] }, 'cecilia-answer')],
        ['anna-question', anna.ask(qa.id, 'Hur länge är databasen borta?', undefined, 'anna-question')],
      ];
      for (const [clientId, reply] of gap) {
        expect(await reply).toMatchObject({ type: 'error', code: 'unavailable', clientId });
      }
      const clientIds = gap.map(([clientId]) => clientId);
      expect(await stored('answer_receipts', clientIds)).toBe(0);
      expect(await stored('responses', clientIds)).toBe(0);
      expect(await stored('qa_questions', clientIds)).toBe(0);

      expect(await databaseProblem(server.ettor.store)).toMatch(/^PostgreSQL does not answer: /);
      const http = await presenter.get('/api/presentations');
      expect(http.status).toBe(503);
      expect(http.body).toMatchObject({ error: { code: 'unavailable' } });
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({
        status: 'degraded',
        problems: [{ part: 'database', message: expect.stringMatching(/^PostgreSQL does not answer: /) }],
      });
      // A phone joining meanwhile is told so and closed with 1013 at once, to try again after its back-off.
      const late = await LiveClient.connect(server.wsUrl);
      sockets.push(late);
      late.send({ type: 'join', v: PROTOCOL_VERSION, code: session.code });
      expect(await late.next('error')).toMatchObject({ type: 'error', code: 'unavailable' });
      expect(await late.closed()).toBe(1013);

      await proxy.restore();
      await eventually(async () => (await databaseProblem(server.ettor.store)) === undefined);

      // Each phone sends again what it was told to, under the same client id, twice over as a phone may: stored once.
      for (let resend = 0; resend < 2; resend += 1) {
        expect(await bo.answer(choice.id, { kind: 'choice', optionIds: ['b'] }, 'bo-answer')).toMatchObject({
          type: 'ack',
          clientId: 'bo-answer',
        });
        expect(await cecilia.answer(choice.id, { kind: 'choice', optionIds: ['a'] }, 'cecilia-answer')).toMatchObject({
          type: 'ack',
          clientId: 'cecilia-answer',
        });
        expect(await anna.ask(qa.id, 'Hur länge är databasen borta?', undefined, 'anna-question')).toMatchObject({
          type: 'asked',
          clientId: 'anna-question',
        });
      }
      expect(await stored('answer_receipts', clientIds)).toBe(2);
      expect(await stored('responses', clientIds)).toBe(2);
      expect(await stored('qa_questions', clientIds)).toBe(1);

      // The node lives on: a phone joins afresh and the presenter's pages answer again.
      const david = await phone();
      expect(await david.answer(choice.id, { kind: 'choice', optionIds: ['b'] })).toMatchObject({ type: 'ack' });
      expect((await presenter.get('/api/presentations')).status).toBe(200);
    },
    30_000,
  );

  it.skipIf(postgres.skipReason)('fails a transaction cut between its queries as unavailable, and the next one connects anew', async () => {
    const store = openStore({ databaseUrl: viaProxy, dataDir: os.tmpdir() });
    try {
      const failure = await store.db
        .transaction()
        .execute(async (trx) => {
          await sql`select 1`.execute(trx);
          await proxy.cut();
          // The connection is lost while it is checked out and idle: its error has no query to go to.
          await new Promise((resolve) => setTimeout(resolve, 100));
          await sql`select 1`.execute(trx);
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(isUnavailable(failure)).toBe(true);
      await proxy.restore();
      await expect(sql<{ one: number }>`select 1 as one`.execute(store.db)).resolves.toMatchObject({ rows: [{ one: 1 }] });
    } finally {
      await store.close();
    }
  });
});
