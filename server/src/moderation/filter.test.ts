import type { Presentation, Results, ServerMessage, SessionInfo, Slide } from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

/** The deck setting that holds offensive free text for the presenter: open answers, word-cloud words and Q&A questions. */
describe.each(dialects)('the offensive-word filter on $name', (dialect) => {
  let server: TestServer;
  let presenter: HttpClient;
  let deck: Presentation;
  let session: SessionInfo;
  let screen: LiveClient;
  let phone: LiveClient;
  const slides: Record<'open' | 'cloud' | 'qa', Slide> = {} as never;

  async function addSlide(slide: Record<string, unknown>): Promise<Slide> {
    const blank = (await presenter.post(`/api/presentations/${deck.id}/slides`, { kind: slide.kind })).body as Slide;
    return (await presenter.put(`/api/presentations/${deck.id}/slides/${blank.id}`, { ...slide, id: blank.id })).body as Slide;
  }

  const screenShows = <K extends Results['kind']>(slideId: string, kind: K, until: (results: Extract<Results, { kind: K }>) => boolean) =>
    screen.nextMatching(
      (m: ServerMessage) =>
        m.type === 'results' &&
        m.results.slideId === slideId &&
        m.results.kind === kind &&
        until(m.results as Extract<Results, { kind: K }>),
    ) as unknown as Promise<{ results: Extract<Results, { kind: K }> }>;

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect);
    presenter = await signedUpClient(server.url);
    deck = (await presenter.post('/api/presentations', { title: 'Filtret' })).body as Presentation;
    expect(deck.filterOffensive).toBe(true);
    slides.open = await addSlide({ kind: 'open', question: 'Vad tycker du?' });
    slides.cloud = await addSlide({ kind: 'wordcloud', question: 'Ett ord', maxEntries: 3 });
    slides.qa = await addSlide({ kind: 'qa', question: 'Frågor?' });
    session = (await presenter.post(`/api/presentations/${deck.id}/sessions`)).body as SessionInfo;
    screen = await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader);
    phone = await LiveClient.join(server.wsUrl, session.code);
  });

  afterAll(async () => {
    screen?.close();
    phone?.close();
    await server?.stop();
  });

  it.skipIf(dialect.skipReason)('holds an offensive open answer back as hidden, until the presenter shows it', async () => {
    screen.send({ type: 'goto', slideId: slides.open.id });
    const held = screenShows(slides.open.id, 'open', (results) => results.entries.length === 1);
    expect(await phone.answer(slides.open.id, { kind: 'open', text: 'Ni är j.ä.v.l.a idioter' })).toMatchObject({ type: 'ack' });
    const [entry] = (await held).results.entries;
    expect(entry).toMatchObject({ hidden: true });
    const shown = screenShows(slides.open.id, 'open', (results) => results.entries[0]?.hidden === false);
    screen.send({ type: 'hide-answer', slideId: slides.open.id, answerId: entry!.id, hidden: false });
    await shown;
    // A changed answer without the word keeps what the presenter chose; one with it is held again.
    const again = screenShows(slides.open.id, 'open', (results) => results.entries[0]?.hidden === true);
    expect(await phone.answer(slides.open.id, { kind: 'open', text: 'Fan, vad dåligt' })).toMatchObject({ type: 'ack' });
    await again;
  });

  it.skipIf(dialect.skipReason)(
    'hides an offensive word of a word cloud in every spelling, and shows it when the presenter says so',
    async () => {
      screen.send({ type: 'goto', slideId: slides.cloud.id });
      const counted = screenShows(slides.cloud.id, 'wordcloud', (results) => results.respondents === 1);
      expect(await phone.answer(slides.cloud.id, { kind: 'wordcloud', entries: ['Mod', 'f i t t a'] })).toMatchObject({ type: 'ack' });
      const { words } = (await counted).results;
      expect(words.map(({ text, hidden }) => [text, hidden])).toEqual(
        expect.arrayContaining([
          ['Mod', false],
          ['f i t t a', true],
        ]),
      );
      const shown = screenShows(slides.cloud.id, 'wordcloud', (results) => results.words.every((word) => !word.hidden));
      screen.send({ type: 'hide-word', slideId: slides.cloud.id, word: 'f i t t a', hidden: false });
      await shown;
    },
  );

  it.skipIf(dialect.skipReason)(
    'makes an offensive question wait for approval, and lets everything through with the filter off',
    async () => {
      const asked = await phone.ask(slides.qa.id, 'Varför är ni så jävla sena?');
      expect(asked).toMatchObject({ type: 'asked', question: { status: 'pending' } });
      expect(await phone.ask(slides.qa.id, 'När börjar vi?')).toMatchObject({ type: 'asked', question: { status: 'shown' } });

      expect((await presenter.patch(`/api/presentations/${deck.id}`, { filterOffensive: false })).body).toMatchObject({
        filterOffensive: false,
      });
      expect(await phone.ask(slides.qa.id, 'Vad fan menar ni?')).toMatchObject({ type: 'asked', question: { status: 'shown' } });
      screen.send({ type: 'goto', slideId: slides.open.id });
      const clean = screenShows(slides.open.id, 'open', (results) => results.entries[0]?.text === 'Helvete, vad bra');
      const other = await LiveClient.join(server.wsUrl, session.code);
      expect(await other.answer(slides.open.id, { kind: 'open', text: 'Helvete, vad bra' })).toMatchObject({ type: 'ack' });
      expect((await clean).results.entries[0]).toMatchObject({ hidden: false });
      other.close();
    },
  );
});
