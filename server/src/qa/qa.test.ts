import type { ErrorCode, Presentation, QaResults, ServerMessage, SessionInfo, Slide } from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

const isQa = (m: ServerMessage, slideId: string): m is Extract<ServerMessage, { type: 'results' }> & { results: QaResults } =>
  m.type === 'results' && m.results.kind === 'qa' && m.results.slideId === slideId;

describe.each(dialects)('Q&A over the live channel on $name', (dialect) => {
  let server: TestServer;
  let presenter: HttpClient;
  let deck: Presentation;
  let session: SessionInfo;
  let screen: LiveClient;
  const sockets: LiveClient[] = [];
  const slides: Record<'open' | 'moderated' | 'onlyShown' | 'choice', Slide> = {} as never;

  const count = async (table: 'qa_questions' | 'qa_votes') =>
    Number(
      (
        await server.ettor.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

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

  /** The presenter's next Q&A results that satisfy `until`. */
  const screenShows = (slideId: string, until: (results: QaResults) => boolean) =>
    screen.nextMatching((m) => isQa(m, slideId) && until(m.results)) as Promise<{ results: QaResults }>;

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect);
    presenter = await signedUpClient(server.url);
    deck = (await presenter.post('/api/presentations', { title: 'Frågor' })).body as Presentation;
    slides.open = await addSlide({ kind: 'qa', question: 'Frågor till oss?', maxLength: 50, names: false });
    slides.moderated = await addSlide({ kind: 'qa', question: 'Granskade frågor', approveFirst: true, anytime: false });
    slides.onlyShown = await addSlide({ kind: 'qa', question: 'Bara när den visas', anytime: false });
    slides.choice = await addSlide({
      kind: 'choice',
      question: 'Roll?',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    });
    session = (await presenter.post(`/api/presentations/${deck.id}/sessions`)).body as SessionInfo;
    screen = await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader);
    sockets.push(screen);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.stop();
  });

  it.skipIf(dialect.skipReason)('tells phones which Q&A takes questions from any slide', async () => {
    const asker = await phone();
    const welcome = asker.messages.find((m) => m.type === 'welcome');
    expect(welcome?.type === 'welcome' && welcome.state.askAnytime?.id).toBe(slides.open.id);
    expect(welcome?.type === 'welcome' && welcome.questions).toEqual({ asked: [], upvoted: [] });
  });

  it.skipIf(dialect.skipReason)('refuses each bad question with its code and stores nothing of it', async () => {
    const asker = await phone();
    const cases: [slideId: string, text: unknown, name: unknown, code: ErrorCode][] = [
      [slides.open.id, '   ', undefined, 'empty_answer'],
      [slides.open.id, 'x'.repeat(51), undefined, 'too_long'],
      [slides.open.id, 'Varför?', 'Anna', 'validation_failed'],
      [slides.open.id, 42, undefined, 'validation_failed'],
      [slides.open.id, 'Trasig \ud800', undefined, 'validation_failed'],
      ['nope', 'Varför?', undefined, 'unknown_slide'],
      [slides.choice.id, 'Varför?', undefined, 'wrong_answer_kind'],
      [slides.onlyShown.id, 'Varför?', undefined, 'voting_closed'],
    ];
    for (const [slideId, text, name, code] of cases) {
      expect(await asker.ask(slideId, text, name), JSON.stringify([text, name])).toMatchObject({ type: 'error', code });
    }
    expect(await count('qa_questions')).toBe(0);
  });

  it.skipIf(dialect.skipReason)('asks from any slide, counts upvotes once each and refuses the rest', async () => {
    screen.send({ type: 'goto', slideId: slides.choice.id });
    const [anna, bo, cecilia] = [await phone(), await phone(), await phone()];
    const asked = await anna.ask(slides.open.id, '  Hur börjar vi?  ');
    expect(asked).toMatchObject({ type: 'asked', question: { text: 'Hur börjar vi?', name: null, status: 'shown', votes: 0 } });
    const questionId = asked.type === 'asked' ? asked.question.id : '';
    // A retry of the same message is the same question.
    const clientId = asked.type === 'asked' ? asked.clientId : '';
    expect(await anna.ask(slides.open.id, 'Hur börjar vi?', undefined, clientId)).toMatchObject({ question: { id: questionId } });
    expect(await count('qa_questions')).toBe(1);

    const bad: [LiveClient, string, boolean, ErrorCode][] = [
      [anna, questionId, true, 'own_question'],
      [bo, questionId, false, 'not_voted'],
      [bo, 'no-such-question', true, 'not_found'],
    ];
    for (const [who, id, up, code] of bad) expect(await who.upvote(id, up)).toMatchObject({ type: 'error', code });
    expect(await bo.upvote(questionId, true, 'bo-vote-0001')).toMatchObject({ type: 'upvoted', questionId, up: true });
    // The same upvote resent (its confirmation lost) is confirmed again; a second one is refused.
    expect(await bo.upvote(questionId, true, 'bo-vote-0001')).toMatchObject({ type: 'upvoted', questionId, up: true });
    expect(await bo.upvote(questionId)).toMatchObject({ type: 'error', code: 'already_voted' });
    expect(await cecilia.upvote(questionId)).toMatchObject({ type: 'upvoted' });
    expect(await cecilia.upvote(questionId, false)).toMatchObject({ type: 'upvoted', up: false });
    expect(await count('qa_votes')).toBe(1);

    const shown = screenShows(slides.open.id, (results) => results.questions[0]?.votes === 1);
    screen.send({ type: 'goto', slideId: slides.open.id });
    expect((await shown).results).toMatchObject({ respondents: 1, total: 1, pending: 0, questions: [{ id: questionId, votes: 1 }] });

    // Rejoining with the same identity gives the phone back its question and its vote.
    const token = bo.messages.find((m) => m.type === 'welcome');
    const again = await LiveClient.join(server.wsUrl, session.code, token?.type === 'welcome' ? token.participantToken : undefined);
    sockets.push(again);
    const welcome = again.messages.find((m) => m.type === 'welcome');
    expect(welcome?.type === 'welcome' && welcome.questions.upvoted).toEqual([questionId]);
  });

  it.skipIf(dialect.skipReason)('decides upvotes sent together in their order, as if each came alone', async () => {
    const [asker, voter] = [await phone(), await phone()];
    const asked = await asker.ask(slides.open.id, 'Vem bestämmer?');
    const questionId = asked.type === 'asked' ? asked.question.id : '';
    const before = await count('qa_votes');
    // Sent in one go, they are most likely decided in one batch: read together, written together.
    const replies = await Promise.all([
      voter.upvote(questionId, true, 'burst-up-0001'),
      voter.upvote(questionId, true, 'burst-up-0001'),
      voter.upvote(questionId, true, 'burst-up-0002'),
      voter.upvote(questionId, false, 'burst-down-001'),
      voter.upvote(questionId, false, 'burst-down-002'),
      voter.upvote(questionId, true, 'burst-up-0003'),
      voter.upvote(questionId, true, 'burst-up-0004'),
      // The first message again, as a phone resends one whose confirmation it lost: the first reply again.
      voter.upvote(questionId, true, 'burst-up-0001'),
    ]);
    expect(
      replies.map((reply) => (reply.type === 'upvoted' ? `up ${reply.up}` : reply.type === 'error' ? reply.code : reply.type)),
    ).toEqual(['up true', 'up true', 'already_voted', 'up false', 'not_voted', 'up true', 'already_voted', 'up true']);
    expect(await count('qa_votes')).toBe(before + 1);
  });

  it.skipIf(dialect.skipReason)('holds questions for approval: no phone sees or votes on them until the presenter shows them', async () => {
    screen.send({ type: 'goto', slideId: slides.moderated.id });
    const [asker, voter] = [await phone(), await phone()];
    const asked = await asker.ask(slides.moderated.id, 'Får vi se budgeten?');
    expect(asked).toMatchObject({ type: 'asked', question: { status: 'pending' } });
    const questionId = asked.type === 'asked' ? asked.question.id : '';
    const queued = await screenShows(slides.moderated.id, (results) => results.pending === 1);
    expect(queued.results.questions).toMatchObject([{ id: questionId, status: 'pending' }]);
    expect(await voter.upvote(questionId)).toMatchObject({ type: 'error', code: 'question_hidden' });
    const phoneResults = await voter.waitFor((m) => isQa(m, slides.moderated.id));
    expect(phoneResults.type === 'results' && phoneResults.results.kind === 'qa' && phoneResults.results.questions).toEqual([]);
    // Pinning what no one may see yet is refused.
    screen.send({ type: 'moderate-question', questionId, action: 'pin' });
    expect(await screen.next('error')).toMatchObject({ code: 'conflict' });

    const onPhone = voter.nextMatching((m) => isQa(m, slides.moderated.id) && m.results.questions.length === 1);
    screen.send({ type: 'moderate-question', questionId, action: 'show' });
    await onPhone;
    expect(await voter.upvote(questionId)).toMatchObject({ type: 'upvoted' });
    const second = await asker.ask(slides.moderated.id, 'Och tidplanen?');
    const secondId = second.type === 'asked' ? second.question.id : '';
    screen.send({ type: 'moderate-question', questionId: secondId, action: 'show' });
    screen.send({ type: 'moderate-question', questionId, action: 'pin' });
    screen.send({ type: 'moderate-question', questionId: secondId, action: 'pin' });
    screen.send({ type: 'moderate-question', questionId, action: 'answer' });
    const pinned = await screenShows(
      slides.moderated.id,
      (results) => results.questions.find((question) => question.id === questionId)?.answered === true,
    );
    expect(pinned.results.questions.filter((question) => question.pinned).map((question) => question.id)).toEqual([secondId]);

    // Hiding the pinned one takes it off the big screen altogether, and off every phone.
    const gone = voter.nextMatching((m) => isQa(m, slides.moderated.id) && m.results.questions.every((q) => q.id !== secondId));
    screen.send({ type: 'moderate-question', questionId: secondId, action: 'hide' });
    const hidden = await screenShows(slides.moderated.id, (results) =>
      results.questions.some((q) => q.id === secondId && q.status === 'hidden'),
    );
    expect(hidden.results.questions.find((question) => question.id === secondId)?.pinned).toBe(false);
    await gone;
    expect(await voter.upvote(secondId)).toMatchObject({ type: 'error', code: 'question_hidden' });
  });

  it.skipIf(dialect.skipReason)('lets only the presenter moderate, and limits how fast one phone asks', async () => {
    const asker = await phone();
    asker.send({ type: 'moderate-question', questionId: 'x', action: 'hide' });
    expect(await asker.next('error')).toMatchObject({ code: 'forbidden' });
    screen.send({ type: 'moderate-question', questionId: 'no-such-question', action: 'hide' });
    expect(await screen.next('error')).toMatchObject({ code: 'not_found' });
    for (let n = 0; n < 5; n += 1) expect(await asker.ask(slides.open.id, `Fråga ${n}`)).toMatchObject({ type: 'asked' });
    expect(await asker.ask(slides.open.id, 'En till')).toMatchObject({ type: 'error', code: 'rate_limited' });
  });

  it.skipIf(dialect.skipReason)('reports and exports every question, hidden ones too', async () => {
    const report = await presenter.get(`/api/sessions/${session.id}/report`);
    const moderated = (report.body as { slides: { slideId: string; results: QaResults }[] }).slides.find(
      (slide) => slide.slideId === slides.moderated.id,
    );
    expect(moderated?.results.questions.map((question) => question.text).sort()).toEqual(['Får vi se budgeten?', 'Och tidplanen?']);
    const csv = await presenter.get(`/api/sessions/${session.id}/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Och tidplanen?');
    const xlsx = await presenter.get(`/api/sessions/${session.id}/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
  });
});
