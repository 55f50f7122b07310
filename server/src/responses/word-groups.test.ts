import { isDeepStrictEqual } from 'node:util';
import type { Presentation, ServerMessage, SessionInfo, WordCloudResults } from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

const cloudOf = (m: ServerMessage): WordCloudResults | null => (m.type === 'results' && m.results.kind === 'wordcloud' ? m.results : null);
const counts = (results: WordCloudResults) => Object.fromEntries(results.words.map((word) => [word.text, word.count]));

describe.each(dialects)('word clouds grouped by the deck’s language on $name', (dialect) => {
  let server: TestServer;
  let presenter: HttpClient;
  const sockets: LiveClient[] = [];

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect);
    presenter = await signedUpClient(server.url);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.stop();
  });

  /** A deck of one word cloud in a language, its session, a big screen on it and a phone per answer. */
  async function run(language: 'sv' | 'en' | undefined, answers: string[][]) {
    const created = await presenter.post('/api/presentations', language ? { title: 'Moln', language } : { title: 'Moln' });
    expect(created.status).toBe(201);
    const deck = created.body as Presentation;
    const slide = (await presenter.post(`/api/presentations/${deck.id}/slides`, { kind: 'wordcloud' })).body as { id: string };
    await presenter.put(`/api/presentations/${deck.id}/slides/${slide.id}`, { ...slide, question: 'Vad är digital kompetens?' });
    const session = (await presenter.post(`/api/presentations/${deck.id}/sessions`)).body as SessionInfo;
    const screen = await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader);
    sockets.push(screen);
    screen.send({ type: 'goto', slideId: slide.id });
    for (const entries of answers) {
      const phone = await LiveClient.join(server.wsUrl, session.code);
      sockets.push(phone);
      expect(await phone.answer(slide.id, { kind: 'wordcloud', entries })).toMatchObject({ type: 'ack' });
    }
    const shown = await screen.waitFor((m) => cloudOf(m)?.respondents === answers.length);
    return { deck, slide, session, screen, results: cloudOf(shown)! };
  }

  it.skipIf(dialect.skipReason)('a Swedish deck shows the forms of one word as one, in its most common spelling', async () => {
    const { deck, results } = await run(undefined, [
      ['kompetens'],
      ['Kompetensen', 'mod'],
      ['kompetens', 'modet'],
      // One person's two forms of one word count once; a filler word alone counts for nothing.
      ['kompetenser', 'Kompetensen', 'och'],
      ['IT', 'it'],
    ]);
    expect(deck.language).toBe('sv');
    expect(counts(results)).toEqual({ kompetens: 4, mod: 2, IT: 1 });
    expect(results.respondents).toBe(5);
  });

  it.skipIf(dialect.skipReason)('an English deck stems by English rules and keeps IT in capitals but drops “it”', async () => {
    const { deck, results } = await run('en', [['skills'], ['skill'], ['IT'], ['it', 'the'], ['kompetens', 'kompetensen']]);
    expect(deck.language).toBe('en');
    // Swedish forms are not English ones: an English deck keeps them apart.
    expect(counts(results)).toEqual({ skill: 2, IT: 1, kompetens: 1, kompetensen: 1 });
  });

  it.skipIf(dialect.skipReason)('hiding one form hides the whole word, on the screen and in the report', async () => {
    const { deck, slide, session, screen } = await run('sv', [['kunskap'], ['kunskaper'], ['tillit']]);
    await presenter.patch(`/api/presentations/${deck.id}`, { anonymityThreshold: 3 });
    const hidden = screen.nextMatching((m) => cloudOf(m)?.words.some((word) => word.text === 'kunskap' && word.hidden) ?? false);
    screen.send({ type: 'hide-word', slideId: slide.id, word: 'Kunskaperna', hidden: true });
    expect(counts(cloudOf(await hidden)!)).toEqual({ kunskap: 2, tillit: 1 });
    const report = await presenter.get(`/api/sessions/${session.id}/report`);
    const reported = report.body.slides.find((entry: { slideId: string }) => entry.slideId === slide.id);
    expect(reported.results.words).toEqual([
      { text: 'kunskap', count: 2, hidden: true, forms: ['kunskaper'] },
      { text: 'tillit', count: 1, hidden: false, forms: [] },
    ]);
  });

  it.skipIf(dialect.skipReason)('the presenter merges and splits words; the screen, the report and a restart agree', async () => {
    const { deck, slide, session, screen } = await run('sv', [['politiker'], ['Politiker'], ['politik'], ['mod'], ['tillit'], ['Tillit']]);
    await presenter.patch(`/api/presentations/${deck.id}`, { anonymityThreshold: 3 });
    const sameCounts = (results: WordCloudResults, expected: Record<string, number>) => isDeepStrictEqual(counts(results), expected);
    const shows = async (send: () => void, expected: Record<string, number>) => {
      const seen = screen.nextMatching((m) => {
        const cloud = cloudOf(m);
        return cloud !== null && sameCounts(cloud, expected);
      });
      send();
      return cloudOf(await seen)!;
    };
    // Stemming put politik and politiker together; the presenter sees the other form.
    const before = await shows(() => screen.send({ type: 'hide-word', slideId: slide.id, word: 'mod', hidden: false }), {
      politiker: 3,
      tillit: 2,
      mod: 1,
    });
    expect(before.words[0]).toMatchObject({ text: 'politiker', forms: ['politik'] });

    // Splitting counts each form by itself; merging one form into the other puts the word back.
    const split = { politiker: 2, tillit: 2, mod: 1, politik: 1 };
    await shows(() => screen.send({ type: 'split-word', slideId: slide.id, word: 'politiker' }), split);
    await shows(() => screen.send({ type: 'merge-word', slideId: slide.id, word: 'politik', into: 'politiker' }), {
      politiker: 3,
      tillit: 2,
      mod: 1,
    });

    // A merge by hand: mod counts as tillit, in any form, and a phone answering later joins it.
    await shows(() => screen.send({ type: 'merge-word', slideId: slide.id, word: 'modet', into: 'Tillit' }), { politiker: 3, tillit: 3 });
    const late = await LiveClient.join(server.wsUrl, session.code);
    sockets.push(late);
    const withLate = screen.nextMatching((m) => cloudOf(m)?.words.find((word) => word.text === 'tillit')?.count === 4);
    expect(await late.answer(slide.id, { kind: 'wordcloud', entries: ['Modet'] })).toMatchObject({ type: 'ack' });
    expect(cloudOf(await withLate)!.words.find((word) => word.text === 'tillit')?.forms).toEqual(['mod', 'Modet']);

    // Refused: the same merge twice, a word into itself, filler words, a slide that is not there; nothing changes.
    for (const [message, code] of [
      [{ type: 'merge-word', slideId: slide.id, word: 'mod', into: 'tillit' }, 'conflict'],
      [{ type: 'merge-word', slideId: slide.id, word: 'tillit', into: 'tillit' }, 'conflict'],
      [{ type: 'merge-word', slideId: slide.id, word: 'och', into: 'tillit' }, 'validation_failed'],
      [{ type: 'split-word', slideId: 'no-such-slide', word: 'tillit' }, 'unknown_slide'],
    ] as const) {
      const refused = screen.next('error');
      screen.send(message);
      expect((await refused).code).toBe(code);
    }

    const report = async () =>
      (await presenter.get(`/api/sessions/${session.id}/report`)).body.slides.find(
        (entry: { slideId: string }) => entry.slideId === slide.id,
      ).results as WordCloudResults;
    expect(counts(await report())).toEqual({ politiker: 3, tillit: 4 });
    // A restarted node counts from the store, the presenter's regrouping included.
    await server.restart();

    const again = await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader);
    sockets.push(again);
    await again.waitFor((m) => {
      const cloud = cloudOf(m);
      return cloud !== null && sameCounts(cloud, { politiker: 3, tillit: 4 });
    });
    // Splitting a word that others were merged into gives them back.
    const apart = again.nextMatching((m) => {
      const cloud = cloudOf(m);
      return cloud !== null && sameCounts(cloud, { politiker: 3, tillit: 2, mod: 2 });
    });
    again.send({ type: 'split-word', slideId: slide.id, word: 'tillit' });
    await apart;
  });

  it.skipIf(dialect.skipReason)('the deck’s language is a setting that is checked, exported and imported', async () => {
    const deck = (await presenter.post('/api/presentations', { title: 'Språk' })).body as Presentation;
    const bad = await presenter.patch(`/api/presentations/${deck.id}`, { language: 'de' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect((await presenter.get(`/api/presentations/${deck.id}`)).body.language).toBe('sv');
    const english = await presenter.patch(`/api/presentations/${deck.id}`, { language: 'en' });
    expect(english.body).toMatchObject({ language: 'en', title: 'Språk' });
    const file = (await presenter.get(`/api/presentations/${deck.id}/export`)).body;
    expect(file.language).toBe('en');
    const imported = await presenter.post('/api/presentations/import', file);
    expect(imported.body.language).toBe('en');
    const { language: _dropped, ...older } = file;
    expect((await presenter.post('/api/presentations/import', older)).body.language).toBe('sv');
    expect((await presenter.post('/api/presentations', { title: 'X', language: 'fi' })).status).toBe(400);
  });
});
