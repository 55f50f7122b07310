import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type Cluster,
  choiceCounts,
  clusterSkipReason,
  startCluster,
  storedChoices,
  tally,
  vote,
  votingSession,
} from './support/cluster.js';
import { HostScreen, Phone, inBatches, ownAddress } from './support/live.js';
import { signUpPresenter } from './support/server.js';

const PHONES = 200;

/** Two nodes on one PostgreSQL and one Redis, phones split between them as a load balancer without stickiness would. */
describe.skipIf(clusterSkipReason)('two nodes, one room', () => {
  let cluster: Cluster;
  const clients: { close(): void }[] = [];

  beforeAll(async () => {
    cluster = await startCluster({ nodes: 2 });
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await cluster?.dispose();
  });

  it('counts answers from both nodes on both screens exactly, sums participants, and moves every phone', async () => {
    const a = cluster.nodes[0]!;
    const b = cluster.nodes[1]!;
    const { cookie, api } = await signUpPresenter(a.url);
    const { session, questions, thanks } = await votingSession(api);
    const question = questions[0]!;
    const onA = await HostScreen.open(a.url, cookie, session.id);
    const onB = await HostScreen.open(b.url, cookie, session.id);
    clients.push(onA, onB);

    const phones = Array.from({ length: PHONES }, () => new Phone(session.code, { from: ownAddress() }));
    clients.push(...phones);
    const nodeOf = (index: number) => (index < PHONES / 2 ? a : b);
    await inBatches(phones, 50, (phone, index) => phone.join(nodeOf(index).url));

    // Each node counts its own sockets; both screens show the room's sum.
    await vi.waitFor(
      () => {
        expect(onA.participants).toBe(PHONES);
        expect(onB.participants).toBe(PHONES);
      },
      { timeout: 5_000 },
    );

    phones.forEach((phone, index) => phone.answer(question, vote(index), `vote-${index}-once`));
    const replies = await Promise.all(phones.map((phone, index) => phone.reply(`vote-${index}-once`)));
    expect(replies.filter((reply) => reply.type !== 'ack')).toEqual([]);
    const acked = tally(replies.map((reply) => (reply.type === 'ack' && reply.answer.kind === 'choice' ? reply.answer.optionIds : [])));
    const stored = await storedChoices(cluster, session.id, question);
    expect(stored).toHaveLength(PHONES);
    expect(tally(stored.map((s) => s.optionIds))).toEqual(acked);
    await vi.waitFor(
      () => {
        expect(choiceCounts(onA.results.get(question))).toEqual(acked);
        expect(choiceCounts(onB.results.get(question))).toEqual(acked);
        expect(onA.results.get(question)?.respondents).toBe(PHONES);
        expect(onB.results.get(question)?.respondents).toBe(PHONES);
      },
      { timeout: 5_000 },
    );

    // A slide change on node A reaches the phones on node B too, with the room's participant count.
    onA.send({ type: 'goto', slideId: thanks });
    await Promise.all(phones.map((phone) => phone.until(() => phone.lastState()?.slide?.id === thanks, 'the slide change')));
    expect(new Set(phones.map((phone) => phone.lastState()?.participants))).toEqual(new Set([PHONES]));
  });
});
