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
import { HostScreen, Phone, UpgradeRefused, inBatches, ownAddress } from './support/live.js';
import { type RunningNginx, nginxSkipReason, startNginx } from './support/nginx.js';
import { signUpPresenter } from './support/server.js';

const PHONES = 20;
/** Sockets one client address may hold on a node: far fewer than the phones, which all reach a node from nginx's address. */
const PER_ADDRESS = 3;

/** Moves the session to a slide: a screen reconnecting later is sent that slide's results first. */
async function showOnScreen(screen: HostScreen, slideId: string): Promise<void> {
  screen.send({ type: 'goto', slideId });
  await screen.until(() => screen.state?.slide?.id === slideId, `the screen on ${slideId}`);
}

/** Two nodes behind nginx started from deploy/nginx/ettor.conf, as docs/deploy.md sets them up. */
describe.skipIf(clusterSkipReason ?? nginxSkipReason)('two nodes behind nginx', () => {
  let cluster: Cluster;
  let nginx: RunningNginx;
  let cookie: string;
  let api: Awaited<ReturnType<typeof signUpPresenter>>['api'];
  const clients: { close(): void }[] = [];

  beforeAll(async () => {
    cluster = await startCluster({ nodes: 2, env: { ETTOR_TRUST_PROXY: '1', ETTOR_MAX_SOCKETS_PER_IP: String(PER_ADDRESS) } });
    nginx = await startNginx(cluster.nodes.map((node) => `127.0.0.1:${node.port}`));
    // A browser's page sends its Origin; Ettor accepts it only if nginx passed Host through with its port.
    ({ cookie, api } = await signUpPresenter(nginx.url, nginx.url));
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await nginx?.stop();
    await cluster?.dispose();
  });

  it('runs a session through nginx, believes only the address nginx saw, and fails phones over when a node dies', async () => {
    const [, b] = cluster.nodes;
    const { session, questions } = await votingSession(api, 2);
    const [first, second] = questions as [string, string];
    const presenter = await HostScreen.open(nginx.url, cookie, session.id, { headers: { origin: nginx.url } });
    clients.push(presenter);

    // Ettor's cookie is Secure when the request came over https: nginx says what it saw, whatever the client claims.
    const login = await fetch(`${nginx.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: nginx.url, 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ email: 'talare@example.se', password: 'ett lösenord som håller' }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.getSetCookie().join('\n')).not.toMatch(/;\s*secure/iu);

    // Every phone reaches the nodes from nginx's address; only X-Forwarded-For keeps them under the per-address limit.
    const phones = Array.from({ length: PHONES }, () => new Phone(session.code, { from: ownAddress() }));
    clients.push(...phones);
    await inBatches(phones, PHONES, (phone) => phone.join(nginx.url));

    // The limit is on: sockets from one address are refused beyond it on each node, an address they claim themselves
    // in X-Forwarded-For notwithstanding (nginx appends the one it saw, and Ettor believes only that last one).
    const crowd = ownAddress();
    const crowded = Array.from(
      { length: 4 * PER_ADDRESS },
      (_, index) => new Phone(session.code, { from: crowd, headers: { 'x-forwarded-for': `203.0.113.${index + 1}` } }),
    );
    const attempts = await Promise.allSettled(crowded.map((phone) => phone.join(nginx.url)));
    for (const phone of crowded) phone.close();
    const refused = attempts.flatMap((attempt) => (attempt.status === 'rejected' ? [attempt.reason as unknown] : []));
    expect(refused.length).toBeGreaterThanOrEqual(crowded.length - 2 * PER_ADDRESS);
    for (const reason of refused) expect(reason instanceof UpgradeRefused ? reason.status : reason).toBe(429);

    phones.forEach((phone, index) => phone.answer(first, vote(index), `first-${index}-answer`));
    const replies = await Promise.all(phones.map((phone, index) => phone.reply(`first-${index}-answer`)));
    expect(replies.filter((reply) => reply.type !== 'ack')).toEqual([]);
    const stored = await storedChoices(cluster, session.id, first);
    expect(stored).toHaveLength(PHONES);
    // The presenter's screen on one node counts the answers that arrived on both.
    const firstTruth = tally(stored.map((s) => s.optionIds));
    await vi.waitFor(() => expect(choiceCounts(presenter.results.get(first))).toEqual(firstTruth), { timeout: 5_000 });

    // The second question, shown on the big screen: a node dies under its burst of answers, and its phones come back
    // through nginx to the other.
    await showOnScreen(presenter, second);
    phones.forEach((phone, index) => phone.answer(second, vote(index + 1), `second-${index}-answer`));
    await b!.kill();
    // A ping tells the phones whose socket still works (a pong) from those nginx closed with the node.
    for (const phone of phones) phone.socket?.send({ type: 'ping', t: 0 });
    await Promise.all(
      phones.map((phone) =>
        phone.until(
          () => phone.socket?.closeCode !== undefined || phone.socket?.messages.some((m) => m.type === 'pong') === true,
          'pong or close',
        ),
      ),
    );
    const orphans = phones.filter((phone) => phone.socket?.closeCode !== undefined);
    // Without sticky sessions nginx gave both nodes phones.
    expect(orphans.length).toBeGreaterThan(0);
    expect(orphans.length).toBeLessThan(PHONES);
    if (presenter.socket?.closeCode !== undefined) await presenter.reconnect(nginx.url);
    for (const phone of orphans) {
      const token = phone.token;
      await phone.join(nginx.url);
      expect(phone.token).toBe(token);
      phone.resendUnacked();
    }
    const secondReplies = await Promise.all(phones.map((phone, index) => phone.reply(`second-${index}-answer`)));
    expect(secondReplies.filter((reply) => reply.type !== 'ack')).toEqual([]);

    const storedSecond = await storedChoices(cluster, session.id, second);
    expect(storedSecond.map((s) => s.clientId).sort()).toEqual(phones.map((_, index) => `second-${index}-answer`).sort());
    const secondTruth = tally(storedSecond.map((s) => s.optionIds));
    await vi.waitFor(() => expect(choiceCounts(presenter.results.get(second))).toEqual(secondTruth), { timeout: 5_000 });

    // Each reconnection that nginx first tried on the dead node went on to the live one (proxy_next_upstream).
    for (const client of clients) client.close();
    await vi.waitFor(
      () =>
        expect(nginx.accessLog()).toMatch(new RegExp(`"GET /live HTTP/1\\.1" 101 127\\.0\\.0\\.1:${b!.port}, 127\\.0\\.0\\.1:\\d+`, 'u')),
      {
        timeout: 5_000,
      },
    );
  });

  it('restarts the nodes one at a time behind nginx: every phone stays in the session and every answer is stored once', async () => {
    for (const node of cluster.nodes) if (!node.running) await node.start();
    const { session, questions } = await votingSession(api, 2);
    const [first, second] = questions as [string, string];
    const presenter = await HostScreen.open(nginx.url, cookie, session.id, { headers: { origin: nginx.url } });
    const phones = Array.from({ length: PHONES }, () => new Phone(session.code, { from: ownAddress() }));
    clients.push(presenter, ...phones);
    await inBatches(phones, PHONES, (phone) => phone.join(nginx.url));
    phones.forEach((phone, index) => phone.answer(first, vote(index), `rolling-first-${index}`));
    expect((await Promise.all(phones.map((phone, index) => phone.reply(`rolling-first-${index}`)))).every((r) => r.type === 'ack')).toBe(
      true,
    );

    for (const [step, node] of cluster.nodes.entries()) {
      // The second question is answered as the last node drains.
      if (step === cluster.nodes.length - 1) {
        await showOnScreen(presenter, second);
        phones.forEach((phone, index) => phone.answer(second, vote(index), `rolling-second-${index}`));
      }
      expect(await node.stop()).toEqual({ code: 0, signal: null });
      const moved = phones.filter((phone) => phone.socket?.closeCode !== undefined);
      expect(moved.length).toBeGreaterThan(0);
      expect(new Set(moved.map((phone) => phone.socket?.closeCode))).toEqual(new Set([1012]));
      if (presenter.socket?.closeCode !== undefined) await presenter.reconnect(nginx.url);
      for (const phone of moved) {
        const token = phone.token;
        await phone.join(nginx.url);
        expect(phone.token).toBe(token);
        phone.resendUnacked();
      }
      await node.start();
    }

    expect(
      (await Promise.all(phones.map((phone, index) => phone.reply(`rolling-second-${index}`)))).filter((r) => r.type !== 'ack'),
    ).toEqual([]);
    for (const question of questions) expect(await storedChoices(cluster, session.id, question)).toHaveLength(PHONES);
    const storedSecond = await storedChoices(cluster, session.id, second);
    const secondTruth = tally(storedSecond.map((s) => s.optionIds));
    await vi.waitFor(() => expect(choiceCounts(presenter.results.get(second))).toEqual(secondTruth), { timeout: 5_000 });
  });
});
