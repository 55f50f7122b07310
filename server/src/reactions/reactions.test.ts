import { type Presentation, REACTION_LIMITS, type ServerMessage, type SessionInfo, type SessionReport } from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

type Reactions = Extract<ServerMessage, { type: 'reactions' }>;
const isReactions = (m: ServerMessage): m is Reactions => m.type === 'reactions';

describe.each(dialects)('reactions on $name', (dialect) => {
  let server: TestServer;
  let presenter: HttpClient;
  let session: SessionInfo;
  let deck: Presentation;
  let screen: LiveClient;
  const sockets: LiveClient[] = [];

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect);
    presenter = await signedUpClient(server.url);
    const listed = (await presenter.get('/api/presentations')).body as { id: string }[];
    deck = (await presenter.get(`/api/presentations/${listed[0]!.id}`)).body as Presentation;
    session = (await presenter.post(`/api/presentations/${deck.id}/sessions`)).body as SessionInfo;
    screen = await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader);
    sockets.push(screen);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.stop();
  });

  it.skipIf(dialect.skipReason)('gathers many phones’ reactions into a few messages to the screen, counted per slide', async () => {
    const phones = await Promise.all(Array.from({ length: 20 }, () => LiveClient.join(server.wsUrl, session.code)));
    sockets.push(...phones);
    const slideId = deck.slides[0]!.id;
    const before = screen.messages.filter(isReactions).length;
    const counted = screen.nextMatching((m) => isReactions(m) && m.slideId === slideId && m.totals.applause === 60, 5_000);
    for (const phone of phones) for (let n = 0; n < 3; n += 1) phone.send({ type: 'react', reaction: 'applause' });
    phones[0]!.send({ type: 'react', reaction: 'heart' });
    const last = (await counted) as Reactions;
    expect(last.totals).toEqual({ applause: 60, heart: 1 });
    // 61 reactions reach the screen in a handful of flushes, not one message each.
    const messages = screen.messages.filter(isReactions).slice(before);
    expect(messages.length).toBeLessThanOrEqual(4);
    expect(messages.reduce((sum, m) => sum + (m.added.applause ?? 0), 0)).toBe(60);
    // Phones are not sent each other's reactions.
    expect(phones[1]!.messages.some(isReactions)).toBe(false);
  });

  it.skipIf(dialect.skipReason)('refuses a phone reacting faster than the limit, and what is not a reaction', async () => {
    const eager = await LiveClient.join(server.wsUrl, session.code);
    sockets.push(eager);
    for (let n = 0; n < REACTION_LIMITS.burst + 3; n += 1) eager.send({ type: 'react', reaction: 'laugh' });
    const refused = await eager.next('error');
    expect(refused.code).toBe('rate_limited');
    eager.send({ type: 'react', reaction: 'poop' });
    expect(await eager.nextMatching((m) => m.type === 'error' && m.code === 'validation_failed')).toBeTruthy();
    const totals = await screen.nextMatching((m) => isReactions(m) && m.added.laugh !== undefined, 5_000);
    expect(isReactions(totals) && totals.added.laugh).toBe(REACTION_LIMITS.burst);
  });

  it.skipIf(dialect.skipReason)('lets the presenter turn reactions off and on; only the presenter', async () => {
    const phone = await LiveClient.join(server.wsUrl, session.code);
    sockets.push(phone);
    phone.send({ type: 'set-reactions', on: false });
    expect(await phone.next('error')).toMatchObject({ code: 'forbidden' });
    const off = phone.nextMatching((m) => m.type === 'state' && !m.state.reactions);
    screen.send({ type: 'set-reactions', on: false });
    await off;
    phone.send({ type: 'react', reaction: 'heart' });
    expect(await phone.next('error')).toMatchObject({ code: 'reactions_off' });
    const on = phone.nextMatching((m) => m.type === 'state' && m.state.reactions);
    screen.send({ type: 'set-reactions', on: true });
    await on;
  });

  it.skipIf(dialect.skipReason)('keeps the totals in the report and the exports', async () => {
    const report = (await presenter.get(`/api/sessions/${session.id}/report`)).body as SessionReport;
    expect(report.reactions).toEqual([
      { slideId: deck.slides[0]!.id, title: expect.any(String) as string, counts: { applause: 60, heart: 1, laugh: 5 } },
    ]);
    const csv = await presenter.get(`/api/sessions/${session.id}/export?format=csv`);
    expect(csv.text).toContain('Reaktioner per bild');
  });
});
