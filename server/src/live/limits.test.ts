import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';
import { PROTOCOL_VERSION } from '@ettor/protocol';

const sqlite = dialects.find((d) => d.name === 'sqlite')!;

describe('live channel limits', () => {
  let server: TestServer;
  let code: string;
  beforeAll(async () => {
    server = await startTestServer(sqlite, { maxSocketsPerAddress: 3 });
    const presenter = await signedUpClient(server.url);
    const [deck] = (await presenter.get('/api/presentations')).body;
    code = (await presenter.post(`/api/presentations/${deck.id}/sessions`)).body.code;
  });
  afterAll(async () => server?.stop());

  const refusedStatus = () =>
    new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(server.wsUrl);
      ws.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      ws.once('open', () => reject(new Error('the socket was accepted')));
    });

  it('refuses sockets over the per-address limit with 429 while the others keep working', async () => {
    const phones = await Promise.all([
      LiveClient.join(server.wsUrl, code),
      LiveClient.join(server.wsUrl, code),
      LiveClient.join(server.wsUrl, code),
    ]);
    expect(await refusedStatus()).toBe(429);

    const pong = phones[0].next('pong');
    phones[0].send({ type: 'ping' });
    expect(await pong).toEqual({ type: 'pong' });

    phones[1].close();
    await phones[1].closed();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const replacement = await LiveClient.join(server.wsUrl, code);
    expect(replacement.messages[0]?.type).toBe('welcome');
    for (const phone of [...phones, replacement]) phone.close();
    await Promise.all([phones[0], phones[2], replacement].map((phone) => phone.closed()));
    // The server counts a socket as gone when its TCP connection closes, just after the client sees the close.
    await new Promise((resolve) => setTimeout(resolve, 100));
  });

  it('answers a flood from one socket with rate_limited and keeps serving it afterwards', async () => {
    const phone = await LiveClient.join(server.wsUrl, code);
    for (let i = 0; i < 60; i += 1) phone.send({ type: 'ping', t: i });
    const limited = await phone.waitFor((m) => m.type === 'error' && m.code === 'rate_limited');
    expect(limited).toMatchObject({ type: 'error', code: 'rate_limited' });
    const pongs = () => phone.messages.filter((m) => m.type === 'pong').length;
    // A dropped frame is refused at once, while the frames admitted before it are still being answered: the notice
    // may overtake their pongs. The join took one token of the 30-message burst.
    await expect.poll(pongs).toBeGreaterThanOrEqual(25);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(pongs()).toBeLessThan(60);
    const pong = phone.nextMatching((m) => m.type === 'pong' && m.t === 999);
    phone.send({ type: 'ping', t: 999 });
    expect(await pong).toEqual({ type: 'pong', t: 999 });
    phone.close();
  });
});

describe('per-participant socket limit', () => {
  let server: TestServer;
  let code: string;
  beforeAll(async () => {
    server = await startTestServer(sqlite);
    const presenter = await signedUpClient(server.url);
    const [deck] = (await presenter.get('/api/presentations')).body;
    code = (await presenter.post(`/api/presentations/${deck.id}/sessions`)).body.code;
  });
  afterAll(async () => server?.stop());

  it('refuses a sixth socket for one participant while the other five keep working', async () => {
    const first = await LiveClient.join(server.wsUrl, code);
    const welcome = first.messages.find((m) => m.type === 'welcome');
    const token = welcome?.type === 'welcome' ? welcome.participantToken : undefined;
    const tabs = [first];
    for (let i = 0; i < 4; i += 1) tabs.push(await LiveClient.join(server.wsUrl, code, token));

    const sixth = await LiveClient.connect(server.wsUrl);
    const refusal = sixth.next('error');
    sixth.send({ type: 'join', v: PROTOCOL_VERSION, code, participantToken: token });
    expect((await refusal).code).toBe('rate_limited');
    expect(await sixth.closed()).toBe(4001);

    const pong = tabs[4]!.next('pong');
    tabs[4]!.send({ type: 'ping' });
    expect(await pong).toEqual({ type: 'pong' });
    expect((await LiveClient.join(server.wsUrl, code)).messages[0]?.type).toBe('welcome');
  });
});
