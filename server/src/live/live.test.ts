import type { ChoiceSlide, Presentation, ScaleSlide, ServerMessage, SessionInfo, WordCloudSlide } from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';
import { PROTOCOL_VERSION } from '@ettor/protocol';

const isResults = (slideId: string) => (m: ServerMessage) => m.type === 'results' && m.results.slideId === slideId;

describe.each(dialects)('live session on $name', (dialect) => {
  let server: TestServer;
  let presenter: HttpClient;
  let deck: Presentation;
  let session: SessionInfo;
  let role: ChoiceSlide;
  let words: WordCloudSlide;
  const sockets: LiveClient[] = [];

  const track = (client: LiveClient) => {
    sockets.push(client);
    return client;
  };
  const join = async (token?: string) => track(await LiveClient.join(server.wsUrl, session.code, token));
  const host = async () => track(await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader));
  const tokenOf = (client: LiveClient) => {
    const welcome = client.messages.find((m) => m.type === 'welcome');
    return welcome?.type === 'welcome' ? welcome.participantToken : undefined;
  };
  const countRows = async (table: 'responses' | 'answer_receipts' | 'participants') =>
    Number(
      (
        await server.ettor.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect);
    presenter = await signedUpClient(server.url);
    const [summary] = (await presenter.get('/api/presentations')).body;
    deck = (await presenter.get(`/api/presentations/${summary.id}`)).body;
    role = deck.slides.find((s) => s.kind === 'choice') as ChoiceSlide;
    words = deck.slides.find((s) => s.kind === 'wordcloud') as WordCloudSlide;
    session = (await presenter.post(`/api/presentations/${deck.id}/sessions`)).body;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.stop();
  });

  it.skipIf(dialect.skipReason)('starts a session with an 8-digit code that phones can look up', async () => {
    expect(session.code).toMatch(/^\d{8}$/);
    const lookup = await new HttpClient(server.url).get(`/api/join/${session.code}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body).toEqual({ sessionId: session.id, code: session.code, title: deck.title });
    const detail = await presenter.get(`/api/sessions/${session.id}`);
    expect(detail.body.session).toEqual(session);
    expect(detail.body.presentation.slides).toHaveLength(deck.slides.length);
    expect(detail.body.joinUrl).toMatch(/^http:\/\/[\d.]+:\d+$/);
    expect((await new HttpClient(server.url).get(`/api/sessions/${session.id}`)).status).toBe(401);
  });

  it.skipIf(dialect.skipReason)('moves 50 phones to the role question and tallies their votes exactly', async () => {
    const screen = await host();
    screen.send({ type: 'goto', slideId: role.id });
    const phones = await Promise.all(Array.from({ length: 50 }, () => join()));
    await Promise.all(
      phones.map((phone) =>
        phone.waitFor(
          (m) => (m.type === 'state' && m.state.slide?.id === role.id) || (m.type === 'welcome' && m.state.slide?.id === role.id),
        ),
      ),
    );

    const expected = new Map(role.options.map((o) => [o.id, 0]));
    const acks = await Promise.all(
      phones.map((phone, index) => {
        const option = role.options[index % role.options.length]!;
        expected.set(option.id, (expected.get(option.id) ?? 0) + 1);
        return phone.answer(role.id, { kind: 'choice', optionIds: [option.id] });
      }),
    );
    expect(acks.every((ack) => ack.type === 'ack')).toBe(true);

    const final = await screen.waitFor((m) => m.type === 'results' && m.results.slideId === role.id && m.results.respondents === 50);
    expect(final.type === 'results' && final.results.kind === 'choice' && final.results.counts).toEqual(
      role.options.map((o) => ({ optionId: o.id, count: expected.get(o.id) })),
    );
    const presence = await screen.waitFor((m) => m.type === 'presence' && m.participants === 50);
    expect(presence).toBeTruthy();
    for (const phone of phones) phone.close();
  });

  it.skipIf(dialect.skipReason)('counts the same answer sent 50 times in parallel over two sockets once, with 50 equal acks', async () => {
    const phone = await join();
    const twin = await join(tokenOf(phone));
    const before = await countRows('responses');
    const message = {
      type: 'answer',
      clientId: 'retry-client-0001',
      slideId: role.id,
      answer: { kind: 'choice', optionIds: [role.options[0]!.id] },
    };
    // 25 a socket stays inside the per-socket burst allowance, so every copy reaches the database path.
    for (let i = 0; i < 25; i += 1) {
      phone.send(message);
      twin.send(message);
    }
    const acksOf = (client: LiveClient) => client.messages.filter((m) => m.type === 'ack' && m.clientId === 'retry-client-0001');
    await expect.poll(() => acksOf(phone).length + acksOf(twin).length, { timeout: 20_000 }).toBe(50);
    expect(new Set([...acksOf(phone), ...acksOf(twin)].map((ack) => JSON.stringify(ack))).size).toBe(1);
    expect([...phone.messages, ...twin.messages].filter((m) => m.type === 'error')).toEqual([]);
    expect(await countRows('responses')).toBe(before + 1);
  });

  it.skipIf(dialect.skipReason)('replaces an answer sent with a new client id, keeping one per participant', async () => {
    const phone = await join();
    await phone.answer(role.id, { kind: 'choice', optionIds: [role.options[0]!.id] });
    const before = await countRows('responses');
    const changed = await phone.answer(role.id, { kind: 'choice', optionIds: [role.options[1]!.id] });
    expect(changed).toMatchObject({ type: 'ack', answer: { optionIds: [role.options[1]!.id] } });
    expect(await countRows('responses')).toBe(before);
  });

  it.skipIf(dialect.skipReason)('answers sent back to back get their replies in the order sent, and the last change wins', async () => {
    const phone = await join();
    const [first, second] = role.options;
    phone.send({ type: 'answer', clientId: 'order-one', slideId: role.id, answer: { kind: 'choice', optionIds: [first!.id] } });
    phone.send({ type: 'ping', t: 1 });
    phone.send({ type: 'answer', clientId: 'order-two', slideId: role.id, answer: { kind: 'choice', optionIds: [second!.id] } });
    phone.send({ type: 'answer', clientId: 'order-bad', slideId: role.id, answer: { kind: 'choice', optionIds: ['no-such-option'] } });
    phone.send({ type: 'ping', t: 2 });
    await phone.waitFor((m) => m.type === 'pong' && m.t === 2);
    const replies = phone.messages.filter((m) => m.type === 'ack' || m.type === 'error' || m.type === 'pong');
    expect(replies.map((m) => (m.type === 'pong' ? `pong ${m.t}` : `${m.type} ${m.clientId}`))).toEqual([
      'ack order-one',
      'pong 1',
      'ack order-two',
      'error order-bad',
      'pong 2',
    ]);
    const welcome = phone.messages.find((m) => m.type === 'welcome');
    const again = await join(welcome?.type === 'welcome' ? welcome.participantToken : undefined);
    const rejoined = again.messages.find((m) => m.type === 'welcome') ?? (await again.next('welcome'));
    if (rejoined.type !== 'welcome') throw new Error('expected a welcome');
    expect(rejoined.answers[role.id]).toEqual({ kind: 'choice', optionIds: [second!.id] });
  });

  it.skipIf(dialect.skipReason)('refuses every bad input with its code, stores nothing and keeps the socket open', async () => {
    const phone = await join();
    const responses = await countRows('responses');
    const receipts = await countRows('answer_receipts');
    const refusal = async (send: () => void) => {
      const reply = phone.next('error');
      send();
      return (await reply).code;
    };
    const answer = (slideId: string, body: unknown) => () =>
      phone.send({ type: 'answer', clientId: `bad-${Math.random().toString(36).slice(2, 12)}`, slideId, answer: body });

    expect(await refusal(() => phone.send('{not json'))).toBe('invalid_json');
    expect(
      await refusal(() =>
        phone.send({ type: 'answer', clientId: 'abcdefgh12', slideId: role.id, answer: { kind: 'choice', optionIds: ['x'] }, extra: 1 }),
      ),
    ).toBe('validation_failed');
    expect(await refusal(() => phone.send({ type: 'answer', clientId: 12, slideId: role.id, answer: {} }))).toBe('validation_failed');
    expect(await refusal(() => phone.send({ type: 'dance' }))).toBe('validation_failed');
    expect(await refusal(answer('no-such-slide', { kind: 'choice', optionIds: ['a'] }))).toBe('unknown_slide');
    expect(await refusal(answer(role.id, { kind: 'choice', optionIds: ['not-an-option'] }))).toBe('unknown_option');
    expect(await refusal(answer(role.id, { kind: 'choice', optionIds: role.options.slice(0, 2).map((o) => o.id) }))).toBe(
      'too_many_entries',
    );
    expect(await refusal(answer(role.id, { kind: 'wordcloud', entries: ['x'] }))).toBe('wrong_answer_kind');
    expect(await refusal(answer(words.id, { kind: 'wordcloud', entries: ['a', 'b', 'c', 'd'] }))).toBe('validation_failed');
    expect(await refusal(answer(words.id, { kind: 'wordcloud', entries: ['x'.repeat(words.maxLength + 1)] }))).toBe('too_long');
    expect(await refusal(answer(words.id, { kind: 'wordcloud', entries: ['  '] }))).toBe('empty_answer');
    expect(await refusal(answer(deck.slides[0]!.id, { kind: 'open', text: 'hej' }))).toBe('not_a_question');
    expect(await refusal(() => phone.send({ type: 'goto', slideId: role.id }))).toBe('forbidden');

    const screen = await host();
    screen.send({ type: 'goto', slideId: words.id });
    screen.send({ type: 'set-voting', slideId: words.id, open: false });
    await phone.nextMatching((m) => m.type === 'state' && m.state.slide?.id === words.id && !m.state.votingOpen);
    expect(await refusal(answer(words.id, { kind: 'wordcloud', entries: ['sent after closing'] }))).toBe('voting_closed');
    const reopened = phone.nextMatching((m) => m.type === 'state' && m.state.votingOpen);
    screen.send({ type: 'set-voting', slideId: words.id, open: true });
    await reopened;

    const pong = phone.next('pong');
    phone.send({ type: 'ping', t: 1 });
    expect(await pong).toEqual({ type: 'pong', t: 1 });
    expect(await countRows('responses')).toBe(responses);
    expect(await countRows('answer_receipts')).toBe(receipts);
  });

  it.skipIf(dialect.skipReason)('refuses each bad scale rating with its code, changing nothing', async () => {
    const scale = deck.slides.find((s) => s.kind === 'scale') as ScaleSlide;
    const blank = (await presenter.post(`/api/presentations/${deck.id}/slides`, { kind: 'scale' })).body as ScaleSlide;
    const strict = (
      await presenter.put(`/api/presentations/${deck.id}/slides/${blank.id}`, { ...blank, question: 'Utan vet ej?', allowSkip: false })
    ).body as ScaleSlide;
    const [first, second] = scale.statements.map((st) => st.id);
    const phone = await join();
    const responses = await countRows('responses');
    const receipts = await countRows('answer_receipts');
    const refused = async (slideId: string, ratings: [string, number | null][]) => {
      const reply = await phone.answer(slideId, {
        kind: 'scale',
        ratings: ratings.map(([statementId, value]) => ({ statementId, value })),
      });
      return reply.type === 'error' ? reply.code : reply.type;
    };

    expect(await refused(scale.id, [[first!, scale.steps + 1]])).toBe('out_of_range');
    expect(
      await refused(scale.id, [
        [first!, 3],
        [second!, 0],
      ]),
    ).toBe('out_of_range');
    expect(
      await refused(scale.id, [
        [first!, 3],
        ['no-such-statement', 3],
      ]),
    ).toBe('unknown_statement');
    expect(
      await refused(scale.id, [
        [first!, 3],
        [first!, 4],
      ]),
    ).toBe('duplicate_entry');
    expect(await refused(scale.id, [...scale.statements.map((st): [string, number] => [st.id, 1]), ['one-more', 1]])).toBe(
      'too_many_entries',
    );
    expect(await refused(scale.id, [])).toBe('empty_answer');
    expect(await refused(strict.id, [[strict.statements[0]!.id, null]])).toBe('skip_not_allowed');
    expect(await refused(scale.id, [[first!, 2.5]])).toBe('validation_failed');
    expect(
      await refused(
        scale.id,
        Array.from({ length: 9 }, (_, i): [string, number] => [`s${i}`, 1]),
      ),
    ).toBe('validation_failed');
    expect(await refused(role.id, [[first!, 3]])).toBe('wrong_answer_kind');
    expect(await countRows('responses')).toBe(responses);
    expect(await countRows('answer_receipts')).toBe(receipts);
  });

  it.skipIf(dialect.skipReason)(
    'tallies a scale from several phones per statement, with mean and spread, and a changed answer replaces',
    async () => {
      const scale = deck.slides.find((s) => s.kind === 'scale') as ScaleSlide;
      const [k, f, u, m] = scale.statements.map((st) => st.id) as [string, string, string, string];
      const screen = await host();
      screen.send({ type: 'goto', slideId: scale.id });
      const phones = await Promise.all(Array.from({ length: 4 }, () => join()));
      const rate = (phone: LiveClient, ratings: [string, number | null][]) =>
        phone.answer(scale.id, { kind: 'scale', ratings: ratings.map(([statementId, value]) => ({ statementId, value })) });
      const acks = await Promise.all([
        rate(phones[0]!, [
          [f, 4],
          [k, 5],
        ]),
        rate(phones[1]!, [
          [k, 3],
          [f, null],
        ]),
        rate(phones[2]!, [[k, 1]]),
        rate(phones[3]!, [
          [k, 3],
          [m, 2],
        ]),
      ]);
      // Stored in the slide's order, whatever order they were sent in.
      expect(acks[0]).toMatchObject({
        type: 'ack',
        answer: {
          kind: 'scale',
          ratings: [
            { statementId: k, value: 5 },
            { statementId: f, value: 4 },
          ],
        },
      });
      expect(acks.every((ack) => ack.type === 'ack')).toBe(true);
      expect(await rate(phones[2]!, [[k, 5]])).toMatchObject({ type: 'ack' });

      const isFinal = (message: ServerMessage) =>
        message.type === 'results' &&
        message.results.kind === 'scale' &&
        message.results.slideId === scale.id &&
        message.results.statements[0]?.counts[4] === 2;
      const final = await screen.waitFor(isFinal);
      expect(final.type === 'results' && final.results).toEqual({
        kind: 'scale',
        slideId: scale.id,
        respondents: 4,
        statements: [
          // 5, 3, 5, 3 after the change from 1: mean 4, every rating 1 from it.
          { statementId: k, counts: [0, 0, 2, 0, 2], skipped: 0, n: 4, mean: 4, sd: 1, hidden: false },
          { statementId: f, counts: [0, 0, 0, 1, 0], skipped: 1, n: 1, mean: 4, sd: 0, hidden: false },
          { statementId: u, counts: [0, 0, 0, 0, 0], skipped: 0, n: 0, mean: null, sd: null, hidden: false },
          { statementId: m, counts: [0, 1, 0, 0, 0], skipped: 0, n: 1, mean: 2, sd: 0, hidden: false },
        ],
      });
      for (const phone of phones) phone.close();
    },
  );

  it.skipIf(dialect.skipReason)('closes voting when a countdown ends: answers before it count, answers after it are refused', async () => {
    const screen = await host();
    screen.send({ type: 'goto', slideId: words.id });
    const phone = await join();
    const counting = phone.nextMatching((m) => m.type === 'state' && m.state.closesInMs !== null);
    screen.send({ type: 'set-voting', slideId: words.id, open: false, inSeconds: 2 });
    const started = await counting;
    expect(started.type === 'state' && started.state).toMatchObject({ votingOpen: true, slide: { id: words.id } });
    expect(started.type === 'state' && started.state.closesInMs).toBeLessThanOrEqual(2000);
    expect(await phone.answer(words.id, { kind: 'wordcloud', entries: ['i tid'] })).toMatchObject({ type: 'ack' });

    const closed = await phone.nextMatching((m) => m.type === 'state' && !m.state.votingOpen, 15_000);
    expect(closed.type === 'state' && closed.state.closesInMs).toBeNull();
    expect(await phone.answer(words.id, { kind: 'wordcloud', entries: ['för sent'] })).toMatchObject({
      type: 'error',
      code: 'voting_closed',
    });

    const late = await join();
    const welcome = late.messages.find((m) => m.type === 'welcome');
    expect(welcome?.type === 'welcome' && welcome.state).toMatchObject({ votingOpen: false, closesInMs: null });
    const reopened = phone.nextMatching((m) => m.type === 'state' && m.state.votingOpen);
    screen.send({ type: 'set-voting', slideId: words.id, open: true });
    await reopened;
  });

  it.skipIf(dialect.skipReason)('refuses an unknown code and closes that socket for good', async () => {
    const phone = track(await LiveClient.connect(server.wsUrl));
    const error = phone.next('error');
    phone.send({ type: 'join', v: PROTOCOL_VERSION, code: '00000000' });
    expect((await error).code).toBe('unknown_code');
    expect(await phone.closed()).toBe(4001);
  });

  it.skipIf(dialect.skipReason)('refuses an answer before joining, naming the answer it refuses', async () => {
    const socket = track(await LiveClient.connect(server.wsUrl));
    expect(await socket.answer(role.id, { kind: 'choice', optionIds: [role.options[0]!.id] }, 'early-answer-1')).toMatchObject({
      type: 'error',
      code: 'not_joined',
      clientId: 'early-answer-1',
    });
  });

  it.skipIf(dialect.skipReason)('refuses a host socket without the owner’s cookie', async () => {
    const stranger = track(await LiveClient.connect(server.wsUrl));
    const error = stranger.next('error');
    stranger.send({ type: 'host', v: PROTOCOL_VERSION, sessionId: session.id });
    expect((await error).code).toBe('unauthorized');
    expect(await stranger.closed()).toBe(4001);
  });

  it.skipIf(dialect.skipReason)('closes a socket that sends an oversized frame', async () => {
    const phone = await join();
    phone.send('x'.repeat(64 * 1024));
    expect(await phone.closed()).toBe(1009);
  });

  it.skipIf(dialect.skipReason)('follows the presenter’s slide changes live', async () => {
    const screen = await host();
    const phone = await join();
    const moved = phone.nextMatching((m) => m.type === 'state' && m.state.slide?.id === words.id);
    screen.send({ type: 'goto', slideId: words.id });
    const state = await moved;
    expect(state.type === 'state' && state.state.slide).toMatchObject({ kind: 'wordcloud', question: words.question, notes: '' });
  });

  it.skipIf(dialect.skipReason)('keeps every acked answer and each phone’s identity across a server restart', async () => {
    const screen = await host();
    screen.send({ type: 'goto', slideId: words.id });
    const phones = await Promise.all(Array.from({ length: 10 }, () => join()));
    const tokens = phones.map((phone) => {
      const welcome = phone.messages.find((m) => m.type === 'welcome');
      return welcome?.type === 'welcome' ? welcome.participantToken : undefined;
    });
    await Promise.all(
      phones.map((phone, i) => phone.answer(words.id, { kind: 'wordcloud', entries: [i % 2 ? 'Ledarskap' : ' ledarskap ', `ord${i}`] })),
    );
    const beforeRestart = await countRows('responses');

    await server.restart();
    expect(await countRows('responses')).toBe(beforeRestart);

    const again = await Promise.all(tokens.map((token) => join(token)));
    for (const [i, phone] of again.entries()) {
      const welcome = phone.messages.find((m) => m.type === 'welcome');
      expect(welcome?.type === 'welcome' && welcome.answers[words.id]).toEqual({
        kind: 'wordcloud',
        entries: [i % 2 ? 'Ledarskap' : 'ledarskap', `ord${i}`],
      });
    }
    const screenAgain = await host();
    const results = await screenAgain.waitFor(isResults(words.id));
    if (results.type !== 'results' || results.results.kind !== 'wordcloud') throw new Error('expected word cloud results');
    expect(results.results.words.find((w) => w.text.toLowerCase() === 'ledarskap')?.count).toBeGreaterThanOrEqual(10);
    expect(await countRows('participants')).toBeGreaterThan(0);
  });

  it.skipIf(dialect.skipReason)('clears a question’s results for a new round, keeping earlier answers stored but uncounted', async () => {
    const open = deck.slides.find((s) => s.kind === 'open')!;
    const screen = await host();
    screen.send({ type: 'goto', slideId: open.id });
    const phone = await join();
    await phone.waitFor((m) => (m.type === 'state' || m.type === 'welcome') && m.state.slide?.id === open.id);
    expect(await phone.answer(open.id, { kind: 'open', text: 'Första rundan' }, 'round-zero-1')).toMatchObject({ type: 'ack' });
    await screen.waitFor((m) => m.type === 'results' && m.results.slideId === open.id && m.results.respondents >= 1);
    const stored = await countRows('responses');

    const reset = phone.nextMatching((m) => m.type === 'state' && m.state.round === 1);
    screen.send({ type: 'reset-results', slideId: open.id });
    expect(await reset).toMatchObject({ state: { slide: { id: open.id }, votingOpen: true, round: 1 } });
    await screen.waitFor((m) => m.type === 'results' && m.results.slideId === open.id && m.results.respondents === 0);

    // A retry from before the reset gets its old ack and counts for nothing now.
    expect(await phone.answer(open.id, { kind: 'open', text: 'Första rundan' }, 'round-zero-1')).toMatchObject({ type: 'ack' });
    const next = screen.nextMatching((m) => m.type === 'results' && m.results.slideId === open.id && m.results.respondents === 1);
    expect(await phone.answer(open.id, { kind: 'open', text: 'Andra rundan' }, 'round-one-1')).toMatchObject({ type: 'ack' });
    const results = await next;
    expect(results.type === 'results' && results.results.kind === 'open' && results.results.entries.map((e) => e.text)).toEqual([
      'Andra rundan',
    ]);
    expect(await countRows('responses')).toBe(stored + 1);

    const again = await join(tokenOf(phone));
    const welcome = again.messages.find((m) => m.type === 'welcome');
    expect(welcome?.type === 'welcome' && welcome.answers[open.id]).toEqual({ kind: 'open', text: 'Andra rundan' });
  });

  it.skipIf(dialect.skipReason)('lets the presenter hide an answer or a word from the big screen, and only the presenter', async () => {
    const open = deck.slides.find((s) => s.kind === 'open')!;
    const screen = await host();
    const [first, second] = await Promise.all([join(), join()]);
    await first.answer(open.id, { kind: 'open', text: 'Ett sakligt svar' });
    await second.answer(open.id, { kind: 'open', text: 'Något olämpligt' });
    const both = await screen.waitFor(
      (m) =>
        m.type === 'results' &&
        m.results.slideId === open.id &&
        m.results.kind === 'open' &&
        m.results.entries.some((e) => e.text === 'Något olämpligt'),
    );
    if (both.type !== 'results' || both.results.kind !== 'open') throw new Error('expected open results');
    const target = both.results.entries.find((e) => e.text === 'Något olämpligt')!;

    const hidden = screen.nextMatching(
      (m) => m.type === 'results' && m.results.kind === 'open' && m.results.entries.some((e) => e.id === target.id && e.hidden),
    );
    screen.send({ type: 'hide-answer', slideId: open.id, answerId: target.id, hidden: true });
    const after = await hidden;
    expect(after.type === 'results' && after.results.respondents).toBe(both.results.respondents);

    const refusal = first.next('error');
    first.send({ type: 'hide-answer', slideId: open.id, answerId: target.id, hidden: false });
    expect((await refusal).code).toBe('forbidden');
    const missing = screen.next('error');
    screen.send({ type: 'hide-answer', slideId: open.id, answerId: 'no-such-answer', hidden: true });
    expect((await missing).code).toBe('not_found');

    const wordHidden = screen.nextMatching(
      (m) =>
        m.type === 'results' &&
        m.results.kind === 'wordcloud' &&
        m.results.words.some((w) => w.text.toLowerCase() === 'ledarskap' && w.hidden),
    );
    screen.send({ type: 'goto', slideId: words.id });
    screen.send({ type: 'hide-word', slideId: words.id, word: ' LEDARSKAP ', hidden: true });
    await wordHidden;
    const wrongKind = screen.next('error');
    screen.send({ type: 'hide-word', slideId: open.id, word: 'x', hidden: true });
    expect((await wrongKind).code).toBe('wrong_answer_kind');
  });

  it.skipIf(dialect.skipReason)('ends the session: phones are told and closed, the code stops working', async () => {
    const phone = await join();
    const ended = phone.nextMatching((m) => m.type === 'state' && m.state.status === 'ended');
    const response = await presenter.post(`/api/sessions/${session.id}/end`);
    expect(response.body.status).toBe('ended');
    await ended;
    expect(await phone.closed()).toBe(4000);
    expect((await new HttpClient(server.url).get(`/api/join/${session.code}`)).body.error.code).toBe('session_ended');
    const late = track(await LiveClient.connect(server.wsUrl));
    const refusal = late.next('error');
    late.send({ type: 'join', v: PROTOCOL_VERSION, code: session.code });
    expect((await refusal).code).toBe('session_ended');
    expect(await late.closed()).toBe(4000);
  });
});
