import { type Presentation, type SessionInfo, type SessionReport, type SessionSummary, sessionReportSchema } from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

/** The deck of the test: a role question to split by, and one question of each kind the report shows. */
const DECK = {
  format: 'ettor-deck',
  version: 1,
  title: 'Kompetenskartan',
  slides: [
    { id: 'intro', kind: 'content', heading: 'Välkommen' },
    {
      id: 'roll',
      kind: 'choice',
      question: 'Vilken roll har du?',
      options: [
        { id: 'tj', label: 'Tjänsteperson' },
        { id: 'chef', label: 'Chef' },
        { id: 'pol', label: 'Politiker' },
      ],
    },
    {
      id: 'ai',
      kind: 'choice',
      question: 'Använder du AI i arbetet?',
      options: [
        { id: 'ja', label: 'Ja' },
        { id: 'nej', label: 'Nej' },
      ],
    },
    {
      id: 'skala',
      kind: 'scale',
      question: 'Hur väl stämmer det?',
      statements: [{ id: 'kunskap', label: 'Jag har kunskaperna' }],
      allowSkip: true,
    },
    { id: 'ord', kind: 'wordcloud', question: 'Vad behövs?' },
    { id: 'fritt', kind: 'open', question: 'Något mer?' },
    {
      id: 'flera',
      kind: 'choice',
      question: 'Vilka verktyg?',
      allowMultiple: true,
      options: [
        { id: 'x', label: 'X' },
        { id: 'y', label: 'Y' },
      ],
    },
  ],
};

const choice = (optionId: string) => ({ kind: 'choice', optionIds: [optionId] });

describe.each(dialects)('session reports on $name', (dialect) => {
  let server: TestServer;
  let owner: HttpClient;
  let other: HttpClient;
  let deck: Presentation;
  /** The imported slide ids by the ids in DECK; import gives every slide a fresh one. */
  const ids: Record<string, string> = {};
  let session: SessionInfo;
  let duringSession: SessionReport;

  const report = (sessionId: string, query = '', as = owner) => as.get(`/api/sessions/${sessionId}/report${query}`);
  const slideOf = (body: SessionReport, id: string) => body.slides.find((slide) => slide.slideId === ids[id]);

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect, { signupOpenByDefault: true });
    owner = await signedUpClient(server.url, 'owner@example.se');
    other = await signedUpClient(server.url, 'other@example.se');
    deck = (await owner.post('/api/presentations/import', DECK)).body as Presentation;
    DECK.slides.forEach((slide, index) => (ids[slide.id] = deck.slides[index]!.id));
  });
  afterAll(async () => server?.stop());

  it.skipIf(dialect.skipReason)('sets k per deck from 3 up; a lower or fractional one is refused and nothing stored', async () => {
    expect(deck.anonymityThreshold).toBe(5);
    for (const bad of [{ anonymityThreshold: 2 }, { anonymityThreshold: 3.5 }, { anonymityThreshold: '3' }, {}, { title: 'X', k: 3 }]) {
      const refused = await owner.patch(`/api/presentations/${deck.id}`, bad);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.body.error.code).toBe('validation_failed');
    }
    expect((await owner.get(`/api/presentations/${deck.id}`)).body).toEqual(deck);

    const changed = await owner.patch(`/api/presentations/${deck.id}`, { anonymityThreshold: 3 });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ ...deck, anonymityThreshold: 3, updatedAt: expect.any(String) });
    expect((await other.patch(`/api/presentations/${deck.id}`, { anonymityThreshold: 4 })).status).toBe(404);
  });

  it.skipIf(dialect.skipReason)(
    'reports what phones answered over the live socket, while the session runs and after it ends, split by role with k applied',
    async () => {
      session = (await owner.post(`/api/presentations/${deck.id}/sessions`)).body as SessionInfo;
      const host = await LiveClient.host(server.wsUrl, session.id, owner.cookieHeader);
      const phones = await Promise.all(Array.from({ length: 9 }, () => LiveClient.join(server.wsUrl, session.code)));
      const answer = async (phone: number, slide: string, given: unknown) =>
        expect(await phones[phone]!.answer(ids[slide]!, given), `phone ${phone} on ${slide}`).toMatchObject({ type: 'ack' });
      try {
        // Four officials, three managers, one who first says official and then politician, one who never says.
        for (const phone of [0, 1, 2, 3, 7]) await answer(phone, 'roll', choice('tj'));
        for (const phone of [4, 5, 6]) await answer(phone, 'roll', choice('chef'));
        await answer(7, 'roll', choice('pol'));
        for (const [phone, option] of ['ja', 'ja', 'ja', 'nej', 'ja', 'ja', 'nej', 'ja', 'nej'].entries())
          await answer(phone, 'ai', choice(option));
        for (const [phone, value] of [5, 4, 4, null, 2, 3].entries()) {
          await answer(phone, 'skala', { kind: 'scale', ratings: [{ statementId: 'kunskap', value }] });
        }
        for (const [phone, entries] of [['Tid'], ['Tid', 'Pengar'], ['Pengar'], ['Mod']].entries()) {
          await answer(phone, 'ord', { kind: 'wordcloud', entries });
        }
        await answer(0, 'fritt', { kind: 'open', text: 'Mer utbildning' });
        await answer(1, 'fritt', { kind: 'open', text: 'Tid att lära' });

        const hidden = host.nextMatching(
          (m) => m.type === 'results' && m.results.kind === 'wordcloud' && m.results.words.some((w) => w.text === 'Pengar' && w.hidden),
        );
        host.send({ type: 'goto', slideId: ids.ord });
        host.send({ type: 'hide-word', slideId: ids.ord, word: 'pengar', hidden: true });
        await hidden;
      } finally {
        host.close();
        for (const phone of phones) phone.close();
      }

      const live = await report(session.id, `?segmentBy=${ids.roll}`);
      expect(live.status).toBe(200);
      duringSession = sessionReportSchema.parse(live.body);
      expect(duringSession).toMatchObject({
        session: {
          id: session.id,
          presentationId: deck.id,
          status: 'live',
          endedAt: null,
          participants: 9,
          answers: 8 + 9 + 6 + 4 + 2,
          answersPurgedAt: null,
        },
        presentationTitle: 'Kompetenskartan',
        anonymityThreshold: 3,
        segmentBy: { slideId: ids.roll, question: 'Vilken roll har du?' },
      });
      // Every question in deck order; the content slide has no results.
      expect(duringSession.slides.map((slide) => slide.slideId)).toEqual(
        ['roll', 'ai', 'skala', 'ord', 'fritt', 'flera'].map((id) => ids[id]),
      );

      // The segmenting question itself is not split; the changed answer counts as the latest one.
      expect(slideOf(duringSession, 'roll')).toEqual({
        slideId: ids.roll,
        kind: 'choice',
        title: 'Vilken roll har du?',
        results: {
          kind: 'choice',
          slideId: ids.roll,
          respondents: 8,
          counts: [
            { optionId: 'tj', count: 4 },
            { optionId: 'chef', count: 3 },
            { optionId: 'pol', count: 1 },
          ],
        },
        segments: null,
      });

      const ai = (counts: [number, number]) => ({
        kind: 'choice',
        slideId: ids.ai,
        respondents: counts[0] + counts[1],
        counts: [
          { optionId: 'ja', count: counts[0] },
          { optionId: 'nej', count: counts[1] },
        ],
      });
      // Politicians (1) and "not given" (1) are under k, and together still under k: the managers (3) are
      // withheld too, or everyone minus the officials minus the managers would give the two hidden ones away.
      expect(slideOf(duringSession, 'ai')).toEqual({
        slideId: ids.ai,
        kind: 'choice',
        title: 'Använder du AI i arbetet?',
        results: ai([6, 3]),
        segments: [
          { optionId: 'tj', label: 'Tjänsteperson', respondents: 4, results: ai([3, 1]) },
          { optionId: 'chef', label: 'Chef', respondents: 0, results: null },
          { optionId: 'pol', label: 'Politiker', respondents: 0, results: null },
          { optionId: null, label: '', respondents: 0, results: null },
        ],
      });

      const scale = slideOf(duringSession, 'skala');
      expect(scale?.results).toEqual({
        kind: 'scale',
        slideId: ids.skala,
        respondents: 6,
        statements: [
          {
            statementId: 'kunskap',
            counts: [0, 1, 1, 2, 1],
            skipped: 1,
            n: 5,
            mean: 3.6,
            sd: expect.closeTo(Math.sqrt(1.04), 9),
            hidden: false,
          },
        ],
      });
      // Managers who rated (2) are under k; the officials (4) are withheld with them, the only other group with anyone in it.
      expect(scale?.segments?.map((segment) => [segment.optionId, segment.respondents, segment.results === null])).toEqual([
        ['tj', 0, true],
        ['chef', 0, true],
        ['pol', 0, false],
        [null, 0, false],
      ]);

      const words = slideOf(duringSession, 'ord');
      expect(words?.results).toEqual({
        kind: 'wordcloud',
        slideId: ids.ord,
        respondents: 4,
        words: [
          { text: 'Pengar', count: 2, hidden: true, forms: [] },
          { text: 'Tid', count: 2, hidden: false, forms: [] },
          { text: 'Mod', count: 1, hidden: false, forms: [] },
        ],
      });
      expect(words?.segments?.[0]).toMatchObject({ optionId: 'tj', respondents: 4, results: words?.results });

      // Two answers are fewer than k: withheld whole and in every segment.
      expect(slideOf(duringSession, 'fritt')).toMatchObject({ results: null });
      expect(slideOf(duringSession, 'fritt')?.segments?.every((segment) => segment.results === null || segment.respondents === 0)).toBe(
        true,
      );
      expect(slideOf(duringSession, 'flera')).toMatchObject({ results: null });

      // Ending keeps every result for the owner.
      const ended = await owner.post(`/api/sessions/${session.id}/end`);
      expect(ended.body.status).toBe('ended');
      const after = sessionReportSchema.parse((await report(session.id, `?segmentBy=${ids.roll}`)).body);
      expect(after).toEqual({
        ...duringSession,
        session: { ...duringSession.session, status: 'ended', endedAt: ended.body.endedAt },
      });
    },
  );

  it.skipIf(dialect.skipReason)('reports unsplit without segmentBy, and with the deck’s k as it is now', async () => {
    const whole = sessionReportSchema.parse((await report(session.id)).body);
    expect(whole.segmentBy).toBeNull();
    expect(whole.slides.every((slide) => slide.segments === null)).toBe(true);
    expect(whole.slides.map((slide) => slide.results)).toEqual(duringSession.slides.map((slide) => slide.results));

    await owner.patch(`/api/presentations/${deck.id}`, { anonymityThreshold: 7 });
    const stricter = sessionReportSchema.parse((await report(session.id)).body);
    expect(stricter.anonymityThreshold).toBe(7);
    expect(stricter.slides.map((slide) => slide.results?.respondents ?? null)).toEqual([8, 9, null, null, null, null]);
    await owner.patch(`/api/presentations/${deck.id}`, { anonymityThreshold: 3 });
  });

  it.skipIf(dialect.skipReason)(
    'lists every session of the deck, newest first, with its participants and the answers that count',
    async () => {
      const second = (await owner.post(`/api/presentations/${deck.id}/sessions`)).body as SessionInfo;
      const host = await LiveClient.host(server.wsUrl, second.id, owner.cookieHeader);
      const phone = await LiveClient.join(server.wsUrl, second.code);
      try {
        expect(await phone.answer(ids.ai!, choice('ja'))).toMatchObject({ type: 'ack' });
        // A cleared question starts a new round: the earlier answer is kept but no longer counts.
        const cleared = host.nextMatching((m) => m.type === 'state' && m.state.round === 1);
        host.send({ type: 'goto', slideId: ids.ai });
        host.send({ type: 'reset-results', slideId: ids.ai });
        await cleared;
        expect(await phone.answer(ids.ai!, choice('nej'))).toMatchObject({ type: 'ack' });
      } finally {
        host.close();
        phone.close();
      }

      const listed = await owner.get(`/api/presentations/${deck.id}/sessions`);
      expect(listed.status).toBe(200);
      const summaries = listed.body as SessionSummary[];
      expect(summaries).toEqual([
        {
          id: second.id,
          presentationId: deck.id,
          status: 'live',
          startedAt: second.startedAt,
          endedAt: null,
          participants: 1,
          answers: 1,
          answersPurgedAt: null,
        },
        { ...duringSession.session, status: 'ended', endedAt: expect.any(String) },
      ]);
      expect((await report(second.id)).body.session).toEqual(summaries[0]);

      const empty = (await owner.post('/api/presentations', { title: 'Ingen körning' })).body as Presentation;
      expect((await owner.get(`/api/presentations/${empty.id}/sessions`)).body).toEqual([]);
    },
  );

  it.skipIf(dialect.skipReason)('keeps sessions and reports to their owner', async () => {
    expect((await report(session.id, '', other)).body).toEqual({ error: { code: 'not_found', message: 'There is no such session.' } });
    expect((await report(session.id, `?segmentBy=${ids.roll}`, other)).status).toBe(404);
    expect((await other.get(`/api/presentations/${deck.id}/sessions`)).body.error.code).toBe('not_found');
    expect((await report(session.id, '', new HttpClient(server.url))).status).toBe(401);
    expect((await new HttpClient(server.url).get(`/api/presentations/${deck.id}/sessions`)).status).toBe(401);
    expect((await report('no-such-session')).body.error.code).toBe('not_found');
    expect((await owner.get('/api/presentations/no-such-deck/sessions')).body.error.code).toBe('not_found');
  });

  it.skipIf(dialect.skipReason)('refuses to split by anything but a single-choice question of the deck', async () => {
    const refused = async (query: string) => {
      const response = await report(session.id, query);
      return [response.status, response.body.error?.code];
    };
    expect(await refused('?segmentBy=no-such-slide')).toEqual([404, 'unknown_slide']);
    expect(await refused(`?segmentBy=${ids.intro}`)).toEqual([400, 'validation_failed']);
    expect(await refused(`?segmentBy=${ids.skala}`)).toEqual([400, 'validation_failed']);
    expect(await refused(`?segmentBy=${ids.flera}`)).toEqual([400, 'validation_failed']);
    expect(await refused('?segmentBy=')).toEqual([400, 'validation_failed']);
    expect(await refused('?segmentBy=a%2Fb')).toEqual([400, 'validation_failed']);
    expect(await refused(`?segmentBy=${ids.roll}&segmentBy=${ids.ai}`)).toEqual([400, 'validation_failed']);
    expect(await refused(`?segment=${ids.roll}`)).toEqual([400, 'validation_failed']);
    // A slide of another deck is not one of this session's questions.
    const elsewhere = (await owner.post('/api/presentations/import', DECK)).body as Presentation;
    expect(await refused(`?segmentBy=${elsewhere.slides[1]!.id}`)).toEqual([404, 'unknown_slide']);
  });

  it.skipIf(dialect.skipReason)('carries k through duplicate, export and import', async () => {
    const copy = (await owner.post(`/api/presentations/${deck.id}/duplicate`)).body as Presentation;
    expect(copy.anonymityThreshold).toBe(3);
    const file = (await owner.get(`/api/presentations/${deck.id}/export`)).body;
    expect(file).toMatchObject({ title: 'Kompetenskartan', anonymityThreshold: 3 });
    expect(((await other.post('/api/presentations/import', file)).body as Presentation).anonymityThreshold).toBe(3);
    const { anonymityThreshold: _left, ...older } = file as Record<string, unknown>;
    expect(((await other.post('/api/presentations/import', older)).body as Presentation).anonymityThreshold).toBe(5);
    expect((await other.post('/api/presentations/import', { ...file, anonymityThreshold: 2 })).body.error.code).toBe('validation_failed');
  });
});
