import { CLOSE_CODES, type Presentation, type SessionInfo, type ShareLink } from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

describe.each(dialects)('deleting sessions and the retention setting, over HTTP on $name', (dialect) => {
  let server: TestServer;
  /** The first account, so the admin. */
  let owner: HttpClient;
  let other: HttpClient;
  let deck: Presentation;
  let cloud: string;

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect, { signupOpenByDefault: true });
    owner = await signedUpClient(server.url, 'owner@example.se');
    other = await signedUpClient(server.url, 'other@example.se');
    const [summary] = (await owner.get('/api/presentations')).body as { id: string }[];
    deck = (await owner.get(`/api/presentations/${summary!.id}`)).body as Presentation;
    cloud = deck.slides.find((slide) => slide.kind === 'wordcloud')!.id;
  });
  afterAll(async () => server?.stop());

  /** A session where a phone put a word in the cloud and the results were shared; the phone's socket is returned open. */
  async function answeredSession(): Promise<{ session: SessionInfo; phone: LiveClient; link: ShareLink }> {
    const session = (await owner.post(`/api/presentations/${deck.id}/sessions`)).body as SessionInfo;
    const phone = await LiveClient.join(server.wsUrl, session.code);
    expect(await phone.answer(cloud, { kind: 'wordcloud', entries: ['hemligt'] })).toMatchObject({ type: 'ack' });
    const link = (await owner.post(`/api/sessions/${session.id}/share-links`)).body as ShareLink;
    return { session, phone, link };
  }

  /** Rows stored under a session, in every table that holds any. */
  async function rowsOf(sessionId: string): Promise<number> {
    const { db } = server.ettor.store;
    const counts = await Promise.all([
      db.selectFrom('live_sessions').select('id').where('id', '=', sessionId).execute(),
      ...(['responses', 'participants', 'share_links', 'slide_states', 'hidden_words'] as const).map((table) =>
        db.selectFrom(table).select('session_id').where('session_id', '=', sessionId).execute(),
      ),
      db
        .selectFrom('answer_receipts')
        .innerJoin('participants', 'participants.id', 'answer_receipts.participant_id')
        .select('client_id')
        .where('participants.session_id', '=', sessionId)
        .execute(),
    ]);
    return counts.reduce((sum, rows) => sum + rows.length, 0);
  }

  it.skipIf(dialect.skipReason)('lets only the owner delete an ended session with all its answers, once', async () => {
    const { session, phone, link } = await answeredSession();
    phone.close();
    expect((await owner.post(`/api/sessions/${session.id}/end`)).status).toBe(200);
    // The session, its participant, answer, answer receipt and share link.
    const before = 5;
    expect(await rowsOf(session.id)).toBe(before);

    const refused = await other.delete(`/api/sessions/${session.id}`);
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('not_found');
    expect(await rowsOf(session.id)).toBe(before);

    const deleted = await owner.delete(`/api/sessions/${session.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect(await rowsOf(session.id)).toBe(0);
    for (const path of [`/api/sessions/${session.id}`, `/api/sessions/${session.id}/report`, `/api/shared/${link.token}/report`]) {
      expect((await owner.get(path)).status, path).toBe(404);
    }
    const again = await owner.delete(`/api/sessions/${session.id}`);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('not_found');
  });

  it.skipIf(dialect.skipReason)('ends a live session first, closing its phones and screens as ended, then deletes it', async () => {
    const { session, phone } = await answeredSession();
    const screen = await LiveClient.host(server.wsUrl, session.id, owner.cookieHeader);

    expect((await owner.delete(`/api/sessions/${session.id}`)).status).toBe(204);
    expect(await phone.closed()).toBe(CLOSE_CODES.sessionEnded);
    expect(await screen.closed()).toBe(CLOSE_CODES.sessionEnded);
    expect(await rowsOf(session.id)).toBe(0);
    expect((await owner.get(`/api/presentations/${deck.id}/sessions`)).body.map((s: SessionInfo) => s.id)).not.toContain(session.id);
  });

  it.skipIf(dialect.skipReason)('keeps answers for ever by default; an admin sets 1 to 3650 days or null, and nothing else', async () => {
    expect((await owner.get('/api/admin/settings')).body).toEqual({ signupOpen: true, answerRetentionDays: null, publicUrl: null });
    for (const bad of [0, 3651, 1.5, '30', -1]) {
      const refused = await owner.patch('/api/admin/settings', { answerRetentionDays: bad });
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.body.error.code).toBe('validation_failed');
    }
    expect((await other.patch('/api/admin/settings', { answerRetentionDays: 30 })).status).toBe(403);
    expect((await owner.patch('/api/admin/settings', { answerRetentionDays: 30 })).body).toEqual({
      signupOpen: true,
      answerRetentionDays: 30,
      publicUrl: null,
    });
    expect((await owner.get('/api/admin/settings')).body).toEqual({ signupOpen: true, answerRetentionDays: 30, publicUrl: null });
    expect((await owner.patch('/api/admin/settings', { answerRetentionDays: null })).body).toEqual({
      signupOpen: true,
      answerRetentionDays: null,
      publicUrl: null,
    });
  });
});
