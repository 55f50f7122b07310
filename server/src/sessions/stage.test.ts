import type { Presentation, ServerMessage, SessionInfo, SessionState, Slide } from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

const stateOf = (m: ServerMessage): SessionState | null => (m.type === 'state' || m.type === 'welcome' ? m.state : null);

describe.each(dialects)('the big screen’s state and revealing results on $name', (dialect) => {
  let server: TestServer;
  let presenter: HttpClient;
  let deck: Presentation;
  let session: SessionInfo;
  let screen: LiveClient;
  const sockets: LiveClient[] = [];
  const slides: Record<'live' | 'held' | 'content', Slide> = {} as never;
  const options = [
    { id: 'tj', label: 'Tjänsteperson' },
    { id: 'ch', label: 'Chef' },
    { id: 'po', label: 'Politiker' },
  ];

  async function addSlide(slide: Record<string, unknown>): Promise<Slide> {
    const blank = (await presenter.post(`/api/presentations/${deck.id}/slides`, { kind: slide.kind })).body as Slide;
    const saved = await presenter.put(`/api/presentations/${deck.id}/slides/${blank.id}`, { ...slide, id: blank.id });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return saved.body as Slide;
  }

  async function phone(): Promise<LiveClient> {
    const joined = await LiveClient.join(server.wsUrl, session.code);
    sockets.push(joined);
    return joined;
  }

  /** The next state the socket gets that passes `match`. */
  const nextState = (socket: LiveClient, match: (state: SessionState) => boolean) =>
    socket.nextMatching((m) => {
      const state = stateOf(m);
      return state !== null && match(state);
    });

  async function answer(who: LiveClient, slideId: string, optionId: string): Promise<void> {
    const clientId = `a${Math.random().toString(36).slice(2, 12)}`;
    const acked = who.nextMatching((m) => m.type === 'ack' && m.clientId === clientId);
    who.send({ type: 'answer', clientId, slideId, answer: { kind: 'choice', optionIds: [optionId] } });
    await acked;
  }

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect);
    presenter = await signedUpClient(server.url);
    deck = (await presenter.post('/api/presentations', { title: 'Nollor och ettor' })).body as Presentation;
    await presenter.patch(`/api/presentations/${deck.id}`, { anonymityThreshold: 3, revealResults: 'on-reveal' });
    slides.content = deck.slides[0]!;
    slides.held = await addSlide({ kind: 'choice', question: 'Vilken roll har du?', options, showResultsOnPhones: true });
    slides.live = await addSlide({ kind: 'choice', question: 'Och du?', options, showResultsOnPhones: true, reveal: 'live' });
    session = (await presenter.post(`/api/presentations/${deck.id}/sessions`)).body as SessionInfo;
    screen = await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader);
    sockets.push(screen);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.stop();
  });

  it.skipIf(dialect.skipReason)('opens on the join screen, and a reloaded window gets back exactly what the screen showed', async () => {
    const welcome = await screen.waitFor((m) => m.type === 'welcome');
    expect(stateOf(welcome)?.screen).toEqual({ black: false, joinScreen: true, codeBar: true });

    const blacked = nextState(screen, (state) => state.screen.black);
    screen.send({ type: 'set-screen', black: true, joinScreen: false });
    expect((stateOf(await blacked) as SessionState).screen).toEqual({ black: true, joinScreen: false, codeBar: true });

    // Another window of the presenter (the console, or the big screen reloaded) sees the same.
    const reloaded = await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader);
    sockets.push(reloaded);
    expect(stateOf(await reloaded.waitFor((m) => m.type === 'welcome'))?.screen).toEqual({ black: true, joinScreen: false, codeBar: true });

    const partly = nextState(screen, (state) => !state.screen.black);
    screen.send({ type: 'set-screen', black: false });
    expect((stateOf(await partly) as SessionState).screen).toEqual({ black: false, joinScreen: false, codeBar: true });
  });

  it.skipIf(dialect.skipReason)('refuses screen changes from a phone and a change that names nothing, changing nothing', async () => {
    const someone = await phone();
    someone.send({ type: 'set-screen', black: true });
    expect(await someone.next('error')).toMatchObject({ code: 'forbidden' });
    someone.send({ type: 'reveal-results', slideId: slides.held.id, shown: true });
    expect(await someone.next('error')).toMatchObject({ code: 'forbidden' });
    screen.send({ type: 'set-screen' });
    expect(await screen.next('error')).toMatchObject({ code: 'validation_failed' });
    screen.send({ type: 'set-screen', black: 'yes' });
    expect(await screen.next('error')).toMatchObject({ code: 'validation_failed' });
    screen.send({ type: 'reveal-results', slideId: slides.content.id, shown: true });
    expect(await screen.next('error')).toMatchObject({ code: 'not_a_question' });
    screen.send({ type: 'reveal-results', slideId: 'no-such-slide', shown: true });
    expect(await screen.next('error')).toMatchObject({ code: 'unknown_slide' });
    const checked = await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader);
    sockets.push(checked);
    const state = stateOf(await checked.waitFor((m) => m.type === 'welcome')) as SessionState;
    expect(state.screen).toEqual({ black: false, joinScreen: false, codeBar: true });
  });

  it.skipIf(dialect.skipReason)(
    'holds a question’s results from phones until the presenter reveals them, and a new round holds them again',
    async () => {
      const shown = nextState(screen, (state) => state.slide?.id === slides.held.id);
      screen.send({ type: 'goto', slideId: slides.held.id });
      expect((stateOf(await shown) as SessionState).resultsShown).toBe(false);

      const phones = [await phone(), await phone(), await phone()];
      for (const [index, who] of phones.entries()) await answer(who, slides.held.id, options[index % 2]!.id);
      // The presenter's windows count the answers (the console previews them); phones get none while held.
      await screen.waitFor((m) => m.type === 'results' && m.results.slideId === slides.held.id && m.results.respondents === 3);
      expect(phones[0]!.messages.some((m) => m.type === 'results' && m.results.slideId === slides.held.id)).toBe(false);

      const revealedOnPhone = phones[0]!.nextMatching((m) => m.type === 'results' && m.results.slideId === slides.held.id);
      const revealed = nextState(phones[1]!, (state) => state.resultsShown);
      screen.send({ type: 'reveal-results', slideId: slides.held.id, shown: true });
      await revealed;
      expect(await revealedOnPhone).toMatchObject({ results: { respondents: 3 } });

      // A phone joining now gets the revealed results at once.
      const late = await phone();
      await late.waitFor((m) => m.type === 'results' && m.results.slideId === slides.held.id);

      const cleared = nextState(phones[2]!, (state) => state.round === 1);
      screen.send({ type: 'reset-results', slideId: slides.held.id });
      expect((stateOf(await cleared) as SessionState).resultsShown).toBe(false);
    },
  );

  it.skipIf(dialect.skipReason)('shows a question that chose live results at once, whatever the deck’s default', async () => {
    const shown = nextState(screen, (state) => state.slide?.id === slides.live.id);
    screen.send({ type: 'goto', slideId: slides.live.id });
    expect((stateOf(await shown) as SessionState).resultsShown).toBe(true);
    const onContent = nextState(screen, (state) => state.slide?.id === slides.content.id);
    screen.send({ type: 'goto', slideId: slides.content.id });
    expect((stateOf(await onContent) as SessionState).resultsShown).toBe(true);
  });
});
