import type { PacedSlide, Presentation, ServerMessage, SessionInfo, SessionReport, SessionState, Slide } from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../clock.js';
import { type HttpClient, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const stateOf = (m: ServerMessage): SessionState | null => (m.type === 'state' || m.type === 'welcome' ? m.state : null);
const countsOf = (m: ServerMessage) => (m.type === 'results' && m.results.kind === 'choice' ? m.results.counts : null);

describe.each(dialects)('a session at the audience’s own pace, and following from afar, on $name', (dialect) => {
  let server: TestServer;
  let presenter: HttpClient;
  let deck: Presentation;
  let session: SessionInfo;
  let screen: LiveClient;
  const sockets: LiveClient[] = [];
  // The server's clock runs on from the real one, so a session's end can be passed without waiting.
  let skipped = 0;
  const clock: Clock = { now: () => new Date(Date.now() + skipped) };
  const slides: Record<'intro' | 'roll' | 'ord' | 'fritt' | 'quiz' | 'fragor', Slide> = {} as never;
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

  async function phone(code = session.code): Promise<LiveClient> {
    const joined = await LiveClient.join(server.wsUrl, code);
    sockets.push(joined);
    return joined;
  }

  async function host(sessionId = session.id): Promise<LiveClient> {
    const hosting = await LiveClient.host(server.wsUrl, sessionId, presenter.cookieHeader);
    sockets.push(hosting);
    return hosting;
  }

  const nextState = (socket: LiveClient, match: (state: SessionState) => boolean) =>
    socket.nextMatching((m) => {
      const state = stateOf(m);
      return state !== null && match(state);
    });

  /** Everything the socket sent before has been handled once the pong to this ping is back: replies keep their order. */
  async function settled(socket: LiveClient): Promise<void> {
    const t = Math.random();
    const pong = socket.nextMatching((m) => m.type === 'pong' && m.t === t);
    socket.send({ type: 'ping', t });
    await pong;
  }

  const choice = (optionId: string) => ({ kind: 'choice', optionIds: [optionId] });

  async function report(sessionId: string): Promise<SessionReport> {
    return (await presenter.get(`/api/sessions/${sessionId}/report`)).body as SessionReport;
  }

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect, {}, { clock });
    presenter = await signedUpClient(server.url);
    deck = (await presenter.post('/api/presentations', { title: 'Kurs i egen takt' })).body as Presentation;
    await presenter.patch(`/api/presentations/${deck.id}`, { anonymityThreshold: 3 });
    slides.intro = deck.slides[0]!;
    slides.roll = await addSlide({ kind: 'choice', question: 'Vilken roll har du?', options, showResultsOnPhones: true, notes: 'Hemligt' });
    slides.ord = await addSlide({ kind: 'wordcloud', question: 'Ett ord om förändring?', maxEntries: 1, reveal: 'on-reveal' });
    slides.fritt = await addSlide({ kind: 'open', question: 'Vad tar du med dig?' });
    slides.quiz = await addSlide({
      kind: 'quiz',
      question: 'Vilket år?',
      options: [
        { id: 'a', label: '2020' },
        { id: 'b', label: '2025' },
      ],
      correct: ['b'],
      seconds: null,
    });
    slides.fragor = await addSlide({ kind: 'qa', question: 'Frågor?', anytime: false });
    session = (await presenter.post(`/api/presentations/${deck.id}/sessions`)).body as SessionInfo;
    screen = await host();
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.stop();
  });

  it.skipIf(dialect.skipReason)('refuses a pace from a phone, an end in the past or too far ahead, and changes nothing', async () => {
    const someone = await phone();
    someone.send({ type: 'set-pace', pace: 'audience' });
    expect(await someone.next('error')).toMatchObject({ code: 'forbidden' });

    const now = clock.now().getTime();
    const refusals: [unknown, RegExp][] = [
      [{ type: 'set-pace', pace: 'audience', openUntil: new Date(now - HOUR_MS).toISOString() }, /future/],
      [{ type: 'set-pace', pace: 'audience', openUntil: new Date(now + 91 * DAY_MS).toISOString() }, /90 days/],
      [{ type: 'set-pace', pace: 'audience', openUntil: '2026-12-17' }, /openUntil/],
      [{ type: 'set-pace', pace: 'audience', openUntil: 'next week' }, /openUntil/],
      [{ type: 'set-pace', pace: 'audience', openUntil: now + DAY_MS }, /openUntil/],
      [{ type: 'set-pace', pace: 'self' }, /pace/],
      [{ type: 'set-pace', pace: 'audience', openUntil: null, extra: 1 }, /extra/],
    ];
    for (const [message, reason] of refusals) {
      screen.send(message);
      const error = await screen.next('error');
      expect(error.code).toBe('validation_failed');
      expect(error.message).toMatch(reason);
    }
    someone.send({ type: 'view', slideId: 'no-such-slide' });
    expect(await someone.next('error')).toMatchObject({ code: 'unknown_slide' });
    someone.send({ type: 'view', slideId: 'bad id!' });
    expect(await someone.next('error')).toMatchObject({ code: 'validation_failed' });
    screen.send({ type: 'view', slideId: slides.roll.id });
    expect(await screen.next('error')).toMatchObject({ code: 'not_joined' });
    screen.send({ type: 'follow', on: true });
    expect(await screen.next('error')).toMatchObject({ code: 'not_joined' });

    const state = stateOf(await (await host()).waitFor((m) => m.type === 'welcome')) as SessionState;
    expect(state).toMatchObject({ pace: 'presenter', openUntil: null, seq: 1 });
  });

  it.skipIf(dialect.skipReason)('moves to the audience’s pace: phones get every slide as phones may see it', async () => {
    const before = await phone();
    const openUntil = new Date(clock.now().getTime() + 14 * DAY_MS);
    // An end given with an offset is kept as the same moment in UTC.
    const offset = `${openUntil.toISOString().slice(0, 19)}+00:00`;
    const paced = nextState(screen, (state) => state.pace === 'audience');
    const deckSent = before.next('deck');
    screen.send({ type: 'set-pace', pace: 'audience', openUntil: offset });
    expect(stateOf(await paced)).toMatchObject({ pace: 'audience', openUntil: `${offset.slice(0, 19)}.000Z` });

    const { slides: sent } = await deckSent;
    expect(sent.map((entry) => entry.slide.id)).toEqual(
      [slides.intro, slides.roll, slides.ord, slides.fritt, slides.quiz, slides.fragor].map((s) => s.id),
    );
    const byId = new Map(sent.map((entry): [string, PacedSlide] => [entry.slide.id, entry]));
    expect(byId.get(slides.roll.id)).toMatchObject({ votingOpen: true, round: 0, resultsShown: true, slide: { notes: '' } });
    // The right option stays on the server; a held word cloud says its results wait.
    expect(byId.get(slides.quiz.id)?.slide).toMatchObject({ kind: 'quiz', correct: [] });
    expect(byId.get(slides.ord.id)).toMatchObject({ resultsShown: false, votingOpen: true });
    expect(byId.get(slides.intro.id)).toMatchObject({ votingOpen: false, resultsShown: true });

    const late = await phone();
    const welcome = await late.waitFor((m) => m.type === 'welcome');
    expect(welcome.type === 'welcome' && welcome.deck).toEqual(sent);
    const otherScreen = await host();
    const hostWelcome = await otherScreen.waitFor((m) => m.type === 'welcome');
    expect(hostWelcome.type === 'welcome' && hostWelcome.deck).toBeUndefined();
  });

  it.skipIf(dialect.skipReason)('takes answers from three phones on different slides, counted exactly for the presenter', async () => {
    const [p1, p2, p3] = [await phone(), await phone(), await phone()];
    p1.send({ type: 'view', slideId: slides.roll.id });
    p2.send({ type: 'view', slideId: slides.ord.id });
    p3.send({ type: 'view', slideId: slides.fritt.id });
    expect(await p1.answer(slides.roll.id, choice('tj'))).toMatchObject({ type: 'ack' });
    // One answer is fewer than k: the phone on that slide is told only how many answered.
    expect(await p1.waitFor((m) => m.type === 'withheld' && m.slideId === slides.roll.id)).toMatchObject({ respondents: 1 });
    expect(await p2.answer(slides.ord.id, { kind: 'wordcloud', entries: ['Mod'] })).toMatchObject({ type: 'ack' });
    expect(await p3.answer(slides.fritt.id, { kind: 'open', text: 'Tillit' })).toMatchObject({ type: 'ack' });
    // No slide is the room's, so a reaction from a crafted client has nothing to count for.
    p3.send({ type: 'react', reaction: 'heart' });
    expect(await p3.next('error')).toMatchObject({ code: 'reactions_off' });

    p2.send({ type: 'view', slideId: slides.roll.id });
    expect(await p2.answer(slides.roll.id, choice('ch'))).toMatchObject({ type: 'ack' });
    p3.send({ type: 'view', slideId: slides.roll.id });
    expect(await p3.answer(slides.roll.id, choice('ch'))).toMatchObject({ type: 'ack' });
    p1.send({ type: 'view', slideId: slides.ord.id });
    expect(await p1.answer(slides.ord.id, { kind: 'wordcloud', entries: ['Mod'] })).toMatchObject({ type: 'ack' });
    expect(await p3.answer(slides.ord.id, { kind: 'wordcloud', entries: ['Tillit'] })).toMatchObject({ type: 'ack' });
    // A Q&A that is not the presenter's slide takes questions at the audience's pace, and shows them to its viewers.
    expect(await p1.ask(slides.fragor.id, 'Hur fortsätter vi?')).toMatchObject({ type: 'asked' });
    p1.send({ type: 'view', slideId: slides.fragor.id });
    await p1.waitFor((m) => m.type === 'results' && m.results.kind === 'qa' && m.results.total === 1);
    expect(await p2.ask(slides.fragor.id, 'Och sedan?')).toMatchObject({ type: 'asked' });
    await p1.waitFor((m) => m.type === 'results' && m.results.kind === 'qa' && m.results.total === 2);

    const expected = [
      { optionId: 'tj', count: 1 },
      { optionId: 'ch', count: 2 },
      { optionId: 'po', count: 0 },
    ];
    await screen.waitFor((m) => JSON.stringify(countsOf(m)) === JSON.stringify(expected));
    await screen.waitFor((m) => m.type === 'results' && m.results.slideId === slides.ord.id && m.results.respondents === 3);
    const words = screen.messages.findLast((m) => m.type === 'results' && m.results.slideId === slides.ord.id);
    expect(words?.type === 'results' && words.results.kind === 'wordcloud' && words.results.words.map((w) => [w.text, w.count])).toEqual([
      ['Mod', 2],
      ['Tillit', 1],
    ]);
    await screen.waitFor((m) => m.type === 'results' && m.results.slideId === slides.fritt.id && m.results.respondents === 1);

    // The phones still on the choice question see its results once three have answered; a word cloud shows on no phone.
    const onRoll = await p3.waitFor((m) => JSON.stringify(countsOf(m)) === JSON.stringify(expected));
    expect(onRoll).toMatchObject({ results: { respondents: 3 } });
    await settled(p1);
    expect(p1.messages.some((m) => m.type === 'results' && m.results.slideId === slides.ord.id)).toBe(false);
    expect(p2.messages.some((m) => m.type === 'results' && m.results.slideId === slides.ord.id)).toBe(false);
    const stored = await report(session.id);
    expect(stored.session.answers).toBe(7);
  });

  it.skipIf(dialect.skipReason)('sends phones the deck again when the presenter edits a slide or closes a question', async () => {
    const someone = await phone();
    const edited = someone.nextMatching(
      (m) => m.type === 'deck' && m.slides.some((e) => e.slide.kind === 'open' && e.slide.question === 'Vad tar du med dig hem?'),
    );
    const saved = await presenter.put(`/api/presentations/${deck.id}/slides/${slides.fritt.id}`, {
      ...slides.fritt,
      question: 'Vad tar du med dig hem?',
    });
    expect(saved.status).toBe(200);
    await edited;

    const closed = someone.nextMatching((m) => m.type === 'deck' && m.slides.some((e) => e.slide.id === slides.fritt.id && !e.votingOpen));
    screen.send({ type: 'set-voting', slideId: slides.fritt.id, open: false });
    await closed;
    expect(await someone.answer(slides.fritt.id, { kind: 'open', text: 'Sent' })).toMatchObject({ type: 'error', code: 'voting_closed' });
  });

  it.skipIf(dialect.skipReason)('goes back to the presenter’s pace with every answer kept', async () => {
    const someone = await phone();
    const back = nextState(someone, (state) => state.pace === 'presenter');
    screen.send({ type: 'set-pace', pace: 'presenter' });
    expect(stateOf(await back)).toMatchObject({ pace: 'presenter', openUntil: null });

    const onRoll = someone.nextMatching((m) => m.type === 'results' && m.results.slideId === slides.roll.id);
    screen.send({ type: 'goto', slideId: slides.roll.id });
    expect(countsOf(await onRoll)).toEqual([
      { optionId: 'tj', count: 1 },
      { optionId: 'ch', count: 2 },
      { optionId: 'po', count: 0 },
    ]);
    expect((await report(session.id)).session.answers).toBe(7);
    // A phone joining now follows the presenter: no deck.
    const joined = await phone();
    const welcome = await joined.waitFor((m) => m.type === 'welcome');
    expect(welcome.type === 'welcome' && welcome.deck).toBeUndefined();
  });

  it.skipIf(dialect.skipReason)('sends a phone following from afar the big screen’s results of any kind, once they may show', async () => {
    const away = await phone();
    const inRoom = await phone();
    const onWords = nextState(away, (state) => state.slide?.id === slides.ord.id);
    screen.send({ type: 'goto', slideId: slides.ord.id });
    expect(stateOf(await onWords)?.resultsShown).toBe(false);
    away.send({ type: 'follow', on: true });
    await settled(away);
    // Held until revealed, as on the big screen.
    expect(away.messages.some((m) => m.type === 'results' && m.results.slideId === slides.ord.id)).toBe(false);

    const revealed = away.nextMatching((m) => m.type === 'results' && m.results.slideId === slides.ord.id);
    screen.send({ type: 'reveal-results', slideId: slides.ord.id, shown: true });
    const words = await revealed;
    expect(words.type === 'results' && words.results.kind === 'wordcloud' && words.results.respondents).toBe(3);
    await inRoom.waitFor((m) => stateOf(m)?.resultsShown === true);
    await settled(inRoom);
    expect(inRoom.messages.some((m) => m.type === 'results' && m.results.slideId === slides.ord.id)).toBe(false);

    // A quiz shows no figures while it takes answers, and then does.
    for (const who of [away, inRoom, await phone()]) {
      expect(await who.answer(slides.quiz.id, { kind: 'quiz', optionIds: ['b'] })).toMatchObject({ type: 'ack' });
    }
    const onQuiz = nextState(away, (state) => state.slide?.id === slides.quiz.id);
    screen.send({ type: 'goto', slideId: slides.quiz.id });
    await onQuiz;
    await settled(away);
    expect(away.messages.some((m) => m.type === 'results' && m.results.slideId === slides.quiz.id)).toBe(false);
    const quizResults = away.nextMatching((m) => m.type === 'results' && m.results.slideId === slides.quiz.id);
    screen.send({ type: 'set-voting', slideId: slides.quiz.id, open: false });
    expect(await quizResults).toMatchObject({ results: { kind: 'quiz', respondents: 3, correct: 3 } });

    // Unfollowed, the next change sends nothing.
    away.send({ type: 'follow', on: false });
    await settled(away);
    const count = away.messages.filter((m) => m.type === 'results').length;
    screen.send({ type: 'goto', slideId: slides.ord.id });
    await nextState(away, (state) => state.slide?.id === slides.ord.id);
    await settled(away);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(away.messages.filter((m) => m.type === 'results').length).toBe(count);
  });

  it.skipIf(dialect.skipReason)('refuses answers and questions once the session has closed, storing nothing', async () => {
    const later = (await presenter.post(`/api/presentations/${deck.id}/sessions`)).body as SessionInfo;
    const laterScreen = await host(later.id);
    const openUntil = new Date(clock.now().getTime() + HOUR_MS).toISOString();
    const paced = nextState(laterScreen, (state) => state.pace === 'audience');
    laterScreen.send({ type: 'set-pace', pace: 'audience', openUntil });
    await paced;
    const someone = await phone(later.code);
    expect(await someone.answer(slides.roll.id, choice('tj'))).toMatchObject({ type: 'ack' });

    skipped += 2 * HOUR_MS;
    const refused = await someone.answer(slides.roll.id, choice('po'));
    expect(refused).toMatchObject({ type: 'error', code: 'session_closed' });
    expect(refused.type === 'error' && refused.message).toContain(openUntil);
    expect(await someone.answer(slides.ord.id, { kind: 'wordcloud', entries: ['Sent'] })).toMatchObject({ code: 'session_closed' });
    expect(await someone.ask(slides.fragor.id, 'För sent?')).toMatchObject({ type: 'error', code: 'session_closed' });
    // A phone joining now still may look: the deck says nothing takes answers.
    const look = await phone(later.code);
    const welcome = await look.waitFor((m) => m.type === 'welcome');
    expect(welcome.type === 'welcome' && welcome.deck?.every((entry) => !entry.votingOpen)).toBe(true);
    expect((await report(later.id)).session.answers).toBe(1);
  });
});
