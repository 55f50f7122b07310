import type { ErrorCode, Presentation, ServerMessage, SessionInfo, SessionState, Slide } from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

type Scored = Extract<ServerMessage, { type: 'score' }>;
const isScore = (m: ServerMessage): m is Scored => m.type === 'score';

describe.each(dialects)('quizzes over the live channel on $name', (dialect) => {
  let server: TestServer;
  let presenter: HttpClient;
  let deck: Presentation;
  let session: SessionInfo;
  let screen: LiveClient;
  const sockets: LiveClient[] = [];
  const slides: Record<'timed' | 'untimed' | 'board', Slide> = {} as never;

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

  async function nickname(who: LiveClient, typed: string): Promise<ServerMessage> {
    const clientId = `n${Math.random().toString(36).slice(2, 12)}`;
    const reply = who.nextMatching((m) => (m.type === 'nickname' || m.type === 'error') && m.clientId === clientId);
    who.send({ type: 'set-nickname', clientId, nickname: typed });
    return reply;
  }

  const options = [
    { id: 'a', label: '2011' },
    { id: 'b', label: '2014' },
    { id: 'c', label: '2016' },
  ];

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect);
    presenter = await signedUpClient(server.url);
    deck = (await presenter.post('/api/presentations', { title: 'Frågesport' })).body as Presentation;
    slides.timed = await addSlide({ kind: 'quiz', question: 'När?', options, correct: ['b'], seconds: 30 });
    slides.untimed = await addSlide({ kind: 'quiz', question: 'Vilka?', options, correct: ['a', 'c'], multiple: true, seconds: null });
    slides.board = await addSlide({ kind: 'leaderboard', heading: 'Topplista', podium: true });
    session = (await presenter.post(`/api/presentations/${deck.id}/sessions`)).body as SessionInfo;
    screen = await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader);
    sockets.push(screen);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.stop();
  });

  it.skipIf(dialect.skipReason)('gives each phone a unique nickname, and refuses a taken, empty, long or offensive one', async () => {
    const [anna, bo] = [await phone(), await phone()];
    expect(await nickname(anna, '  Anna  ')).toMatchObject({ type: 'nickname', nickname: 'Anna' });
    const cases: [string, ErrorCode][] = [
      ['ANNA', 'nickname_taken'],
      ['Ａｎｎａ', 'nickname_taken'],
      ['   ', 'empty_answer'],
      ['x'.repeat(25), 'too_long'],
      ['Fitta', 'nickname_refused'],
    ];
    for (const [typed, code] of cases) expect(await nickname(bo, typed), typed).toMatchObject({ type: 'error', code });
    expect(await nickname(bo, 'Bo')).toMatchObject({ type: 'nickname', nickname: 'Bo' });
    // A phone that comes back is still Anna.
    const welcome = anna.messages.find((m) => m.type === 'welcome');
    const again = await LiveClient.join(server.wsUrl, session.code, welcome?.type === 'welcome' ? welcome.participantToken : undefined);
    sockets.push(again);
    expect(again.messages.find((m) => m.type === 'welcome')).toMatchObject({ nickname: 'Anna' });
  });

  it.skipIf(dialect.skipReason)(
    'starts the countdown when a quiz is shown, hides the right answer from phones, and scores it when it closes',
    async () => {
      const [fast, slow, wrong] = [await phone(), await phone(), await phone()];
      const shown = fast.nextMatching((m) => m.type === 'state' && m.state.slide?.id === slides.timed.id);
      screen.send({ type: 'goto', slideId: slides.timed.id });
      const state = await shown;
      expect(state.type === 'state' && state.state.closesInMs).toBeGreaterThan(25_000);
      expect(state.type === 'state' && state.state.slide).toMatchObject({ kind: 'quiz', correct: [] });

      expect(await fast.answer(slides.timed.id, { kind: 'quiz', optionIds: ['b'] })).toMatchObject({ type: 'ack' });
      expect(await wrong.answer(slides.timed.id, { kind: 'quiz', optionIds: ['a'] })).toMatchObject({ type: 'ack' });
      expect(await slow.answer(slides.timed.id, { kind: 'quiz', optionIds: ['b', 'c'] })).toMatchObject({
        type: 'error',
        code: 'too_many_entries',
      });
      // A quiz answer is final.
      expect(await fast.answer(slides.timed.id, { kind: 'quiz', optionIds: ['c'] })).toMatchObject({
        type: 'error',
        code: 'already_answered',
      });
      const counted = await screen.waitFor((m) => m.type === 'results' && m.results.kind === 'quiz' && m.results.respondents === 2);
      expect(counted.type === 'results' && counted.results).toMatchObject({ correct: 1 });

      const scored = Promise.all([fast, slow, wrong].map((who) => who.nextMatching(isScore)));
      screen.send({ type: 'set-voting', slideId: slides.timed.id, open: false });
      const [fastScore, slowScore, wrongScore] = (await scored) as Scored[];
      expect(fastScore!.score).toMatchObject({ rank: 1, last: { answered: true, correct: true, correctOptionIds: ['b'] } });
      // Answered in the first moments of 30 s: nearly all the points, however soon the presenter closed.
      expect(fastScore!.score.total).toBeGreaterThan(950);
      expect(wrongScore!.score).toMatchObject({ total: 0, rank: 2, players: 2, last: { answered: true, correct: false, points: 0 } });
      expect(slowScore!.score).toMatchObject({ total: 0, rank: null, last: { answered: false } });
      expect(await slow.answer(slides.timed.id, { kind: 'quiz', optionIds: ['b'] })).toMatchObject({
        type: 'error',
        code: 'voting_closed',
      });
    },
  );

  it.skipIf(dialect.skipReason)('runs a quiz without countdown at full points, and a leaderboard of both by nickname', async () => {
    const anna = sockets.find((socket) => socket.messages.some((m) => m.type === 'nickname' && m.nickname === 'Anna'))!;
    screen.send({ type: 'goto', slideId: slides.untimed.id });
    await anna.waitFor((m) => m.type === 'state' && m.state.slide?.id === slides.untimed.id && m.state.closesInMs === null);
    expect(await anna.answer(slides.untimed.id, { kind: 'quiz', optionIds: ['c', 'a'] })).toMatchObject({ type: 'ack' });

    const board = screen.nextMatching((m) => m.type === 'results' && m.results.kind === 'leaderboard');
    const told = anna.nextMatching(isScore);
    screen.send({ type: 'goto', slideId: slides.board.id });
    const results = await board;
    const leaderboard = results.type === 'results' && results.results.kind === 'leaderboard' ? results.results : null;
    expect(leaderboard).toMatchObject({ quizzes: 2, respondents: 3 });
    // The fast phone answered in the first moments of 30 s: as good as all its points, level with or just behind Anna.
    expect(leaderboard?.entries).toContainEqual({ rank: 1, nickname: 'Anna', held: null, score: 1000 });
    expect(leaderboard?.entries.at(-1)).toEqual({ rank: 3, nickname: null, held: null, score: 0 });
    expect(((await told) as Scored).score).toMatchObject({ total: 1000, rank: 1, players: 3, last: null });
    const report = await presenter.get(`/api/sessions/${session.id}/report`);
    expect(report.status).toBe(200);
    const csv = await presenter.get(`/api/sessions/${session.id}/export?format=csv`);
    expect(csv.text).toContain('Topplista');
  });

  it.skipIf(dialect.skipReason)('lets the presenter hide a nickname or hold them for approval, never telling phones', async () => {
    const anna = sockets.find((socket) => socket.messages.some((m) => m.type === 'nickname' && m.nickname === 'Anna'))!;
    type Board = Extract<ServerMessage, { type: 'results' }> & { results: { kind: 'leaderboard' } };
    /** The next leaderboard `who` gets in which the player of 1000 points named `nickname` is held so. */
    const boardWith = (who: LiveClient, nickname: string | null, held: string | null) =>
      who.waitFor(
        (m) =>
          m.type === 'results' &&
          m.results.kind === 'leaderboard' &&
          m.results.entries.some((entry) => entry.nickname === nickname && entry.held === held && entry.score === 1000),
      ) as Promise<Board>;
    const moderate = (message: Record<string, unknown>, from = screen) => {
      const reply = from.nextMatching((m) => m.type === 'error' || (m.type === 'results' && m.results.kind === 'leaderboard'));
      from.send({ type: 'moderate-nickname', ...message });
      return reply;
    };

    await moderate({ nickname: 'anna', action: 'hide' });
    await boardWith(screen, 'Anna', 'hidden');
    // A phone never learns a hidden name.
    const phoneBoard = await anna.waitFor(
      (m) => m.type === 'results' && m.results.kind === 'leaderboard' && !m.results.entries.some((entry) => entry.nickname === 'Anna'),
    );
    expect(JSON.stringify(phoneBoard)).not.toContain('Anna');

    await moderate({ nickname: 'Anna', action: 'approve' });
    await boardWith(screen, 'Anna', null);
    // Approval first holds every name not yet approved: Anna's stays approved, until she takes another.
    screen.send({ type: 'set-approve-first', slideId: slides.board.id, on: true });
    await screen.waitFor((m) => m.type === 'state' && m.state.slide?.kind === 'leaderboard' && m.state.slide.approveFirst);
    expect(await nickname(anna, 'Anna B')).toMatchObject({ type: 'nickname' });
    await boardWith(screen, 'Anna B', 'pending');
    await moderate({ nickname: 'ANNA B', action: 'approve' });
    await boardWith(screen, 'Anna B', null);

    const bad: [Record<string, unknown>, LiveClient, ErrorCode][] = [
      [{ nickname: 'Nobody', action: 'hide' }, screen, 'not_found'],
      [{ nickname: '', action: 'hide' }, screen, 'validation_failed'],
      [{ nickname: 'Anna B', action: 'delete' }, screen, 'validation_failed'],
      [{ nickname: 'Anna B', action: 'hide' }, anna, 'forbidden'],
    ];
    for (const [message, from, code] of bad) {
      expect(await moderate(message, from), JSON.stringify(message)).toMatchObject({ type: 'error', code });
    }
    screen.send({ type: 'set-approve-first', slideId: slides.board.id, on: false });
  });

  it.skipIf(dialect.skipReason)(
    'waits for the room to see a quiz, and keeps a pause on the server that stops the clock of speed points',
    async () => {
      // A deck of its own whose first slide is a quiz: the session opens on it under the join screen.
      const own = (await presenter.post('/api/presentations', { title: 'Paus' })).body as Presentation;
      for (const slide of own.slides) await presenter.delete(`/api/presentations/${own.id}/slides/${slide.id}`);
      const blank = (await presenter.post(`/api/presentations/${own.id}/slides`, { kind: 'quiz' })).body as Slide;
      const quiz = { kind: 'quiz', id: blank.id, question: 'Paus?', options, correct: ['b'], seconds: 10 };
      expect((await presenter.put(`/api/presentations/${own.id}/slides/${blank.id}`, quiz)).status).toBe(200);
      const started = (await presenter.post(`/api/presentations/${own.id}/sessions`)).body as SessionInfo;
      const host = await LiveClient.host(server.wsUrl, started.id, presenter.cookieHeader);
      const player = await LiveClient.join(server.wsUrl, started.code);
      sockets.push(host, player);
      const stateOf = async (who: LiveClient, match: (state: SessionState) => boolean) =>
        ((await who.waitFor((m) => m.type === 'state' && match(m.state))) as Extract<ServerMessage, { type: 'state' }>).state;
      const steer = (message: Record<string, unknown>, from = host) => {
        const reply = from.nextMatching((m) => m.type === 'error' || m.type === 'state');
        from.send({ type: 'countdown', slideId: blank.id, ...message });
        return reply;
      };

      const welcome = player.messages.find((m) => m.type === 'welcome');
      expect(welcome?.type === 'welcome' && welcome.state).toMatchObject({ awaitingStart: true, votingOpen: false, closesInMs: null });
      expect(await player.answer(blank.id, { kind: 'quiz', optionIds: ['b'] })).toMatchObject({ type: 'error', code: 'voting_closed' });

      // Lifting the join screen shows the quiz to the room: its countdown starts, and at once the presenter pauses it.
      host.send({ type: 'set-screen', joinScreen: false });
      const running = await stateOf(player, (state) => state.closesInMs !== null);
      expect(running).toMatchObject({ awaitingStart: false, votingOpen: true, pausedLeftMs: null });
      expect(running.closesInMs).toBeGreaterThan(5_000);
      expect(await steer({ action: 'pause' })).toMatchObject({ type: 'state', state: { closesInMs: null, votingOpen: true } });
      const paused = await stateOf(player, (state) => state.pausedLeftMs !== null);
      expect(paused.pausedLeftMs).toBeGreaterThan(5_000);

      // A reloaded console learns of the pause from the server.
      const reloaded = await LiveClient.host(server.wsUrl, started.id, presenter.cookieHeader);
      sockets.push(reloaded);
      const rewelcome = reloaded.messages.find((m) => m.type === 'welcome');
      expect(rewelcome?.type === 'welcome' && rewelcome.state).toMatchObject({ pausedLeftMs: paused.pausedLeftMs });

      expect(await steer({ action: 'extend', seconds: 15 })).toMatchObject({ state: { pausedLeftMs: paused.pausedLeftMs! + 15_000 } });
      // Answered 4 s into the pause: the countdown had run only the moment between start and pause.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      expect(await player.answer(blank.id, { kind: 'quiz', optionIds: ['b'] })).toMatchObject({ type: 'ack' });
      const resumed = await steer({ action: 'resume' });
      expect(resumed.type === 'state' && resumed.state.closesInMs).toBeGreaterThan(15_000);

      const bad: [Record<string, unknown>, LiveClient, ErrorCode][] = [
        [{ action: 'extend' }, host, 'validation_failed'],
        [{ action: 'pause', seconds: 5 }, host, 'validation_failed'],
        [{ action: 'stop' }, host, 'validation_failed'],
        [{ action: 'pause' }, player, 'forbidden'],
      ];
      for (const [message, from, code] of bad) {
        expect(await steer(message, from), JSON.stringify(message)).toMatchObject({ type: 'error', code });
      }

      const scored = player.nextMatching(isScore);
      host.send({ type: 'set-voting', slideId: blank.id, open: false });
      // 1000 points less half the share of 10 s used: 4 s of pause counted would leave at most 800.
      expect(((await scored) as Scored).score.total).toBeGreaterThanOrEqual(900);
      expect(await steer({ action: 'pause' })).toMatchObject({ type: 'error', code: 'voting_closed' });
      expect(await steer({ action: 'resume' })).toMatchObject({ type: 'error', code: 'voting_closed' });
    },
  );

  it.skipIf(dialect.skipReason)('refuses to start a countdown where there is none to start', async () => {
    const steer = (slideId: string) => {
      const reply = screen.nextMatching((m) => m.type === 'error' || m.type === 'state');
      screen.send({ type: 'countdown', slideId, action: 'start' });
      return reply;
    };
    expect(await steer(slides.untimed.id)).toMatchObject({ type: 'error', code: 'validation_failed' });
    expect(await steer(slides.board.id)).toMatchObject({ type: 'error', code: 'not_a_question' });
    expect(await steer('missing')).toMatchObject({ type: 'error', code: 'unknown_slide' });
  });

  it.skipIf(dialect.skipReason)('gives everyone twice the time when the deck says so', async () => {
    const patched = await presenter.patch(`/api/presentations/${deck.id}`, { extendedTime: true });
    expect(patched.body).toMatchObject({ extendedTime: true });
    const reset = screen.nextMatching((m) => m.type === 'state' && m.state.slide?.id === slides.timed.id && m.state.votingOpen);
    screen.send({ type: 'goto', slideId: slides.timed.id });
    screen.send({ type: 'reset-results', slideId: slides.timed.id });
    const state = await reset;
    expect(state.type === 'state' && state.state.closesInMs).toBeGreaterThan(55_000);
  });
});
