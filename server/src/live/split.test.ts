import type {
  ChoiceSlide,
  Presentation,
  QaSlide,
  ScaleSlide,
  ServerMessage,
  SessionInfo,
  SessionState,
  WordCloudSlide,
} from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

type Message<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;
const is =
  <T extends ServerMessage['type']>(type: T, match: (m: Message<T>) => boolean = () => true) =>
  (m: ServerMessage): m is Message<T> =>
    m.type === type && match(m as Message<T>);
const stateOf = (m: ServerMessage): SessionState | undefined => (m.type === 'state' || m.type === 'welcome' ? m.state : undefined);

describe.each(dialects)('results split by role, and withheld under k, live on $name', (dialect) => {
  let server: TestServer;
  let presenter: HttpClient;
  let deck: Presentation;
  let role: ChoiceSlide;
  let scale: ScaleSlide;
  let words: WordCloudSlide;
  let qa: QaSlide;
  const sockets: LiveClient[] = [];
  const track = (client: LiveClient) => {
    sockets.push(client);
    return client;
  };

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect);
    presenter = await signedUpClient(server.url);
    const [summary] = (await presenter.get('/api/presentations')).body;
    deck = (await presenter.get(`/api/presentations/${summary.id}`)).body;
    role = deck.slides.find((s) => s.kind === 'choice') as ChoiceSlide;
    scale = deck.slides.find((s) => s.kind === 'scale') as ScaleSlide;
    words = deck.slides.find((s) => s.kind === 'wordcloud') as WordCloudSlide;
    qa = deck.slides.find((s) => s.kind === 'qa') as QaSlide;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.stop();
  });

  const start = async (): Promise<{ session: SessionInfo; screen: LiveClient }> => {
    const session = (await presenter.post(`/api/presentations/${deck.id}/sessions`)).body as SessionInfo;
    return { session, screen: track(await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader)) };
  };

  it.skipIf(dialect.skipReason)('refuses a split by anything but a single-choice question, or by a group it does not have', async () => {
    const { screen } = await start();
    const cases: [unknown, string][] = [
      [{ slideId: scale.id, show: 'all' }, 'validation_failed'],
      [{ slideId: 'gone', show: 'all' }, 'unknown_slide'],
      [{ slideId: role.id, show: { optionId: 'nobody' } }, 'unknown_option'],
      [{ slideId: role.id, show: 'sideways' }, 'validation_failed'],
    ];
    for (const [split, code] of cases) {
      screen.send({ type: 'set-split', split });
      expect(await screen.nextMatching(is('error')), JSON.stringify(split)).toMatchObject({ code });
    }
    // Nothing was stored: the state still has no split, and a phone is refused the command.
    const welcome = await screen.waitFor(is('welcome'));
    expect(welcome.state.split).toBeNull();
    expect(screen.messages.some((m) => stateOf(m)?.split)).toBe(false);
  });

  it.skipIf(dialect.skipReason)('splits a question by the latest role answers, with k applied, and follows the toggle', async () => {
    const { session, screen } = await start();
    screen.send({ type: 'goto', slideId: words.id });
    screen.send({ type: 'set-split', split: { slideId: role.id, show: 'side-by-side' } });
    const [first, second, third] = role.options;
    // Six of the first role (one of them first said the second), one of the second, none of the third, one skips.
    const roles = [first, first, first, first, first, first, second, undefined];
    const phones = await Promise.all(roles.map(async () => track(await LiveClient.join(server.wsUrl, session.code))));
    await phones[5]?.answer(role.id, { kind: 'choice', optionIds: [second?.id] });
    for (const [index, option] of roles.entries()) {
      if (option) expect(await phones[index]?.answer(role.id, { kind: 'choice', optionIds: [option.id] })).toMatchObject({ type: 'ack' });
      expect(await phones[index]?.answer(words.id, { kind: 'wordcloud', entries: ['tid'] })).toMatchObject({ type: 'ack' });
    }

    // The second role (1) and "not given" (1) are under k = 5 but hold 2 together: the first role (6) is hidden too,
    // or the total minus it would give them away.
    const groups = (m: Message<'segments'>) =>
      m.segments.map(({ optionId, respondents, results }) => [optionId, respondents, results?.respondents ?? null]);
    const expected = [
      [first?.id, 0, null],
      [second?.id, 0, null],
      [third?.id, 0, 0],
      ...role.options.slice(3).map((option) => [option.id, 0, 0]),
      [null, 0, null],
    ];
    const split = await screen.waitFor(
      is('segments', (m) => m.slideId === words.id && JSON.stringify(groups(m)) === JSON.stringify(expected)),
    );
    expect(split.splitBy).toBe(role.id);

    // Four more of the second role: now it holds 5 and "not given" 1, which alone is under k, so the smaller of the two
    // visible groups goes with it: the second role is hidden and the first is shown.
    const more = await Promise.all([1, 2, 3, 4].map(async () => track(await LiveClient.join(server.wsUrl, session.code))));
    for (const phone of more) {
      expect(await phone.answer(role.id, { kind: 'choice', optionIds: [second?.id] })).toMatchObject({ type: 'ack' });
      expect(await phone.answer(words.id, { kind: 'wordcloud', entries: ['pengar'] })).toMatchObject({ type: 'ack' });
    }
    // Between a phone's role answer and its word, its group can show with no words yet: wait for the words too.
    const shown = await screen.waitFor(
      is('segments', (m) => m.slideId === words.id && m.segments[0]?.respondents === 6 && m.segments[1]?.results === null),
    );
    expect(shown.segments[0]?.results).toMatchObject({ kind: 'wordcloud', respondents: 6, words: [{ text: 'tid', count: 6 }] });
    expect(shown.segments[1]).toMatchObject({ optionId: second?.id, respondents: 0, results: null });
    expect(shown.segments.at(-1)).toMatchObject({ optionId: null, respondents: 0, results: null });

    // The toggle is shared state: every screen hears it, and a late screen starts split with the segments.
    screen.send({ type: 'set-split', split: { slideId: role.id, show: { optionId: second?.id ?? null } } });
    await screen.waitFor((m) => {
      const show = stateOf(m)?.split?.show;
      return typeof show === 'object' && show.optionId === second?.id;
    });
    const late = track(await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader));
    expect((await late.waitFor(is('segments', (m) => m.slideId === words.id))).segments[0]?.respondents).toBe(6);
    screen.send({ type: 'set-split', split: null });
    await screen.waitFor((m) => m.type === 'state' && m.state.split === null);
  });

  it.skipIf(dialect.skipReason)('splits a Q&A by who asked, those who never answered the role question as "not given"', async () => {
    const { session, screen } = await start();
    screen.send({ type: 'goto', slideId: qa.id });
    screen.send({ type: 'set-split', split: { slideId: role.id, show: 'side-by-side' } });
    const [first] = role.options;
    // Five of the first role and five who answer nothing at all each ask one question: both groups are k = 5.
    const phones = await Promise.all(Array.from({ length: 10 }, async () => track(await LiveClient.join(server.wsUrl, session.code))));
    for (const [index, phone] of phones.entries()) {
      if (index < 5) expect(await phone.answer(role.id, { kind: 'choice', optionIds: [first?.id] })).toMatchObject({ type: 'ack' });
      expect(await phone.ask(qa.id, `Fråga ${index}`)).toMatchObject({ type: 'asked' });
    }
    const split = await screen.waitFor(
      is('segments', (m) => m.slideId === qa.id && m.segments[0]?.respondents === 5 && m.segments.at(-1)?.respondents === 5),
    );
    const texts = (index: number) => {
      const results = split.segments.at(index)?.results;
      return results?.kind === 'qa' ? results.questions.map(({ text }) => text).sort() : null;
    };
    expect(texts(0)).toEqual(['Fråga 0', 'Fråga 1', 'Fråga 2', 'Fråga 3', 'Fråga 4']);
    expect(texts(-1)).toEqual(['Fråga 5', 'Fråga 6', 'Fråga 7', 'Fråga 8', 'Fråga 9']);
    expect(split.segments.slice(1, -1).every(({ respondents, results }) => respondents === 0 && results !== null)).toBe(true);
    screen.send({ type: 'set-split', split: null });
    await screen.waitFor((m) => m.type === 'state' && m.state.split === null);
  });

  it.skipIf(dialect.skipReason)(
    'phones get no results of fewer than k, only how many answered; the presenter does, unless strict',
    async () => {
      const { session, screen } = await start();
      screen.send({ type: 'goto', slideId: role.id });
      const phones = await Promise.all([1, 2].map(async () => track(await LiveClient.join(server.wsUrl, session.code))));
      for (const phone of phones) {
        expect(await phone.answer(role.id, { kind: 'choice', optionIds: [role.options[0]?.id] })).toMatchObject({ type: 'ack' });
      }
      const withheld = await phones[0]?.waitFor(is('withheld', (m) => m.slideId === role.id && m.respondents === 2));
      expect(withheld).toEqual({ type: 'withheld', slideId: role.id, respondents: 2 });
      expect(phones.flatMap((phone) => phone.messages).some((m) => m.type === 'results' && m.results.respondents > 0)).toBe(false);
      await screen.waitFor(is('results', (m) => m.results.slideId === role.id && m.results.respondents === 2));

      // Strict anonymity: the presenter's screens are held to k as well.
      await presenter.patch(`/api/presentations/${deck.id}`, { strictAnonymity: true });
      const strict = await start();
      strict.screen.send({ type: 'goto', slideId: role.id });
      await strict.screen.waitFor((m) => stateOf(m)?.slide?.id === role.id && stateOf(m)?.strictAnonymity === true);
      const phone = track(await LiveClient.join(server.wsUrl, strict.session.code));
      expect(await phone.answer(role.id, { kind: 'choice', optionIds: [role.options[1]?.id] })).toMatchObject({ type: 'ack' });
      expect(await strict.screen.waitFor(is('withheld', (m) => m.respondents === 1))).toMatchObject({ slideId: role.id });
      expect(strict.screen.messages.some((m) => m.type === 'results' && m.results.respondents > 0)).toBe(false);
      await presenter.patch(`/api/presentations/${deck.id}`, { strictAnonymity: false });
    },
  );
});
