import type { ChoiceSlide, Presentation, ServerMessage, SessionInfo, Slide } from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { REDIS_TEST_URL, dialects, redisProblem, testRedisPrefix } from '../test/services.js';
import { type TcpProxy, startTcpProxy } from '../test/tcp-proxy.js';
import { startTestServer } from '../test/test-server.js';

const postgres = dialects.find((dialect) => dialect.name === 'postgres')!;
const skipReason = postgres.skipReason ?? redisProblem;

const choiceResults = (slideId: string, respondents: number) => (m: ServerMessage) =>
  m.type === 'results' && m.results.slideId === slideId && m.results.respondents === respondents;

/** Two nodes in this process on one PostgreSQL database and Redis prefix of their own, as two processes behind a load balancer would be. */
async function twoNodes(redisUrl: string) {
  const database = await postgres.create();
  const keys = testRedisPrefix();
  const shared = { databaseUrl: database.databaseUrl, redisUrl, redisPrefix: keys.prefix };
  const a = await startTestServer(postgres, shared);
  const b = await startTestServer(postgres, shared);
  const presenter = await signedUpClient(a.url);
  const [summary] = (await presenter.get('/api/presentations')).body;
  const deck: Presentation = (await presenter.get(`/api/presentations/${summary.id}`)).body;
  const question = deck.slides.find((slide) => slide.kind === 'choice') as ChoiceSlide;
  const session: SessionInfo = (await presenter.post(`/api/presentations/${deck.id}/sessions`)).body;
  const sockets: LiveClient[] = [];
  return {
    a,
    b,
    presenter,
    session,
    question,
    next: deck.slides[deck.slides.indexOf(question) + 1] as Slide,
    track(client: LiveClient) {
      sockets.push(client);
      return client;
    },
    async close() {
      for (const socket of sockets) socket.close();
      await a.stop();
      await b.stop();
      await keys.clean();
      await database.drop();
    },
  };
}

/** Two nodes in this process on one PostgreSQL database, joined by Redis, as two processes behind a load balancer would be. */
describe.skipIf(skipReason)('two nodes on PostgreSQL and Redis', () => {
  let nodes: Awaited<ReturnType<typeof twoNodes>>;
  beforeAll(async () => {
    nodes = await twoNodes(REDIS_TEST_URL);
  });
  afterAll(async () => {
    await nodes?.close();
  });

  it('counts every phone and every answer of both nodes on both presenters, and moves every phone from one node', async () => {
    const { a, b, presenter, session, question, next, track } = nodes;
    // The presenter's cookie was made on A; B reads it from the same database.
    const screenA = track(await LiveClient.host(a.wsUrl, session.id, presenter.cookieHeader));
    const screenB = track(await LiveClient.host(b.wsUrl, session.id, presenter.cookieHeader));
    screenA.send({ type: 'goto', slideId: question.id });
    const phones = await Promise.all(
      Array.from({ length: 40 }, async (_, index) => track(await LiveClient.join((index % 2 === 0 ? a : b).wsUrl, session.code))),
    );
    await screenA.waitFor((m) => m.type === 'presence' && m.participants === 40);
    await screenB.waitFor((m) => m.type === 'presence' && m.participants === 40);
    await Promise.all(
      phones.map((phone) => phone.waitFor((m) => (m.type === 'state' || m.type === 'welcome') && m.state.slide?.id === question.id)),
    );

    const expected = question.options.map((option) => ({ optionId: option.id, count: 0 }));
    const acks = await Promise.all(
      phones.map((phone, index) => {
        const choice = expected[index % expected.length]!;
        choice.count += 1;
        return phone.answer(question.id, { kind: 'choice', optionIds: [choice.optionId] });
      }),
    );
    expect(acks.filter((ack) => ack.type !== 'ack')).toEqual([]);
    for (const screen of [screenA, screenB]) {
      const final = await screen.waitFor(choiceResults(question.id, 40));
      expect(final.type === 'results' && final.results.kind === 'choice' && final.results.counts).toEqual(expected);
    }
    const stored = await a.ettor.store.db
      .selectFrom('responses')
      .where('slide_id', '=', question.id)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(40);

    screenA.send({ type: 'goto', slideId: next.id });
    await Promise.all(phones.map((phone) => phone.waitFor((m) => m.type === 'state' && m.state.slide?.id === next.id)));
    // Every state carries the room's count, not the node's.
    const onB = phones[1]!.messages.findLast((m) => m.type === 'state');
    expect(onB?.type === 'state' && onB.state.participants).toBe(40);

    // Phones leaving one node lower the count on the other node's screen, at once rather than when presence expires.
    for (const phone of phones.filter((_, index) => index % 2 === 1).slice(0, 5)) phone.close();
    await screenA.waitFor((m) => m.type === 'presence' && m.participants === 35);
  });

  it('says on /healthz that both nodes are well', async () => {
    const { a, b } = nodes;
    for (const node of [a, b]) {
      const health = await fetch(`${node.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', problems: [] });
    }
  });
});

/** Both nodes reach Redis through one proxy the test cuts: an outage of Redis itself. */
describe.skipIf(skipReason)('two nodes while Redis is away', () => {
  let proxy: TcpProxy;
  let nodes: Awaited<ReturnType<typeof twoNodes>>;
  beforeAll(async () => {
    const redis = new URL(REDIS_TEST_URL);
    proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    nodes = await twoNodes(`redis://127.0.0.1:${proxy.port}`);
  });
  afterAll(async () => {
    await nodes?.close();
    await proxy?.close();
  });

  it('keeps answering, polls the store for screens, says so on /healthz, and agrees with the store once Redis is back', async () => {
    const { a, b, presenter, session, question, next, track } = nodes;
    const screenA = track(await LiveClient.host(a.wsUrl, session.id, presenter.cookieHeader));
    screenA.send({ type: 'goto', slideId: question.id });
    const onA = await Promise.all(Array.from({ length: 5 }, async () => track(await LiveClient.join(a.wsUrl, session.code))));
    const onB = await Promise.all(Array.from({ length: 5 }, async () => track(await LiveClient.join(b.wsUrl, session.code))));
    await screenA.waitFor((m) => m.type === 'presence' && m.participants === 10);
    const [first, second] = question.options;

    await proxy.cut();
    for (const node of [a, b]) {
      await expect
        .poll(async () => await (await fetch(`${node.url}/healthz`)).json(), { timeout: 5000 })
        .toMatchObject({
          status: 'degraded',
          problems: [{ part: 'bus', message: expect.stringMatching(/^Redis at redis:\/\/127\.0\.0\.1:\d+ is not connected/) }],
        });
    }
    // Answers on both nodes are stored and acked without Redis; A's screen sees B's by reading the store.
    const acks = await Promise.all([...onA, ...onB].map((phone) => phone.answer(question.id, { kind: 'choice', optionIds: [first!.id] })));
    expect(acks.filter((ack) => ack.type !== 'ack')).toEqual([]);
    await screenA.waitFor(choiceResults(question.id, 10), 8000);
    // A slide change on A reaches B's phones the same way.
    screenA.send({ type: 'goto', slideId: next.id });
    await Promise.all(onB.map((phone) => phone.waitFor((m) => m.type === 'state' && m.state.slide?.id === next.id, 8000)));
    screenA.send({ type: 'goto', slideId: question.id });
    await Promise.all(
      onB.map((phone) => phone.waitFor((m) => m.type === 'state' && m.state.slide?.id === question.id && m.state.seq > 0, 8000)),
    );

    // Changed answers on B while Redis is still away, then Redis comes back: A agrees with the store within 5 s.
    await Promise.all(onB.map((phone) => phone.answer(question.id, { kind: 'choice', optionIds: [second!.id] })));
    await proxy.restore();
    const final = await screenA.waitFor(
      (m) =>
        m.type === 'results' &&
        m.results.slideId === question.id &&
        m.results.kind === 'choice' &&
        m.results.counts.find((count) => count.optionId === second!.id)?.count === 5,
      5000,
    );
    expect(final.type === 'results' && final.results.kind === 'choice' && final.results.counts.filter((count) => count.count > 0)).toEqual([
      { optionId: first!.id, count: 5 },
      { optionId: second!.id, count: 5 },
    ]);
    for (const node of [a, b]) {
      await expect
        .poll(async () => await (await fetch(`${node.url}/healthz`)).json(), { timeout: 5000 })
        .toEqual({ status: 'ok', problems: [] });
    }
  });
});
