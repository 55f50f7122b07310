import net from 'node:net';
import { type ChoiceSlide, PROTOCOL_VERSION, type ServerMessage } from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

const sqlite = dialects.find((d) => d.name === 'sqlite')!;
/** Loopback has a whole /8: the attacker and the audience get addresses of their own on one machine. */
const ATTACKER = '127.0.0.2';
const SILENT = '127.0.0.3';
const AUDIENCE = '127.0.0.1';
const SLOW_CLIENT_TIMEOUT_MS = 1_500;

/** Sends frames as fast as the socket takes them until it closes or the count is reached. */
function spray(client: LiveClient, frames: number, frame: () => string): void {
  for (let i = 0; i < frames && client.ws.readyState === WebSocket.OPEN; i += 1) client.ws.send(frame());
}

describe('a flood from one address costs the room nothing', () => {
  let server: TestServer;
  let code: string;
  let sessionId: string;
  let cookie: string;
  let role: ChoiceSlide;

  beforeAll(async () => {
    server = await startTestServer(sqlite, {}, { slowClientTimeoutMs: SLOW_CLIENT_TIMEOUT_MS });
    const presenter = await signedUpClient(server.url);
    const [summary] = (await presenter.get('/api/presentations')).body;
    const deck = (await presenter.get(`/api/presentations/${summary.id}`)).body;
    role = deck.slides.find((s: { kind: string }) => s.kind === 'choice');
    const session = (await presenter.post(`/api/presentations/${deck.id}/sessions`)).body;
    ({ code } = session);
    sessionId = session.id;
    cookie = presenter.cookieHeader;
  });
  afterAll(async () => server?.stop());

  it('drops excess frames unread, tells each flooder once a second at most, closes it, cuts off its address, and the room votes meanwhile', async () => {
    const screen = await LiveClient.host(server.wsUrl, sessionId, cookie);
    screen.send({ type: 'goto', slideId: role.id });
    await screen.waitFor((m) => m.type === 'state' && m.state.slide?.id === role.id);

    // Half the attack joins first, then floods with well-formed pings; the other half never joins and sends junk.
    const joined = await Promise.all(
      Array.from({ length: 40 }, async () => {
        const client = await LiveClient.connect(server.wsUrl, {}, ATTACKER);
        client.send({ type: 'join', v: PROTOCOL_VERSION, code });
        await client.next('welcome');
        return client;
      }),
    );
    const unjoined = await Promise.all(Array.from({ length: 40 }, () => LiveClient.connect(server.wsUrl, {}, ATTACKER)));
    const slow = await Promise.all(Array.from({ length: 20 }, () => holdHalfOpenRequest(server.url)));
    const startedAt = Date.now();
    for (const client of joined) spray(client, 400, () => JSON.stringify({ type: 'ping', t: 1 }));
    for (const client of unjoined) spray(client, 400, () => '{"junk":');

    // Meanwhile the room joins and votes, and the big screen follows.
    const phones = await Promise.all(Array.from({ length: 10 }, () => LiveClient.connect(server.wsUrl, {}, AUDIENCE)));
    const acks = await Promise.all(
      phones.map(async (phone, index) => {
        phone.send({ type: 'join', v: PROTOCOL_VERSION, code });
        await phone.next('welcome');
        return phone.answer(role.id, { kind: 'choice', optionIds: [role.options[index % role.options.length]!.id] });
      }),
    );
    expect(acks.every((ack) => ack.type === 'ack')).toBe(true);
    await screen.waitFor((m) => m.type === 'results' && m.results.slideId === role.id && m.results.respondents === 10);

    const codes = await Promise.all([...joined, ...unjoined].map((client) => client.closed()));
    const floodSeconds = (Date.now() - startedAt) / 1000;
    expect(new Set(codes)).toEqual(new Set([1008]));
    for (const client of joined) {
      const notices = client.messages.filter((m) => m.type === 'error' && m.code === 'rate_limited').length;
      expect(notices).toBeGreaterThanOrEqual(1);
      expect(notices).toBeLessThanOrEqual(Math.ceil(floodSeconds) + 1);
      // Frames past the burst were never read: no pong answers them.
      expect(client.messages.filter((m) => m.type === 'pong').length).toBeLessThanOrEqual(30);
    }
    // A socket that never joined gets a reply to at most its first few frames before it is closed.
    for (const client of unjoined) expect(client.messages.length).toBeLessThanOrEqual(4);
    // The address that flooded is now cut off before HTTP, while the room's is not.
    await expect(LiveClient.connect(server.wsUrl, {}, ATTACKER)).rejects.toThrow();
    const pong = phones[0]!.next('pong');
    phones[0]!.send({ type: 'ping' });
    expect(await pong).toEqual({ type: 'pong' } satisfies ServerMessage);

    // What was acked is stored, once each; the flood stored nothing.
    const stored = await server.ettor.store.db
      .selectFrom('responses')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('slide_id', '=', role.id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(10);
    // Requests that never finish their headers are cut off, not held.
    await Promise.all(
      slow.map((socket) => new Promise((resolve) => (socket.destroyed ? resolve(undefined) : socket.once('close', resolve)))),
    );
    for (const phone of [screen, ...phones]) phone.close();
  });

  it('caps sockets that have not joined per address and closes them when they stay silent', async () => {
    const silent = await Promise.all(Array.from({ length: 100 }, () => LiveClient.connect(server.wsUrl, {}, SILENT)));
    expect(await refusedStatus(server.wsUrl, SILENT)).toBe(429);
    // Clients that reset their connection while being refused cost nothing either (this once crashed the server).
    await Promise.all(Array.from({ length: 20 }, () => upgradeAndReset(server.url)));
    // Another address is not affected, and a socket that joins leaves the not-yet-joined count.
    const phone = await LiveClient.connect(server.wsUrl, {}, AUDIENCE);
    phone.send({ type: 'join', v: PROTOCOL_VERSION, code });
    await phone.next('welcome');

    expect(new Set(await Promise.all(silent.map((client) => client.closed(SLOW_CLIENT_TIMEOUT_MS * 4))))).toEqual(new Set([4003]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const later = await LiveClient.connect(server.wsUrl, {}, SILENT);
    const pong = later.next('pong');
    later.send({ type: 'ping' });
    expect(await pong).toEqual({ type: 'pong' } satisfies ServerMessage);
    for (const client of [phone, later]) client.close();
  });
});

function refusedStatus(url: string, from: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { localAddress: from });
    ws.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    ws.once('open', () => reject(new Error('the socket was accepted')));
  });
}

/** A request whose headers never finish, as a slow or half-open client leaves it. */
function holdHalfOpenRequest(url: string): Promise<net.Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port), localAddress: SILENT }, () => {
      socket.write('GET /healthz HTTP/1.1\r\nHost: ettor\r\nX-Slow: ');
      // Read whatever comes (the server's 408), so its close is seen.
      socket.resume();
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** An upgrade request whose sender resets the connection as soon as the server answers. */
function upgradeAndReset(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port), localAddress: SILENT }, () => {
      socket.write(
        'GET /live HTTP/1.1\r\nHost: ettor\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
          'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      );
    });
    socket.once('data', () => {
      socket.resetAndDestroy();
      resolve();
    });
    socket.once('error', reject);
  });
}
