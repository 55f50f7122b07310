import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type DeckFile,
  type Presentation,
  type Slide,
  type TopographySlide,
  checkDeckSources,
  deckFileSchema,
  isSingleChoice,
  templateSummarySchema,
} from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, signedUpClient } from '../test/http-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';
import { templateDeck, templateSummaries, templates } from './templates/index.js';

const folder = fileURLToPath(new URL('./templates/', import.meta.url));

/** A template's name without its language: `digcomp-sv` and `digcomp-en` are one template. */
const family = (id: string) => id.replace(/-(sv|en)$/, '');

/** What must agree between the languages of one template: its structure, not its words. */
function outline(deck: DeckFile) {
  return deck.slides.map((slide) => ({
    id: slide.id,
    kind: slide.kind,
    options: slide.kind === 'choice' ? slide.options.map((option) => option.id) : [],
    statements: slide.kind === 'scale' ? slide.statements.map((statement) => statement.id) : [],
    steps: slide.kind === 'scale' ? slide.steps : null,
    sources: slide.kind === 'topography' ? [slide.segmentBy, slide.scaleSlideId] : [],
  }));
}

const topographies = (slides: readonly Slide[]) => slides.filter((slide): slide is TopographySlide => slide.kind === 'topography');

/**
 * Why a topography cannot be drawn from the deck it is in, or null when it can. Stricter than the deck file's own check,
 * which lets a slide still being built leave its sources unchosen; a template must have chosen them.
 */
function undrawable(topography: TopographySlide, slides: readonly Slide[]): string | null {
  const rows = slides.find((slide) => slide.id === topography.segmentBy);
  const columns = slides.find((slide) => slide.id === topography.scaleSlideId);
  if (!rows || !isSingleChoice(rows)) return `${topography.id}: its rows are not a single-choice question of the deck`;
  if (columns?.kind !== 'scale') return `${topography.id}: its columns are not a scale slide of the deck`;
  return null;
}

describe('presentation templates', () => {
  it('parses every template file in the folder, and offers each of them', () => {
    const files = fs.readdirSync(folder).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const result = deckFileSchema.safeParse(JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')));
      expect(result.success, `${name}: ${result.error?.message}`).toBe(true);
    }
    // A file left out of the index would never be offered; its id is its file name without the extension.
    expect(templateSummaries.map((summary) => `${family(summary.id)}.${summary.language}.json`).sort()).toEqual(files.sort());
  });

  it('describes each template truthfully, in both languages', () => {
    for (const { summary, deck } of templates) {
      expect(templateSummarySchema.parse(summary)).toEqual(summary);
      expect(summary).toMatchObject({ title: deck.title, slideCount: deck.slides.length });
      expect(summary.id).toBe(`${family(summary.id)}-${summary.language}`);
      expect(summary.description.trim()).not.toBe('');
    }
    const languages = new Map<string, string[]>();
    for (const { id, language } of templateSummaries) languages.set(family(id), [...(languages.get(family(id)) ?? []), language]);
    for (const [name, found] of languages) expect(found.sort(), name).toEqual(['en', 'sv']);
    expect(new Set(templateSummaries.map((summary) => summary.id)).size).toBe(templateSummaries.length);
  });

  it('gives the Swedish and English version of a template the same slides, options and statements in the same order', () => {
    const families = new Set(templateSummaries.map((summary) => family(summary.id)));
    expect(families.size).toBeGreaterThan(0);
    for (const name of families) {
      const sv = templateDeck(`${name}-sv`);
      const en = templateDeck(`${name}-en`);
      if (!sv || !en) throw new Error(`${name} lacks a language`);
      expect(outline(en), name).toEqual(outline(sv));
      expect(en.anonymityThreshold).toBe(sv.anonymityThreshold);
    }
  });

  it('draws every topography from a single-choice question and a scale slide of its own deck', () => {
    for (const { summary, deck } of templates) {
      expect(checkDeckSources(deck.slides), summary.id).toBeNull();
      for (const topography of topographies(deck.slides)) {
        expect(undrawable(topography, deck.slides), summary.id).toBeNull();
        // Rows and columns come from questions asked before the map, so they have answers when it is shown.
        const position = (id: string | null) => deck.slides.findIndex((slide) => slide.id === id);
        expect(position(topography.segmentBy)).toBeLessThan(position(topography.id));
        expect(position(topography.scaleSlideId)).toBeLessThan(position(topography.id));
      }
    }
    expect(templates.flatMap(({ deck }) => topographies(deck.slides)).length).toBeGreaterThan(0);
  });

  it('returns nothing for an id that is not a template', () => {
    expect(templateDeck('digcomp')).toBeUndefined();
    expect(templateDeck('')).toBeUndefined();
  });
});

describe.each(dialects)('templates over HTTP on $name', (dialect) => {
  let server: TestServer;
  let owner: HttpClient;
  let other: HttpClient;

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect, { signupOpenByDefault: true });
    owner = await signedUpClient(server.url, 'owner@example.se');
    other = await signedUpClient(server.url, 'other@example.se');
  });
  afterAll(async () => server?.stop());

  const titles = async (client: HttpClient) => ((await client.get('/api/presentations')).body as { title: string }[]).map((p) => p.title);

  it.skipIf(dialect.skipReason)('lists the templates to a signed-in presenter only', async () => {
    const listed = await owner.get('/api/templates');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual(templateSummaries);
    expect((await new HttpClient(server.url).get('/api/templates')).status).toBe(401);
  });

  it.skipIf(dialect.skipReason)('creates a presentation from each template, its slides and their links intact', async () => {
    for (const { summary, deck } of templates) {
      const created = await owner.post(`/api/templates/${summary.id}/presentations`);
      expect(created.status, summary.id).toBe(201);
      const presentation = created.body as Presentation;
      expect(presentation).toMatchObject({ title: deck.title, anonymityThreshold: deck.anonymityThreshold });
      expect(presentation.slides.map((slide) => slide.kind)).toEqual(deck.slides.map((slide) => slide.kind));
      // Each topography still points at the role and scale questions, now by their new ids in this presentation.
      expect(checkDeckSources(presentation.slides), summary.id).toBeNull();
      for (const topography of topographies(presentation.slides)) {
        expect(undrawable(topography, presentation.slides), summary.id).toBeNull();
      }
      expect((await owner.get(`/api/presentations/${presentation.id}`)).body).toEqual(presentation);
    }
    expect(await titles(owner)).toEqual(expect.arrayContaining(templates.map(({ deck }) => deck.title)));
  });

  it.skipIf(dialect.skipReason)('refuses an unknown template with not_found and creates nothing', async () => {
    const before = await titles(owner);
    for (const id of ['no-such-template', 'digcomp', 'DIGCOMP-SV']) {
      const refused = await owner.post(`/api/templates/${id}/presentations`);
      expect(refused.status, id).toBe(404);
      expect(refused.body.error.code).toBe('not_found');
    }
    expect(await titles(owner)).toEqual(before);
    expect((await new HttpClient(server.url).post('/api/templates/digcomp-sv/presentations')).status).toBe(401);
  });

  it.skipIf(dialect.skipReason)("makes the template's presentation the caller's own", async () => {
    const otherBefore = await titles(other);
    const presentation = (await owner.post('/api/templates/decision-makers-en/presentations')).body as Presentation;
    expect((await other.get(`/api/presentations/${presentation.id}`)).status).toBe(404);
    expect((await other.get(`/api/presentations/${presentation.id}/export`)).status).toBe(404);
    expect(await titles(other)).toEqual(otherBefore);

    // Each presenter's copy is their own: changing one leaves the template and the other copies as they were.
    const renamed = await owner.patch(`/api/presentations/${presentation.id}`, { title: 'Vår egen version' });
    expect(renamed.status).toBe(200);
    const second = (await other.post('/api/templates/decision-makers-en/presentations')).body as Presentation;
    expect(second.id).not.toBe(presentation.id);
    expect(second.title).toBe(templateDeck('decision-makers-en')?.title);
  });
});
