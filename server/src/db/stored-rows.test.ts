import type { Presentation, SessionInfo } from '@ettor/protocol';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';
import { PROTOCOL_VERSION } from '@ettor/protocol';

/** Slides as an earlier version of Ettor stored them: written before allowChange, showResultsOnPhones, maxLength, notes and approveFirst existed. */
const OLD_SLIDES = [
  {
    id: 'old-choice',
    kind: 'choice',
    question: 'Vilken?',
    options: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ],
  },
  { id: 'old-words', kind: 'wordcloud', question: 'Ord?', maxEntries: 2 },
  { id: 'old-open', kind: 'open', question: 'Fritt?' },
];

describe.each(dialects)('rows stored by an earlier version, on $name', (dialect) => {
  let server: TestServer;
  let presenter: HttpClient;
  let presentation: Presentation;

  const db = () => server.ettor.store.db;
  /** Writes a slide's JSON straight into the table, as an older server would have. */
  const storeSlide = (id: string, position: number, data: string) =>
    sql`insert into slides (id, presentation_id, position, data) values (${id}, ${presentation.id}, ${position}, ${data})`.execute(db());

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect);
    presenter = await signedUpClient(server.url);
    presentation = (await presenter.post('/api/presentations', { title: 'Gamla rader' })).body as Presentation;
    for (const [index, slide] of OLD_SLIDES.entries()) await storeSlide(slide.id, index + 1, JSON.stringify(slide));
  });
  afterAll(async () => server?.stop());

  it.skipIf(dialect.skipReason)('reads slides with the fields added since filled in by their defaults', async () => {
    const read = (await presenter.get(`/api/presentations/${presentation.id}`)).body as Presentation;
    expect(read.slides.slice(1)).toEqual([
      { ...OLD_SLIDES[0], notes: '', allowChange: true, allowMultiple: false, showResultsOnPhones: false },
      { ...OLD_SLIDES[1], notes: '', allowChange: true, maxLength: 25, approveFirst: false },
      { ...OLD_SLIDES[2], notes: '', allowChange: true, maxLength: 280, approveFirst: false },
    ]);
  });

  it.skipIf(dialect.skipReason)('takes and counts answers to an old slide by its defaults, and reads the stored answers back', async () => {
    const session = (await presenter.post(`/api/presentations/${presentation.id}/sessions`)).body as SessionInfo;
    const host = await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader);
    const phone = await LiveClient.join(server.wsUrl, session.code);
    try {
      host.send({ type: 'goto', slideId: 'old-choice' });
      expect(await phone.answer('old-choice', { kind: 'choice', optionIds: ['a'] })).toMatchObject({ type: 'ack' });
      // allowChange was not stored; its default lets the phone change its answer.
      expect(await phone.answer('old-choice', { kind: 'choice', optionIds: ['b'] })).toMatchObject({ type: 'ack' });
      // The results of the first answer may arrive first; the changed answer is the one to wait for.
      const results = await host.waitFor(
        (m) => m.type === 'results' && m.results.kind === 'choice' && m.results.counts.some((c) => c.optionId === 'b' && c.count === 1),
      );
      expect(results).toMatchObject({
        results: {
          counts: [
            { optionId: 'a', count: 0 },
            { optionId: 'b', count: 1 },
          ],
        },
      });

      const welcome = phone.messages.find((m) => m.type === 'welcome');
      const again = await LiveClient.join(server.wsUrl, session.code, welcome?.type === 'welcome' ? welcome.participantToken : undefined);
      const rejoined = again.messages.find((m) => m.type === 'welcome');
      expect(rejoined?.type === 'welcome' && rejoined.answers).toEqual({ 'old-choice': { kind: 'choice', optionIds: ['b'] } });
      again.close();
    } finally {
      host.close();
      phone.close();
      await presenter.post(`/api/sessions/${session.id}/end`);
    }
  });

  it.skipIf(dialect.skipReason)('answers a stored answer it cannot read with a clear error on that socket, and keeps serving', async () => {
    const session = (await presenter.post(`/api/presentations/${presentation.id}/sessions`)).body as SessionInfo;
    const phone = await LiveClient.join(server.wsUrl, session.code);
    const host = await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader);
    try {
      expect(await phone.answer('old-open', { kind: 'open', text: 'Hej' })).toMatchObject({ type: 'ack' });
      await db().updateTable('responses').set({ answer: '{"kind":"open","text":42}' }).where('session_id', '=', session.id).execute();

      const welcome = phone.messages.find((m) => m.type === 'welcome');
      const again = await LiveClient.connect(server.wsUrl);
      const refusal = again.next('error');
      again.send({
        type: 'join',
        v: PROTOCOL_VERSION,
        code: session.code,
        participantToken: welcome?.type === 'welcome' ? welcome.participantToken : undefined,
      });
      expect(await refusal).toMatchObject({ code: 'internal', message: expect.stringMatching(/stored answer .* does not fit .*text/) });
      again.close();

      const fresh = await LiveClient.join(server.wsUrl, session.code);
      expect(await fresh.answer('old-choice', { kind: 'choice', optionIds: ['a'] })).toMatchObject({ type: 'ack' });
      fresh.close();
      expect((await presenter.get(`/api/presentations/${presentation.id}`)).status).toBe(200);
    } finally {
      host.close();
      phone.close();
      await presenter.post(`/api/sessions/${session.id}/end`);
    }
  });

  it.skipIf(dialect.skipReason)('answers a stored slide it cannot read with a clear error, and keeps serving', async () => {
    const broken = (await presenter.post('/api/presentations', { title: 'Trasig' })).body as Presentation;
    await sql`insert into slides (id, presentation_id, position, data) values (${'bad'}, ${broken.id}, ${1}, ${'{"id":"bad","kind":"choice","question":"Q","options":[]}'})`.execute(
      db(),
    );
    await sql`insert into slides (id, presentation_id, position, data) values (${'not-json'}, ${broken.id}, ${2}, ${'{nope'})`.execute(
      db(),
    );

    const read = await presenter.get(`/api/presentations/${broken.id}`);
    expect(read.status).toBe(500);
    expect(read.body).toEqual({
      error: { code: 'internal', message: expect.stringMatching(/^The stored slide bad does not fit this version of Ettor: options: /) },
    });
    await db().deleteFrom('slides').where('id', '=', 'bad').execute();
    expect((await presenter.get(`/api/presentations/${broken.id}`)).body).toEqual({
      error: { code: 'internal', message: 'The stored slide not-json is not JSON.' },
    });
    expect((await presenter.get(`/api/presentations/${presentation.id}`)).status).toBe(200);
  });
});
