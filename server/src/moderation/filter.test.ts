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
  const slides: Record<'open' | 'cloud' | 'qa' | 'approvedOpen' | 'approvedCloud', Slide> = {} as never;

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
    slides.approvedOpen = await addSlide({ kind: 'open', question: 'Granskat', approveFirst: true });
    slides.approvedCloud = await addSlide({ kind: 'wordcloud', question: 'Granskade ord', maxEntries: 3, approveFirst: true });
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

  it.skipIf(dialect.skipReason)('holds every open answer of a slide that approves first, and a changed one again', async () => {
    expect(slides.approvedOpen).toMatchObject({ approveFirst: true });
    screen.send({ type: 'goto', slideId: slides.approvedOpen.id });
    const held = screenShows(slides.approvedOpen.id, 'open', (results) => results.entries.length === 1);
    expect(await phone.answer(slides.approvedOpen.id, { kind: 'open', text: 'Mer utbildning' })).toMatchObject({ type: 'ack' });
    const [entry] = (await held).results.entries;
    expect(entry).toMatchObject({ text: 'Mer utbildning', hidden: true });
    const approved = screenShows(slides.approvedOpen.id, 'open', (results) => results.entries[0]?.hidden === false);
    screen.send({ type: 'hide-answer', slideId: slides.approvedOpen.id, answerId: entry!.id, hidden: false });
    await approved;
    // The approval was for the words the presenter read; new words wait again.
    const changed = screenShows(slides.approvedOpen.id, 'open', (results) => results.entries[0]?.text === 'Mer tid');
    expect(await phone.answer(slides.approvedOpen.id, { kind: 'open', text: 'Mer tid' })).toMatchObject({ type: 'ack' });
    expect((await changed).results.entries[0]).toMatchObject({ hidden: true });
  });

  it.skipIf(dialect.skipReason)('shows a word cloud that approves first only the words the presenter approved', async () => {
    screen.send({ type: 'goto', slideId: slides.approvedCloud.id });
    const counted = screenShows(slides.approvedCloud.id, 'wordcloud', (results) => results.respondents === 1);
    expect(await phone.answer(slides.approvedCloud.id, { kind: 'wordcloud', entries: ['Mod', 'Tillit'] })).toMatchObject({ type: 'ack' });
    expect((await counted).results.words.map(({ text, hidden }) => [text, hidden])).toEqual(
      expect.arrayContaining([
        ['Mod', true],
        ['Tillit', true],
      ]),
    );
    const approved = screenShows(slides.approvedCloud.id, 'wordcloud', (results) => results.words.some((word) => !word.hidden));
    screen.send({ type: 'hide-word', slideId: slides.approvedCloud.id, word: 'Mod', hidden: false });
    await approved;
    // An approved word stays approved in every spelling; a new word waits.
    const other = await LiveClient.join(server.wsUrl, session.code);
    const both = screenShows(slides.approvedCloud.id, 'wordcloud', (results) => results.respondents === 2);
    expect(await other.answer(slides.approvedCloud.id, { kind: 'wordcloud', entries: ['mod', 'Ansvar'] })).toMatchObject({ type: 'ack' });
    expect(
      (await both).results.words
        .map(({ text, count, hidden }) => [text, count, hidden])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    ).toEqual([
      ['Ansvar', 1, true],
      ['mod', 2, false],
      ['Tillit', 1, true],
    ]);
    other.close();
  });

  it.skipIf(dialect.skipReason)('lets the presenter turn approval on and off during the talk, for what arrives from then on', async () => {
    const cloud = slides.cloud.id;
    screen.send({ type: 'goto', slideId: cloud });
    const held = screen.nextMatching(
      (m: ServerMessage) =>
        m.type === 'state' && m.state.slide?.id === cloud && 'approveFirst' in m.state.slide && m.state.slide.approveFirst,
    );
    screen.send({ type: 'set-approve-first', slideId: cloud, on: true });
    await held;
    // The word the presenter showed earlier stays; one never shown now waits.
    const other = await LiveClient.join(server.wsUrl, session.code);
    const waiting = screenShows(cloud, 'wordcloud', (results) => results.words.some((word) => word.text === 'Tålamod'));
    expect(await other.answer(cloud, { kind: 'wordcloud', entries: ['Tålamod'] })).toMatchObject({ type: 'ack' });
    expect((await waiting).results.words.find((word) => word.text === 'Tålamod')).toMatchObject({ hidden: true });
    const released = screenShows(cloud, 'wordcloud', (results) => results.words.find((word) => word.text === 'Tålamod')?.hidden === false);
    screen.send({ type: 'set-approve-first', slideId: cloud, on: false });
    await released;
    other.close();

    const refused = screen.nextMatching((m: ServerMessage) => m.type === 'error');
    screen.send({ type: 'set-approve-first', slideId: 'no-such-slide', on: true });
    expect(await refused).toMatchObject({ code: 'unknown_slide' });
    const scale = (await presenter.post(`/api/presentations/${deck.id}/slides`, { kind: 'scale' })).body as Slide;
    const notFreeText = screen.nextMatching((m: ServerMessage) => m.type === 'error');
    screen.send({ type: 'set-approve-first', slideId: scale.id, on: true });
    expect(await notFreeText).toMatchObject({ code: 'validation_failed' });
    const phoneRefused = phone.nextMatching((m: ServerMessage) => m.type === 'error');
    phone.send({ type: 'set-approve-first', slideId: cloud, on: true });
    expect(await phoneRefused).toMatchObject({ code: 'forbidden' });
  });

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
