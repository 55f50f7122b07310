import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type Cluster,
  type ClusterNode,
  choiceCounts,
  clusterSkipReason,
  startCluster,
  storedChoices,
  tally,
  vote,
  votingSession,
} from './support/cluster.js';
import { HostScreen, Phone, type Reply, inBatches, ownAddress } from './support/live.js';
import { signUpPresenter } from './support/server.js';

/**
 * Two nodes whose PostgreSQL and Redis connections run through relays the tests cut, each test a session of its own:
 * a node killed or drained in a burst of answers, Redis cut, PostgreSQL cut. docs/reliability.md and issue 13 give
 * the promises.
 */
describe.skipIf(clusterSkipReason)('faults in a cluster of two nodes', () => {
  let cluster: Cluster;
  let a: ClusterNode;
  let b: ClusterNode;
  let cookie: string;
  let api: Awaited<ReturnType<typeof signUpPresenter>>['api'];
  let clients: { close(): void }[] = [];
  let answersSent = 0;

  beforeAll(async () => {
    cluster = await startCluster({ nodes: 2, relays: true });
    [a, b] = cluster.nodes as [ClusterNode, ClusterNode];
    ({ cookie, api } = await signUpPresenter(a.url));
  });

  afterEach(async () => {
    for (const client of clients) client.close();
    clients = [];
    cluster.databaseLine!.online();
    cluster.redisLine!.online();
    for (const node of cluster.nodes) if (!node.running) await node.start();
  });

  afterAll(async () => {
    await cluster?.dispose();
  });

  /** A session with the presenter's screen on node A and `perNode` phones joined on each node. */
  async function room(perNode: number) {
    const { session, questions, thanks } = await votingSession(api);
    const presenter = await HostScreen.open(a.url, cookie, session.id);
    const onA = Array.from({ length: perNode }, () => new Phone(session.code, { from: ownAddress() }));
    const onB = Array.from({ length: perNode }, () => new Phone(session.code, { from: ownAddress() }));
    clients.push(presenter, ...onA, ...onB);
    await inBatches(onA, 50, (phone) => phone.join(a.url));
    await inBatches(onB, 50, (phone) => phone.join(b.url));
    return { session, question: questions[0]!, thanks, presenter, onA, onB };
  }

  /** Each phone's one answer, under a client id of its own. */
  function answer(phones: readonly Phone[], question: string): void {
    for (const phone of phones) {
      answersSent += 1;
      phone.answer(question, vote(answersSent), `answer-${String(answersSent).padStart(6, '0')}`);
    }
  }

  /** The reply to every answer the phones sent. */
  function replies(phones: readonly Phone[], timeoutMs?: number): Promise<Reply[]> {
    return Promise.all(phones.flatMap((phone) => [...phone.answers.keys()].map((clientId) => phone.reply(clientId, timeoutMs))));
  }

  const ackedBy = (phones: readonly Phone[]) => phones.flatMap((phone) => [...phone.answers.keys()].filter((id) => phone.acked(id)));

  /** Rejoins with each phone's token on another node and resends what it has no ack for, as the page does. */
  async function carryOn(phones: readonly Phone[], node: ClusterNode): Promise<void> {
    for (const phone of phones) {
      const token = phone.token;
      await phone.join(node.url);
      // The same participant, not a new one who could vote again.
      expect(phone.token).toBe(token);
      phone.resendUnacked();
    }
  }

  /** Exactly the phones' answers are stored, one each, by as many participants as there are phones. */
  async function expectStoredOnce(sessionId: string, question: string, phones: readonly Phone[]) {
    const stored = await storedChoices(cluster, sessionId, question);
    expect(stored.map((s) => s.clientId).sort()).toEqual(phones.flatMap((phone) => [...phone.answers.keys()]).sort());
    const [participants] = await cluster.query<{ n: number }>('SELECT count(*)::int AS n FROM participants WHERE session_id = $1', [
      sessionId,
    ]);
    expect(participants?.n).toBe(phones.length);
    return stored;
  }

  /** Every screen counts what the store holds, within `timeoutMs`. */
  async function expectScreensShowStore(screens: readonly HostScreen[], sessionId: string, question: string, timeoutMs = 5_000) {
    await vi.waitFor(
      async () => {
        const stored = await storedChoices(cluster, sessionId, question);
        const truth = tally(stored.map((s) => s.optionIds));
        for (const screen of screens) {
          expect(choiceCounts(screen.results.get(question))).toEqual(truth);
          expect(screen.results.get(question)?.respondents).toBe(stored.length);
        }
      },
      { timeout: timeoutMs, interval: 200 },
    );
  }

  async function expectHealth(status: 'ok' | 'degraded', part?: 'database' | 'bus', timeoutMs = 5_000) {
    await vi.waitFor(
      async () => {
        for (const node of cluster.nodes) {
          expect(await node.health()).toEqual({
            httpStatus: 200,
            body: { status, problems: part ? [{ part, message: expect.any(String) as string }] : [] },
          });
        }
      },
      { timeout: timeoutMs, interval: 200 },
    );
  }

  it('SIGKILL of a node in a burst: its phones rejoin the other, resend what was unacked, and each answer is stored once', async () => {
    const { session, question, presenter, onA, onB } = await room(60);
    answer(onA, question);
    // Half of B's phones answer; once B has acked some, the other half answer and B dies as their answers arrive.
    answer(onB.slice(0, onB.length / 2), question);
    await vi.waitFor(() => expect(ackedBy(onB).length).toBeGreaterThan(0), { timeout: 5_000, interval: 2 });
    answer(onB.slice(onB.length / 2), question);
    await b.kill();
    await Promise.all(onB.map((phone) => phone.closed()));

    // An ack means stored, even from a node that died a moment later.
    const ackedOnB = ackedBy(onB);
    const storedAtDeath = (await storedChoices(cluster, session.id, question)).map((s) => s.clientId);
    expect(storedAtDeath).toEqual(expect.arrayContaining(ackedOnB));

    await carryOn(onB, a);
    expect((await replies([...onA, ...onB])).filter((reply) => reply.type !== 'ack')).toEqual([]);
    await expectStoredOnce(session.id, question, [...onA, ...onB]);
    await expectScreensShowStore([presenter], session.id, question);
  });

  it('Redis cut: answers are still acked, screens poll the store, /healthz says degraded (bus); tallies are whole again within 5 s of its return', async () => {
    const { session, question, thanks, presenter, onA, onB } = await room(20);
    const screenOnB = await HostScreen.open(b.url, cookie, session.id);
    clients.push(screenOnB);
    const [earlyA, lateA] = [onA.slice(0, 10), onA.slice(10)];
    const [earlyB, lateB] = [onB.slice(0, 10), onB.slice(10)];

    cluster.redisLine!.offline('reset');
    await expectHealth('degraded', 'bus');
    answer([...earlyA, ...earlyB], question);
    expect((await replies([...earlyA, ...earlyB])).filter((reply) => reply.type !== 'ack')).toEqual([]);
    // Each screen learns of the other node's answers from the store alone.
    await expectScreensShowStore([presenter, screenOnB], session.id, question);
    expect(presenter.results.get(question)?.respondents).toBe(20);
    // A slide change on A reaches the phones on B the same way, and so does the way back.
    for (const slideId of [thanks, question]) {
      presenter.send({ type: 'goto', slideId });
      await Promise.all(onB.map((phone) => phone.until(() => phone.lastState()?.slide?.id === slideId, `${slideId} on B`, 5_000)));
    }

    cluster.redisLine!.online();
    const back = Date.now();
    answer([...lateA, ...lateB], question);
    expect((await replies([...lateA, ...lateB])).filter((reply) => reply.type !== 'ack')).toEqual([]);
    await expectScreensShowStore([presenter, screenOnB], session.id, question, Math.max(1, 5_000 - (Date.now() - back)));
    expect(presenter.results.get(question)?.respondents).toBe(40);
    await expectHealth('ok');
  });

  it('PostgreSQL cut: no node exits, answers get unavailable with their client id, /healthz says degraded (database); resent afterwards they are stored once', async () => {
    const { session, question, presenter, onA, onB } = await room(10);
    const phones = [...onA, ...onB];

    cluster.databaseLine!.offline('reset');
    answer(phones, question);
    const refusals = await replies(phones, 20_000);
    const sent = phones.flatMap((phone) => [...phone.answers.keys()]);
    expect(refusals).toEqual(sent.map((clientId) => expect.objectContaining({ type: 'error', code: 'unavailable', clientId }) as unknown));
    await expectHealth('degraded', 'database', 10_000);
    expect(cluster.nodes.map((node) => node.running)).toEqual([true, true]);

    cluster.databaseLine!.online();
    // As a phone does after `unavailable`: the same answer under the same client id, until it is acked.
    await vi.waitFor(
      async () => {
        await Promise.all(phones.map((phone) => Promise.all(phone.resendUnacked().map((clientId) => phone.reply(clientId)))));
        expect(phones.flatMap((phone) => phone.unacked())).toEqual([]);
      },
      { timeout: 15_000, interval: 500 },
    );
    await expectStoredOnce(session.id, question, phones);
    const [receipts] = await cluster.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM answer_receipts r JOIN participants p ON p.id = r.participant_id WHERE p.session_id = $1',
      [session.id],
    );
    expect(receipts?.n).toBe(phones.length);
    await expectScreensShowStore([presenter], session.id, question);
    await expectHealth('ok', undefined, 10_000);
  });

  it('SIGTERM drains a node: it exits 0, what it acked is stored, its sockets close with 1012, its phones carry on on the other', async () => {
    const { session, question, presenter, onA, onB } = await room(60);
    answer(onA, question);
    answer(onB.slice(0, onB.length / 2), question);
    await vi.waitFor(() => expect(ackedBy(onB).length).toBeGreaterThan(0), { timeout: 5_000, interval: 2 });
    // The other half answer as B is told to stop: some of them reach it while it drains, some only the other node.
    const stopping = b.stop();
    for (const phone of onB.slice(onB.length / 2)) {
      answer([phone], question);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(await stopping).toEqual({ code: 0, signal: null });
    expect(new Set(await Promise.all(onB.map((phone) => phone.closed())))).toEqual(new Set([1012]));
    expect(presenter.socket?.closeCode).toBeUndefined();

    const stored = (await storedChoices(cluster, session.id, question)).map((s) => s.clientId);
    expect(stored).toEqual(expect.arrayContaining(ackedBy(onB)));

    await carryOn(onB, a);
    expect((await replies([...onA, ...onB])).filter((reply) => reply.type !== 'ack')).toEqual([]);
    await expectStoredOnce(session.id, question, [...onA, ...onB]);
    await expectScreensShowStore([presenter], session.id, question);
  });
});
