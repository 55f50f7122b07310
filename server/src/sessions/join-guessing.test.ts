import type { ServerMessage, SessionInfo } from '@ettor/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';
import { PROTOCOL_VERSION } from '@ettor/protocol';

/** A code no session has: the test's sessions are few, so a random 8-digit one is wrong but for a 1 in 10^7 chance. */
const wrongCode = (session: SessionInfo, n: number) => {
  const code = String(10_000_000 + ((Number(session.code) + 1 + n * 7919) % 90_000_000));
  return code === session.code ? String(Number(code) + 1) : code;
};

describe.each(dialects)('guessing join codes, on $name', (dialect) => {
  let server: TestServer | undefined;
  const sockets: LiveClient[] = [];

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await server?.stop();
    server = undefined;
  });

  async function start(): Promise<{ running: TestServer; session: SessionInfo }> {
    const running = await startTestServer(dialect);
    server = running;
    const presenter = await signedUpClient(running.url);
    const [summary] = (await presenter.get('/api/presentations')).body as { id: string }[];
    return { running, session: (await presenter.post(`/api/presentations/${summary?.id}/sessions`)).body as SessionInfo };
  }

  it.skipIf(dialect.skipReason)('lets 300 people behind one address join within a minute, typos and all, on both channels', async () => {
    const { running, session } = await start();
    const visitor = new HttpClient(running.url);
    // Thirty of them mistype first, over HTTP and the live channel.
    for (let n = 0; n < 15; n += 1) expect((await visitor.get(`/api/join/${wrongCode(session, n)}`)).status).toBe(404);
    for (let n = 15; n < 30; n += 1) {
      const typo = await LiveClient.connect(running.wsUrl);
      sockets.push(typo);
      typo.send({ type: 'join', v: PROTOCOL_VERSION, code: wrongCode(session, n) });
      expect(await typo.waitFor((m: ServerMessage) => m.type === 'error')).toMatchObject({ code: 'unknown_code' });
    }
    const lookups = await Promise.all(Array.from({ length: 300 }, () => visitor.get(`/api/join/${session.code}`)));
    expect(lookups.map((response) => response.status)).toEqual(Array.from({ length: 300 }, () => 200));
    for (let i = 0; i < 300; i += 1) sockets.push(await LiveClient.join(running.wsUrl, session.code));
    expect(sockets.slice(15).every((socket) => socket.messages.some((m) => m.type === 'welcome'))).toBe(true);
  });

  it.skipIf(dialect.skipReason)(
    'stops a script guessing codes after 50 wrong ones a minute, right code or not, on both channels',
    async () => {
      const { running, session } = await start();
      const guesser = new HttpClient(running.url);
      for (let n = 0; n < 50; n += 1) {
        const guess = await guesser.get(`/api/join/${wrongCode(session, n)}`);
        expect(guess.status, `guess ${n}`).toBe(404);
        expect(guess.body.error.code).toBe('unknown_code');
      }
      // Blocked now: a hit would tell the guesser something, so the right code is refused as well.
      const blocked = await guesser.get(`/api/join/${session.code}`);
      expect(blocked.status).toBe(429);
      expect(blocked.body.error).toEqual({
        code: 'rate_limited',
        message: 'Too many wrong codes from this network; try again in 60 seconds.',
      });
      const socket = await LiveClient.connect(running.wsUrl);
      sockets.push(socket);
      socket.send({ type: 'join', v: PROTOCOL_VERSION, code: session.code });
      expect(await socket.waitFor((m: ServerMessage) => m.type === 'error')).toMatchObject({ code: 'rate_limited' });
      await socket.closed();
      expect(socket.messages.some((m) => m.type === 'welcome')).toBe(false);
    },
  );
});
