import {
  type Presentation,
  type PresentationSummary,
  type SessionComparison,
  type SessionInfo,
  type SessionReport,
  hasResults,
  sessionComparisonSchema,
} from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleDeck } from '../presentations/example-deck.js';
import { HttpClient, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

/** What one phone answers in a run, by the example deck's own slide ids. */
type Phone = Record<string, unknown>;

const role = (optionId: string) => ({ role: { kind: 'choice', optionIds: [optionId] } });
const words = (...entries: string[]) => ({ ordmoln: { kind: 'wordcloud', entries } });
const rate = (kunskaper: number | null, motivation: number) => ({
  'topo-skattning': {
    kind: 'scale',
    ratings: [
      { statementId: 'kunskaper', value: kunskaper },
      { statementId: 'motivation', value: motivation },
    ],
  },
});
const say = (text: string) => ({ motivera: { kind: 'open', text } });

/**
 * The first run, k = 5: six phones. Roles 3 tj, 1 chef, 1 pol, 1 other; five on the word cloud; six on the scale
 * (kunskaper 1 1 2 2 3 and one "don't know": mean 1.8; motivation mean 4); two on the open question, under k.
 */
const FIRST: Phone[] = [
  { ...role('tjansteperson'), ...words('Förståelse'), ...rate(1, 4), ...say('Tid') },
  { ...role('tjansteperson'), ...words('Förståelse', 'Mod'), ...rate(1, 4), ...say('Förebilder') },
  { ...role('tjansteperson'), ...words('Tid'), ...rate(2, 4) },
  { ...role('kommunchef'), ...words('Mod'), ...rate(2, 4) },
  { ...role('politiker'), ...words('Förståelse'), ...rate(3, 4) },
  { ...role('annan'), ...rate(null, 4) },
];

/**
 * A year later, seven phones: 5 tj and 2 pol; two on the word cloud, under k; the scale's kunskaper 3 3 4 4 5 4
 * and one "don't know" (mean 23/6), motivation 5 from all; five on the open question.
 */
const LATER: Phone[] = [
  { ...role('tjansteperson'), ...words('Ansvar'), ...rate(3, 5), ...say('Exempel från andra kommuner') },
  { ...role('tjansteperson'), ...words('Ansvar'), ...rate(3, 5), ...say('Tid') },
  { ...role('tjansteperson'), ...rate(4, 5), ...say('Utbildning') },
  { ...role('tjansteperson'), ...rate(4, 5), ...say('Nyfikenhet') },
  { ...role('tjansteperson'), ...rate(5, 5), ...say('Förebilder') },
  { ...role('politiker'), ...rate(4, 5) },
  { ...role('politiker'), ...rate(null, 5) },
];

describe.each(dialects)('comparing runs on $name', (dialect) => {
  let server: TestServer;
  let owner: HttpClient;
  let other: HttpClient;
  let deck: Presentation;
  /** The imported slide ids by the example deck's own; every account's copy gets fresh ones. */
  const ids: Record<string, string> = {};
  let first: SessionInfo;
  let later: SessionInfo;

  const compare = (sessions: string, as = owner) => as.get(`/api/compare?sessions=${sessions}`);
  const refused = async (query: string) => {
    const response = await owner.get(`/api/compare${query}`);
    return [response.status, response.body?.error?.code];
  };

  async function exampleDeckOf(client: HttpClient): Promise<Presentation> {
    const listed = (await client.get('/api/presentations')).body as PresentationSummary[];
    const summary = listed.find((presentation) => presentation.title === exampleDeck.title);
    if (!summary) throw new Error('no example deck');
    return (await client.get(`/api/presentations/${summary.id}`)).body as Presentation;
  }

  /** A session of the deck that the phones answer over the live socket, then ended. */
  async function run(phones: Phone[]): Promise<SessionInfo> {
    const session = (await owner.post(`/api/presentations/${deck.id}/sessions`)).body as SessionInfo;
    const joined = await Promise.all(phones.map(() => LiveClient.join(server.wsUrl, session.code)));
    try {
      for (const [index, answers] of phones.entries()) {
        for (const [slide, answer] of Object.entries(answers)) {
          expect(await joined[index]!.answer(ids[slide]!, answer), `phone ${index} on ${slide}`).toMatchObject({ type: 'ack' });
        }
      }
    } finally {
      for (const phone of joined) phone.close();
    }
    expect((await owner.post(`/api/sessions/${session.id}/end`)).status).toBe(200);
    return session;
  }

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect, { signupOpenByDefault: true });
    owner = await signedUpClient(server.url, 'owner@example.se');
    other = await signedUpClient(server.url, 'other@example.se');
    deck = await exampleDeckOf(owner);
    exampleDeck.slides.forEach((slide, index) => (ids[slide.id] = deck.slides[index]!.id));
    expect(deck.anonymityThreshold).toBe(5);
    first = await run(FIRST);
    later = await run(LATER);
  });
  afterAll(async () => server?.stop());

  it.skipIf(dialect.skipReason)('sets every question of two runs side by side, oldest first, with each run’s own numbers', async () => {
    // Asked newest first: the answer still starts from the older run, the baseline.
    const response = await compare(`${later.id},${first.id}`);
    expect(response.status).toBe(200);
    const comparison: SessionComparison = sessionComparisonSchema.parse(response.body);

    const [firstReport, laterReport] = await Promise.all(
      [first, later].map(async (session) => (await owner.get(`/api/sessions/${session.id}/report`)).body as SessionReport),
    );
    expect(comparison.presentationId).toBe(deck.id);
    expect(comparison.presentationTitle).toBe('Hur får vi nollorna att bli ettor?');
    expect(comparison.anonymityThreshold).toBe(5);
    expect(comparison.sessions).toEqual([firstReport!.session, laterReport!.session]);
    expect(comparison.sessions.map((session) => [session.id, session.participants, session.status])).toEqual([
      [first.id, 6, 'ended'],
      [later.id, 7, 'ended'],
    ]);

    // Every slide with results, in deck order, and what the charts take their labels from, without speaker notes.
    const withResults = deck.slides.filter(hasResults);
    expect(comparison.slides.map((slide) => slide.slideId)).toEqual(withResults.map((slide) => slide.id));
    expect(comparison.questions).toEqual(withResults.map((slide) => ({ ...slide, notes: '' })));
    // Each run counted exactly as its own report counts it.
    for (const [index, slide] of comparison.slides.entries()) {
      expect(slide.runs, slide.title).toEqual([firstReport!.slides[index]!.results, laterReport!.slides[index]!.results]);
    }

    const runsOf = (id: string) => comparison.slides.find((slide) => slide.slideId === ids[id])?.runs;
    const roles = (counts: number[]) => ({
      kind: 'choice',
      slideId: ids.role,
      respondents: counts.reduce((sum, n) => sum + n, 0),
      counts: ['tjansteperson', 'kommunchef', 'politiker', 'annan'].map((optionId, index) => ({ optionId, count: counts[index] })),
    });
    expect(runsOf('role')).toEqual([roles([3, 1, 1, 1]), roles([5, 0, 2, 0])]);

    const [scaleBefore, scaleAfter] = runsOf('topo-skattning') ?? [];
    const statement = (results: typeof scaleBefore, id: string) =>
      results?.kind === 'scale' ? results.statements.find((s) => s.statementId === id) : undefined;
    expect(statement(scaleBefore, 'kunskaper')).toMatchObject({ counts: [2, 2, 1, 0, 0], skipped: 1, n: 5, mean: 1.8 });
    expect(statement(scaleAfter, 'kunskaper')).toMatchObject({
      counts: [0, 0, 2, 3, 1],
      skipped: 1,
      n: 6,
      mean: expect.closeTo(23 / 6, 9),
    });
    expect([statement(scaleBefore, 'motivation')?.mean, statement(scaleAfter, 'motivation')?.mean]).toEqual([4, 5]);
    expect(statement(scaleAfter, 'fardigheter')).toMatchObject({ n: 0, mean: null });

    // The map drawn from the role and the scale, per run: everyone's column means are the scale's.
    const totals = (runs: ReturnType<typeof runsOf>) =>
      runs?.map((results) =>
        results?.kind === 'topography' ? results.columns.map((column) => [column.statementId, column.total.mean]) : null,
      );
    expect(totals(runsOf('topografi-roll'))).toEqual([
      [
        ['kunskaper', 1.8],
        ['fardigheter', null],
        ['forstaelse', null],
        ['motivation', 4],
      ],
      [
        ['kunskaper', expect.closeTo(23 / 6, 9)],
        ['fardigheter', null],
        ['forstaelse', null],
        ['motivation', 5],
      ],
    ]);
  });

  it.skipIf(dialect.skipReason)('applies k to each run on its own: a run with fewer than k answering has null there', async () => {
    const comparison = sessionComparisonSchema.parse((await compare(`${first.id},${later.id}`)).body);
    const runsOf = (id: string) => comparison.slides.find((slide) => slide.slideId === ids[id])?.runs;

    // Five answered the word cloud the first time, two the second.
    const [cloud, fewWords] = runsOf('ordmoln') ?? [];
    expect(cloud).toMatchObject({ kind: 'wordcloud', respondents: 5 });
    expect(cloud?.kind === 'wordcloud' && cloud.words.map((word) => [word.text, word.count])).toEqual([
      ['Förståelse', 3],
      ['Mod', 2],
      ['Tid', 1],
    ]);
    expect(fewWords).toBeNull();

    // Two answered the open question the first time, five the second.
    const [fewTexts, texts] = runsOf('motivera') ?? [];
    expect(fewTexts).toBeNull();
    expect(texts).toMatchObject({ kind: 'open', respondents: 5 });
    expect(runsOf('diskussion-ettor')).toEqual([null, null]);

    // A stricter k, set after both runs, withholds the first run's role question (6) but not the later one's (7).
    await owner.patch(`/api/presentations/${deck.id}`, { anonymityThreshold: 7 });
    try {
      const stricter = sessionComparisonSchema.parse((await compare(`${first.id},${later.id}`)).body);
      expect(stricter.anonymityThreshold).toBe(7);
      expect(stricter.slides.find((slide) => slide.slideId === ids.role)?.runs.map((results) => results?.respondents ?? null)).toEqual([
        null,
        7,
      ]);
    } finally {
      await owner.patch(`/api/presentations/${deck.id}`, { anonymityThreshold: 5 });
    }
  });

  it.skipIf(dialect.skipReason)('refuses runs of two different decks with not_same_deck, and nothing changes', async () => {
    const copy = (await owner.post(`/api/presentations/${deck.id}/duplicate`)).body as Presentation;
    const elsewhere = (await owner.post(`/api/presentations/${copy.id}/sessions`)).body as SessionInfo;
    const before = await Promise.all([
      owner.get(`/api/presentations/${deck.id}/sessions`),
      owner.get(`/api/presentations/${copy.id}/sessions`),
      owner.get(`/api/sessions/${first.id}/report`),
    ]);

    const response = await compare(`${first.id},${later.id},${elsewhere.id}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: {
        code: 'not_same_deck',
        message: 'These sessions are runs of different presentations; only runs of one presentation can be compared.',
      },
    });

    const after = await Promise.all([
      owner.get(`/api/presentations/${deck.id}/sessions`),
      owner.get(`/api/presentations/${copy.id}/sessions`),
      owner.get(`/api/sessions/${first.id}/report`),
    ]);
    expect(after.map((r) => r.body)).toEqual(before.map((r) => r.body));
  });

  it.skipIf(dialect.skipReason)('refuses fewer than two, more than ten, repeated and malformed session ids', async () => {
    // Nine more runs of the deck, so eleven are real: only the count can be what is wrong with them.
    const more: string[] = [];
    for (let index = 0; index < 9; index += 1)
      more.push(((await owner.post(`/api/presentations/${deck.id}/sessions`)).body as SessionInfo).id);
    const eleven = [first.id, later.id, ...more];

    expect(await refused(`?sessions=${first.id}`)).toEqual([400, 'validation_failed']);
    expect(await refused(`?sessions=${eleven.join(',')}`)).toEqual([400, 'validation_failed']);
    expect(await refused(`?sessions=${first.id},${first.id}`)).toEqual([400, 'validation_failed']);
    expect(await refused(`?sessions=${first.id},${later.id},${first.id}`)).toEqual([400, 'validation_failed']);
    expect(await refused(`?sessions=${first.id},`)).toEqual([400, 'validation_failed']);
    expect(await refused(`?sessions=${first.id},not%20an%20id`)).toEqual([400, 'validation_failed']);
    expect(await refused(`?sessions=${first.id};${later.id}`)).toEqual([400, 'validation_failed']);
    expect(await refused('?sessions=')).toEqual([400, 'validation_failed']);
    expect(await refused('')).toEqual([400, 'validation_failed']);
    expect(await refused(`?sessions=${first.id}&sessions=${later.id}`)).toEqual([400, 'validation_failed']);
    expect(await refused(`?sessions=${first.id},${later.id}&segmentBy=${ids.role}`)).toEqual([400, 'validation_failed']);
    expect((await compare(first.id)).body.error.message).toBe('sessions: compare 2 to 10 sessions, not 1.');

    // Ten is the most, and enough.
    const ten = sessionComparisonSchema.parse((await compare(eleven.slice(0, 10).join(','))).body);
    // Runs started in the same millisecond may list in either order, so only the baseline's place is certain.
    expect(ten.sessions.map((session) => session.id).sort()).toEqual(eleven.slice(0, 10).sort());
    expect(ten.sessions[0]?.id).toBe(first.id);
    expect(ten.slides.every((slide) => slide.runs.length === 10)).toBe(true);
  });

  it.skipIf(dialect.skipReason)('answers not_found for a session the caller does not host, even of another deck', async () => {
    const theirs = (await other.post(`/api/presentations/${(await exampleDeckOf(other)).id}/sessions`)).body as SessionInfo;
    const missing = { error: { code: 'not_found', message: `There is no session ${theirs.id}.` } };

    const mixed = await compare(`${first.id},${theirs.id}`);
    expect(mixed.status).toBe(404);
    expect(mixed.body).toEqual(missing);
    expect((await compare(`${first.id},${later.id}`, other)).status).toBe(404);
    expect((await compare(`${first.id},no-such-session`)).body.error.code).toBe('not_found');
    expect((await compare(`${first.id},${later.id}`, new HttpClient(server.url))).status).toBe(401);
  });
});
