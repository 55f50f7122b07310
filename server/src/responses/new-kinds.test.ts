import type { ErrorCode, Presentation, Results, ServerMessage, SessionInfo, Slide } from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

/** A kind that came with issue 11, its slide, answers the rules take and what the results then show, and answers they refuse. */
interface KindCase {
  /** The slide as the editor saves it, without its id. */
  slide: Record<string, unknown>;
  good: unknown[];
  shows: (results: Results) => unknown;
  expected: unknown;
  bad: [answer: unknown, code: ErrorCode][];
}

const CASES: Record<'ranking' | 'points' | 'grid' | 'pin', KindCase> = {
  ranking: {
    slide: {
      kind: 'ranking',
      question: 'Vad är viktigast?',
      items: [
        { id: 'a', label: 'Ledarskap' },
        { id: 'b', label: 'Utbildning' },
        { id: 'c', label: 'Tid' },
      ],
    },
    good: [
      { kind: 'ranking', order: ['a', 'b', 'c'] },
      { kind: 'ranking', order: ['a', 'c', 'b'] },
      { kind: 'ranking', order: ['b', 'a', 'c'] },
    ],
    shows: (results) => (results.kind === 'ranking' ? results.items.map((item) => [item.itemId, item.meanRank, item.points]) : null),
    expected: [
      ['a', 4 / 3, 5],
      ['b', 2, 3],
      ['c', 8 / 3, 1],
    ],
    bad: [
      [{ kind: 'ranking', order: [] }, 'empty_answer'],
      [{ kind: 'ranking', order: ['a', 'a', 'b'] }, 'duplicate_entry'],
      [{ kind: 'ranking', order: ['a', 'b', 'x'] }, 'unknown_option'],
      [{ kind: 'ranking', order: ['a', 'b'] }, 'too_few_entries'],
      [{ kind: 'ranking', order: 'a,b,c' }, 'validation_failed'],
      [{ kind: 'points', allocations: [] }, 'wrong_answer_kind'],
    ],
  },
  points: {
    slide: {
      kind: 'points',
      question: 'Fördela 10 poäng',
      budget: 10,
      items: [
        { id: 'a', label: 'Skolan' },
        { id: 'b', label: 'Vården' },
      ],
    },
    good: [
      {
        kind: 'points',
        allocations: [
          { itemId: 'a', points: 7 },
          { itemId: 'b', points: 3 },
        ],
      },
      { kind: 'points', allocations: [{ itemId: 'b', points: 4 }] },
    ],
    shows: (results) => (results.kind === 'points' ? results.items.map((item) => [item.itemId, item.total, item.mean, item.n]) : null),
    expected: [
      ['a', 7, 3.5, 1],
      ['b', 7, 3.5, 2],
    ],
    bad: [
      [
        {
          kind: 'points',
          allocations: [
            { itemId: 'a', points: 6 },
            { itemId: 'b', points: 5 },
          ],
        },
        'over_budget',
      ],
      [{ kind: 'points', allocations: [{ itemId: 'a', points: -1 }] }, 'out_of_range'],
      [{ kind: 'points', allocations: [{ itemId: 'a', points: 11 }] }, 'out_of_range'],
      [{ kind: 'points', allocations: [{ itemId: 'a', points: 0 }] }, 'empty_answer'],
      [
        {
          kind: 'points',
          allocations: [
            { itemId: 'a', points: 1 },
            { itemId: 'a', points: 1 },
          ],
        },
        'duplicate_entry',
      ],
      [{ kind: 'points', allocations: [{ itemId: 'x', points: 1 }] }, 'unknown_option'],
      [{ kind: 'points', allocations: [{ itemId: 'a', points: 1.5 }] }, 'validation_failed'],
    ],
  },
  grid: {
    slide: {
      kind: 'grid',
      question: 'Placera åtgärderna',
      max: 10,
      items: [
        { id: 'a', label: 'E-tjänster' },
        { id: 'b', label: 'Öppna data' },
      ],
    },
    good: [
      {
        kind: 'grid',
        placements: [
          { itemId: 'a', x: 2, y: 8 },
          { itemId: 'b', x: 10, y: 0 },
        ],
      },
      { kind: 'grid', placements: [{ itemId: 'a', x: 4, y: 6 }] },
    ],
    shows: (results) => (results.kind === 'grid' ? results.items.map((item) => [item.itemId, item.n, item.meanX, item.meanY]) : null),
    expected: [
      ['a', 2, 3, 7],
      ['b', 1, 10, 0],
    ],
    bad: [
      [{ kind: 'grid', placements: [] }, 'empty_answer'],
      [{ kind: 'grid', placements: [{ itemId: 'a', x: 11, y: 0 }] }, 'out_of_range'],
      [{ kind: 'grid', placements: [{ itemId: 'a', x: 0, y: -1 }] }, 'out_of_range'],
      [
        {
          kind: 'grid',
          placements: [
            { itemId: 'a', x: 1, y: 1 },
            { itemId: 'a', x: 2, y: 2 },
          ],
        },
        'duplicate_entry',
      ],
      [{ kind: 'grid', placements: [{ itemId: 'x', x: 1, y: 1 }] }, 'unknown_option'],
      [{ kind: 'grid', placements: [{ itemId: 'a', x: 0.5, y: 1 }] }, 'validation_failed'],
    ],
  },
  pin: {
    slide: {
      kind: 'pin',
      question: 'Var ska vi börja?',
      regions: [
        { id: 'north', label: 'Norr', x: 0, y: 0, width: 1, height: 0.5 },
        { id: 'south', label: 'Söder', x: 0, y: 0.5, width: 1, height: 0.5 },
      ],
    },
    good: [
      { kind: 'pin', x: 0.25, y: 0.25 },
      { kind: 'pin', x: 0.75, y: 0.2 },
      { kind: 'pin', x: 0.5, y: 0.9 },
    ],
    shows: (results) => (results.kind === 'pin' ? results.regions.map((region) => [region.regionId, region.count]) : null),
    expected: [
      ['north', 2],
      ['south', 1],
    ],
    bad: [
      [{ kind: 'pin', x: -0.1, y: 0.5 }, 'out_of_range'],
      [{ kind: 'pin', x: 0.5, y: 1.5 }, 'out_of_range'],
      [{ kind: 'pin', x: '0.5', y: 0.5 }, 'validation_failed'],
      [{ kind: 'pin', x: 0.5 }, 'validation_failed'],
    ],
  },
};

describe.each(dialects)('the kinds of issue 11 over the live channel on $name', (dialect) => {
  let server: TestServer;
  let presenter: HttpClient;
  let deck: Presentation;
  let session: SessionInfo;
  const sockets: LiveClient[] = [];
  const slides = new Map<string, Slide>();

  const responses = async (slideId: string) =>
    Number(
      (
        await server.ettor.store.db
          .selectFrom('responses')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('slide_id', '=', slideId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect);
    presenter = await signedUpClient(server.url);
    deck = (await presenter.post('/api/presentations', { title: 'Nya frågetyper' })).body as Presentation;
    for (const [kind, { slide }] of Object.entries(CASES)) {
      const blank = (await presenter.post(`/api/presentations/${deck.id}/slides`, { kind })).body as Slide;
      const saved = await presenter.put(`/api/presentations/${deck.id}/slides/${blank.id}`, { ...slide, id: blank.id });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      slides.set(kind, saved.body as Slide);
    }
    session = (await presenter.post(`/api/presentations/${deck.id}/sessions`)).body as SessionInfo;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await server?.stop();
  });

  it.skipIf(dialect.skipReason).each(Object.keys(CASES) as (keyof typeof CASES)[])(
    '%s: counts good answers on the big screen, refuses each bad one with its code and stores nothing of it',
    async (kind) => {
      const { good, shows, expected, bad } = CASES[kind];
      const slide = slides.get(kind)!;
      const screen = await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader);
      sockets.push(screen);
      screen.send({ type: 'goto', slideId: slide.id });
      const phones = await Promise.all(good.map(() => LiveClient.join(server.wsUrl, session.code)));
      sockets.push(...phones);

      for (const [answer, code] of bad) {
        const reply = await phones[0]!.answer(slide.id, answer);
        expect(reply, JSON.stringify(answer)).toMatchObject({ type: 'error', code });
      }
      expect(await responses(slide.id)).toBe(0);

      const counted = screen.nextMatching(
        (m: ServerMessage) => m.type === 'results' && m.results.slideId === slide.id && m.results.respondents === good.length,
      );
      for (const [index, answer] of good.entries()) expect(await phones[index]!.answer(slide.id, answer)).toMatchObject({ type: 'ack' });
      const shown = await counted;
      expect(shown.type === 'results' && shows(shown.results)).toEqual(expected);
      const report = await presenter.get(`/api/sessions/${session.id}/report`);
      expect(report.status).toBe(200);

      // After the presenter locks the slide, a changed answer is refused and the count stays.
      const locked = screen.nextMatching((m) => m.type === 'state');
      screen.send({ type: 'set-voting', slideId: slide.id, open: false });
      await locked;
      expect(await phones[0]!.answer(slide.id, good[1])).toMatchObject({ type: 'error', code: 'voting_closed' });
      expect(await responses(slide.id)).toBe(good.length);
    },
  );

  it.skipIf(dialect.skipReason)('exports the new kinds to CSV and XLSX, and a deck file carries them back', async () => {
    for (const format of ['csv', 'xlsx']) {
      const file = await presenter.get(`/api/sessions/${session.id}/export?format=${format}`);
      expect(file.status).toBe(200);
    }
    const exported = (await presenter.get(`/api/presentations/${deck.id}/export`)).body;
    const imported = await presenter.post('/api/presentations/import', exported);
    expect(imported.status).toBe(201);
    expect((imported.body as Presentation).slides.map((slide) => slide.kind)).toEqual(
      deck.slides.map((slide) => slide.kind).concat([...slides.values()].map((slide) => slide.kind)),
    );
  });
});
