import type { DeckFile, Presentation, Slide, TopographySlide } from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, signedUpClient } from '../test/http-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

// A topography draws on two other slides; these are the rules that keep it drawable whatever is edited.
describe.each(dialects)('slides a topography draws on, on $name', (dialect) => {
  let server: TestServer;
  let owner: HttpClient;

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect);
    owner = await signedUpClient(server.url);
  });
  afterAll(async () => server?.stop());

  const deckFile = (slides: unknown[]): unknown => ({ format: 'ettor-deck', version: 1, title: 'Topografi', slides });
  const DECK = [
    {
      id: 'role',
      kind: 'choice',
      question: 'Roll?',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    },
    {
      id: 'tools',
      kind: 'choice',
      question: 'Verktyg?',
      allowMultiple: true,
      options: [
        { id: 'x', label: 'X' },
        { id: 'y', label: 'Y' },
      ],
    },
    { id: 'skills', kind: 'scale', question: 'Hur säker?', statements: [{ id: 's1', label: 'Kunskaper' }] },
    { id: 'words', kind: 'wordcloud', question: 'Ord?' },
    { id: 'map', kind: 'topography', heading: 'Karta', segmentBy: 'role', scaleSlideId: 'skills' },
  ];

  async function imported(): Promise<{ deck: Presentation; ids: Record<string, string>; map: TopographySlide }> {
    const response = await owner.post('/api/presentations/import', deckFile(DECK));
    expect(response.status).toBe(201);
    const deck = response.body as Presentation;
    // Imported slides get new ids, in the file's order.
    const ids = Object.fromEntries(DECK.map((slide, index) => [slide.id, deck.slides[index]?.id ?? '']));
    return { deck, ids, map: deck.slides[4] as TopographySlide };
  }
  const slidesOf = async (id: string): Promise<Slide[]> => ((await owner.get(`/api/presentations/${id}`)).body as Presentation).slides;
  const presentationCount = async () => ((await owner.get('/api/presentations')).body as unknown[]).length;

  it.skipIf(dialect.skipReason)('an import keeps a topography pointing at its own questions under their new ids', async () => {
    const { ids, map } = await imported();
    expect(map).toMatchObject({ kind: 'topography', segmentBy: ids.role, scaleSlideId: ids.skills });
    expect(map.segmentBy).not.toBe('role');
  });

  it.skipIf(dialect.skipReason)('a copy points at the copy’s questions, not the original’s', async () => {
    const { deck } = await imported();
    const copy = (await owner.post(`/api/presentations/${deck.id}/duplicate`)).body as Presentation;
    const map = copy.slides[4] as TopographySlide;
    expect(map.segmentBy).toBe(copy.slides[0]?.id);
    expect(map.scaleSlideId).toBe(copy.slides[2]?.id);
  });

  it.skipIf(dialect.skipReason)('an exported deck imports again with its topography intact', async () => {
    const { deck } = await imported();
    const file = (await owner.get(`/api/presentations/${deck.id}/export`)).body as DeckFile;
    const again = (await owner.post('/api/presentations/import', file)).body as Presentation;
    const map = again.slides[4] as TopographySlide;
    expect([map.segmentBy, map.scaleSlideId]).toEqual([again.slides[0]?.id, again.slides[2]?.id]);
  });

  it.skipIf(dialect.skipReason)('a new topography starts with nothing chosen, which is allowed', async () => {
    const { deck } = await imported();
    const added = await owner.post(`/api/presentations/${deck.id}/slides`, { kind: 'topography' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: 'topography', heading: '', segmentBy: null, scaleSlideId: null });
  });

  it.skipIf(dialect.skipReason)(
    'refuses a topography whose rows are not a single-choice question or whose columns are not a scale',
    async () => {
      const { deck, ids, map } = await imported();
      const cases: [Partial<TopographySlide>, string][] = [
        [{ segmentBy: ids.tools }, 'The rows of a topography come from a single-choice question.'],
        [{ segmentBy: ids.words }, 'The rows of a topography come from a single-choice question.'],
        [{ segmentBy: 'gone' }, 'The question whose answers form the rows is not in this presentation.'],
        [{ scaleSlideId: ids.role }, 'The columns of a topography come from a scale question.'],
        [{ scaleSlideId: 'deleted' }, 'The scale question whose statements form the columns is not in this presentation.'],
      ];
      for (const [change, message] of cases) {
        const response = await owner.put(`/api/presentations/${deck.id}/slides/${map.id}`, { ...map, ...change });
        expect(response.status, JSON.stringify(change)).toBe(400);
        expect(response.body).toEqual({ error: { code: 'invalid_reference', message } });
      }
      // Nothing was stored.
      expect((await slidesOf(deck.id))[4]).toEqual(map);
    },
  );

  it.skipIf(dialect.skipReason)('refuses to make its role question multiple choice, and keeps the question as it was', async () => {
    const { deck, ids } = await imported();
    const role = (await slidesOf(deck.id))[0] as Slide;
    const response = await owner.put(`/api/presentations/${deck.id}/slides/${ids.role}`, { ...role, allowMultiple: true });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_reference');
    expect((await slidesOf(deck.id))[0]).toEqual(role);
  });

  it.skipIf(dialect.skipReason)('refuses to delete a question a topography draws on, until the topography lets go of it', async () => {
    const { deck, ids, map } = await imported();
    for (const source of [ids.role, ids.skills]) {
      const refused = await owner.delete(`/api/presentations/${deck.id}/slides/${source}`);
      expect(refused.status).toBe(409);
      expect(refused.body).toEqual({
        error: { code: 'slide_in_use', message: '"Karta" draws on this question; pick another question there, or delete it first.' },
      });
    }
    expect(await slidesOf(deck.id)).toHaveLength(DECK.length);
    // Pointing the map elsewhere frees the question.
    expect((await owner.put(`/api/presentations/${deck.id}/slides/${map.id}`, { ...map, scaleSlideId: null })).status).toBe(200);
    expect((await owner.delete(`/api/presentations/${deck.id}/slides/${ids.skills}`)).status).toBe(204);
    expect((await owner.delete(`/api/presentations/${deck.id}/slides/${map.id}`)).status).toBe(204);
    expect((await owner.delete(`/api/presentations/${deck.id}/slides/${ids.role}`)).status).toBe(204);
  });

  it.skipIf(dialect.skipReason)('refuses a deck file whose topography points at the wrong questions, creating nothing', async () => {
    const before = await presentationCount();
    for (const [segmentBy, scaleSlideId] of [
      ['tools', 'skills'],
      ['role', 'words'],
      ['role', 'nowhere'],
    ]) {
      const slides = DECK.map((slide) => (slide.id === 'map' ? { ...slide, segmentBy, scaleSlideId } : slide));
      const response = await owner.post('/api/presentations/import', deckFile(slides));
      expect(response.status, `${segmentBy} × ${scaleSlideId}`).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
      expect(response.body.error.message).toContain('slides.4');
    }
    expect(await presentationCount()).toBe(before);
  });
});
