import type { IncomingMessage } from 'node:http';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, PASSWORD, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';
import { type TrustProxy, clientAddress, trustFunction } from './client-address.js';

const request = (peer: string, forwardedFor?: string) =>
  ({ headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }, socket: { remoteAddress: peer } }) as IncomingMessage;

describe('clientAddress', () => {
  it.each<[TrustProxy, string, string | undefined, string]>([
    [false, '127.0.0.1', 'forged, 203.0.113.7', '127.0.0.1'],
    [1, '127.0.0.1', undefined, '127.0.0.1'],
    [1, '127.0.0.1', '203.0.113.7', '203.0.113.7'],
    [1, '127.0.0.1', 'forged, 198.51.100.2, 203.0.113.7', '203.0.113.7'],
    [2, '127.0.0.1', 'forged, 198.51.100.2, 203.0.113.7', '198.51.100.2'],
    [['loopback'], '127.0.0.1', 'forged, 203.0.113.7', '203.0.113.7'],
    [['loopback'], '::ffff:127.0.0.1', 'forged, 203.0.113.7', '203.0.113.7'],
    [['loopback'], '192.0.2.9', 'forged, 203.0.113.7', '192.0.2.9'],
    [['loopback', '10.0.0.0/8'], '127.0.0.1', 'forged, 203.0.113.7, 10.1.2.3', '203.0.113.7'],
  ])('trusting %j, a request from %s with X-Forwarded-For %j comes from %s', (setting, peer, forwardedFor, expected) => {
    expect(clientAddress(request(peer, forwardedFor), trustFunction(setting))).toBe(expected);
  });

  it('is the address and scheme Fastify sees, X-Forwarded-Proto only from a trusted proxy', async () => {
    const trust = trustFunction(['10.0.0.1']);
    const app = Fastify({ trustProxy: trust });
    app.get('/', (req) => ({ ip: req.ip, protocol: req.protocol, ours: clientAddress(req.raw, trust) }));
    const from = async (remoteAddress: string) =>
      (
        await app.inject({
          url: '/',
          remoteAddress,
          headers: { 'x-forwarded-for': 'forged, 203.0.113.7', 'x-forwarded-proto': 'https' },
        })
      ).json<unknown>();
    expect(await from('10.0.0.1')).toEqual({ ip: '203.0.113.7', protocol: 'https', ours: '203.0.113.7' });
    expect(await from('192.0.2.9')).toEqual({ ip: '192.0.2.9', protocol: 'http', ours: '192.0.2.9' });
    await app.close();
  });
});

/** What the server sees behind nginx, which appends the address it saw to whatever X-Forwarded-For the client sent. */
const viaProxy = (clientSent: string, clientAt: string) => ({ 'x-forwarded-for': `${clientSent}, ${clientAt}` });
const ATTACKER = '203.0.113.7';
const VICTIM = '198.51.100.9';

describe('behind a proxy that appends to X-Forwarded-For, with ETTOR_TRUST_PROXY=1', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialects[0]!, { trustProxy: 1, maxSocketsPerAddress: 2 });
    await signedUpClient(server.url, 'anna@example.se');
  });
  afterAll(async () => server?.stop());

  it('limits password guesses by the address the proxy saw, however the client forges its own entry', async () => {
    const guesser = new HttpClient(server.url);
    const statuses: number[] = [];
    for (let n = 0; n < 30; n += 1) {
      const body = { email: 'anna@example.se', password: `guess number ${n}` };
      const response = await guesser.request('POST', '/api/auth/login', body, viaProxy(`10.9.${n}.1`, ATTACKER));
      statuses.push(response.status);
      if (response.status === 429) expect(response.body.error.code).toBe('rate_limited');
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual(Array.from({ length: 25 }, () => 429));

    // Anna, at her own address, signs in all the same.
    const anna = new HttpClient(server.url);
    const login = { email: 'anna@example.se', password: PASSWORD };
    expect((await anna.request('POST', '/api/auth/login', login, viaProxy(ATTACKER, VICTIM))).status).toBe(200);
  });

  it('counts live sockets against the address the proxy saw, so a client cannot fill another address’s cap', async () => {
    const connect = (clientSent: string, clientAt: string) => LiveClient.connect(server.wsUrl, viaProxy(clientSent, clientAt));
    const attacker = [await connect(VICTIM, ATTACKER), await connect(VICTIM, ATTACKER)];
    await expect(connect(VICTIM, ATTACKER)).rejects.toThrow(/429/);
    const victim = [await connect('192.0.2.1', VICTIM), await connect('192.0.2.2', VICTIM)];
    await expect(connect(ATTACKER, VICTIM)).rejects.toThrow(/429/);
    for (const socket of [...attacker, ...victim]) socket.close();
    await Promise.all([...attacker, ...victim].map((socket) => socket.closed()));
  });
});
