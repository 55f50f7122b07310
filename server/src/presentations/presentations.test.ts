import type { ChoiceSlide, DeckFile, Presentation, ScaleSlide, Slide } from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, signedUpClient } from '../test/http-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

// The smallest valid PNG: 1×1 transparent pixel.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe.each(dialects)('presentations on $name', (dialect) => {
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

  const create = async (title = 'Workshop') => (await owner.post('/api/presentations', { title })).body as Presentation;

  it.skipIf(dialect.skipReason)('creates, renames, duplicates and deletes a presentation', async () => {
    const deck = await create('Budgetdialog 2027');
    expect(deck.slides).toHaveLength(1);
    expect(deck.slides[0]).toMatchObject({ kind: 'content', heading: 'Budgetdialog 2027' });

    const renamed = await owner.patch(`/api/presentations/${deck.id}`, { title: '  Budgetdialog 2028 ' });
    expect(renamed.body.title).toBe('Budgetdialog 2028');

    const copy = (await owner.post(`/api/presentations/${deck.id}/duplicate`)).body as Presentation;
    expect(copy.title).toBe('Budgetdialog 2028 (2)');
    expect(copy.slides.map((s) => s.id)).not.toEqual(renamed.body.slides.map((s: Slide) => s.id));
    expect(copy.slides.map((s) => ({ ...s, id: '' }))).toEqual(renamed.body.slides.map((s: Slide) => ({ ...s, id: '' })));

    expect((await owner.delete(`/api/presentations/${copy.id}`)).status).toBe(204);
    expect((await owner.get(`/api/presentations/${copy.id}`)).body.error.code).toBe('not_found');
  });

  it.skipIf(dialect.skipReason)('adds, edits, reorders and deletes slides, and the edits survive a reload', async () => {
    const deck = await create();
    const choice = (await owner.post(`/api/presentations/${deck.id}/slides`, { kind: 'choice' })).body as ChoiceSlide;
    expect(choice).toMatchObject({ kind: 'choice', allowMultiple: false, showResultsOnPhones: false, allowChange: true });
    expect(choice.options).toHaveLength(2);
    const words = (await owner.post(`/api/presentations/${deck.id}/slides`, { kind: 'wordcloud', afterSlideId: deck.slides[0]!.id }))
      .body as Slide;

    const edited = {
      ...choice,
      question: 'Vilken roll har du?',
      options: [...choice.options, { id: 'politiker', label: 'Politiker' }],
      allowMultiple: true,
    };
    expect((await owner.put(`/api/presentations/${deck.id}/slides/${choice.id}`, edited)).body).toEqual(edited);

    const order = [choice.id, words.id, deck.slides[0]!.id];
    expect((await owner.put(`/api/presentations/${deck.id}/slide-order`, { slideIds: order })).body.slides.map((s: Slide) => s.id)).toEqual(
      order,
    );

    expect((await owner.delete(`/api/presentations/${deck.id}/slides/${words.id}`)).status).toBe(204);
    const reloaded = (await owner.get(`/api/presentations/${deck.id}`)).body as Presentation;
    expect(reloaded.slides.map((s) => s.id)).toEqual([choice.id, deck.slides[0]!.id]);
    expect(reloaded.slides[0]).toEqual(edited);
  });

  it.skipIf(dialect.skipReason)('adds a blank scale slide with its defaults and saves an edited one', async () => {
    const deck = await create();
    const scale = (await owner.post(`/api/presentations/${deck.id}/slides`, { kind: 'scale' })).body as ScaleSlide;
    expect(scale).toMatchObject({ kind: 'scale', question: '', steps: 5, minLabel: '', maxLabel: '', allowSkip: false, allowChange: true });
    expect(scale.statements).toEqual([{ id: expect.stringMatching(/^[A-Za-z0-9_-]+$/), label: '' }]);

    const edited = {
      ...scale,
      question: 'Hur väl stämmer det?',
      statements: [...scale.statements, { id: 'tva', label: 'Två' }],
      steps: 7,
      allowSkip: true,
    };
    expect((await owner.put(`/api/presentations/${deck.id}/slides/${scale.id}`, edited)).body).toEqual(edited);
    expect((await owner.put(`/api/presentations/${deck.id}/slides/${scale.id}`, { ...edited, steps: 11 })).body.error.code).toBe(
      'validation_failed',
    );
    expect((await owner.get(`/api/presentations/${deck.id}`)).body.slides[1]).toEqual(edited);
  });

  it.skipIf(dialect.skipReason)('imports a deck with a scale slide, defaults filled in, and exports it as imported', async () => {
    const file = {
      format: 'ettor-deck',
      version: 1,
      title: 'Skattning',
      slides: [
        {
          id: 'skala',
          kind: 'scale',
          question: 'Hur väl stämmer det?',
          statements: [
            { id: 'a', label: 'Vi har kompetensen' },
            { id: 'b', label: 'Vi vet vad vi vill' },
          ],
          maxLabel: 'Instämmer helt',
        },
      ],
    };
    const imported = await owner.post('/api/presentations/import', file);
    expect(imported.status).toBe(201);
    const [slide] = (imported.body as Presentation).slides;
    expect(slide).toEqual({
      ...file.slides[0],
      id: expect.not.stringMatching(/^skala$/),
      notes: '',
      allowChange: true,
      steps: 5,
      minLabel: '',
      allowSkip: false,
    });

    const exported = (await owner.get(`/api/presentations/${(imported.body as Presentation).id}/export`)).body as DeckFile;
    expect(exported.slides).toEqual([slide]);
    const tooMany = {
      ...file,
      slides: [{ ...file.slides[0], statements: Array.from({ length: 9 }, (_, i) => ({ id: `s${i}`, label: 'x' })) }],
    };
    expect((await owner.post('/api/presentations/import', tooMany)).body.error.code).toBe('validation_failed');
  });

  it.skipIf(dialect.skipReason)('refuses bad slide edits with their codes and changes nothing', async () => {
    const deck = await create();
    const choice = (await owner.post(`/api/presentations/${deck.id}/slides`, { kind: 'choice' })).body as ChoiceSlide;
    const put = (body: unknown, slideId = choice.id) => owner.put(`/api/presentations/${deck.id}/slides/${slideId}`, body);

    expect((await put({ ...choice, options: choice.options.slice(0, 1) })).body.error.code).toBe('validation_failed');
    expect((await put({ ...choice, options: Array.from({ length: 11 }, (_, i) => ({ id: `o${i}`, label: 'x' })) })).body.error.code).toBe(
      'validation_failed',
    );
    expect((await put({ ...choice, colour: 'red' })).body.error.code).toBe('validation_failed');
    expect((await put({ ...choice, question: 'x'.repeat(301) })).body.error.code).toBe('validation_failed');
    expect((await put({ ...choice, id: 'other' })).body.error.code).toBe('validation_failed');
    expect((await put({ id: choice.id, kind: 'open', question: 'Now open?' })).body.error.code).toBe('conflict');
    expect((await put({ ...choice, id: 'missing' }, 'missing')).body.error.code).toBe('unknown_slide');
    expect((await owner.post(`/api/presentations/${deck.id}/slides`, { kind: 'poll' })).body.error.code).toBe('validation_failed');
    expect((await owner.post(`/api/presentations/${deck.id}/slides`, { kind: 'open', afterSlideId: 'nope' })).body.error.code).toBe(
      'unknown_slide',
    );
    expect((await owner.put(`/api/presentations/${deck.id}/slide-order`, { slideIds: [choice.id] })).body.error.code).toBe(
      'validation_failed',
    );
    expect((await owner.put(`/api/presentations/${deck.id}/slide-order`, { slideIds: [choice.id, choice.id] })).body.error.code).toBe(
      'validation_failed',
    );
    expect((await owner.post('/api/presentations', { title: '   ' })).body.error.code).toBe('validation_failed');
    expect(
      (await owner.request('POST', '/api/presentations', 'title=x', { 'content-type': 'application/x-www-form-urlencoded' })).body.error
        .code,
    ).toBe('unsupported_media_type');

    expect((await owner.get(`/api/presentations/${deck.id}`)).body.slides).toEqual([deck.slides[0], choice]);
  });

  it.skipIf(dialect.skipReason)('keeps each presenter’s presentations to themselves', async () => {
    const deck = await create('Privat');
    expect((await other.get(`/api/presentations/${deck.id}`)).status).toBe(404);
    expect((await other.patch(`/api/presentations/${deck.id}`, { title: 'Mine now' })).status).toBe(404);
    expect((await other.delete(`/api/presentations/${deck.id}`)).status).toBe(404);
    expect((await other.post(`/api/presentations/${deck.id}/sessions`)).status).toBe(404);
    expect((await new HttpClient(server.url).get('/api/presentations')).status).toBe(401);
    expect((await other.get('/api/presentations')).body.map((p: Presentation) => p.title)).not.toContain('Privat');
  });

  it.skipIf(dialect.skipReason)('uploads images, serves them, and refuses what is not an image', async () => {
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'pixel.png');
    const uploaded = await owner.request('POST', '/api/assets', form);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ contentType: 'image/png', url: `/media/${uploaded.body.id}` });
    const image = await fetch(server.url + uploaded.body.url);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer())).toEqual(PNG);

    const fake = new FormData();
    fake.append('file', new Blob(['<svg onload=alert(1)>'], { type: 'image/png' }), 'evil.png');
    expect((await owner.request('POST', '/api/assets', fake)).body.error.code).toBe('unsupported_media_type');
    expect((await new HttpClient(server.url).request('POST', '/api/assets', form)).status).toBe(401);
  });

  it.skipIf(dialect.skipReason)('keeps a deck’s theme, brand colour, logo and reveal default through export and import', async () => {
    const deck = await create('Profil');
    expect(deck).toMatchObject({ theme: 'light', brandColor: null, logoAssetId: null, revealResults: 'live' });
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'logo.png');
    const logo = (await owner.request('POST', '/api/assets', form)).body;
    const patched = await owner.patch(`/api/presentations/${deck.id}`, {
      theme: 'high-contrast',
      brandColor: '#005a9c',
      logoAssetId: logo.id,
      revealResults: 'on-reveal',
    });
    expect(patched.body).toMatchObject({ theme: 'high-contrast', brandColor: '#005a9c', logoAssetId: logo.id, revealResults: 'on-reveal' });

    // Each bad value is refused by name, and nothing of the request is stored.
    for (const bad of [
      { theme: 'neon' },
      { brandColor: 'blue' },
      { brandColor: '#12345' },
      { revealResults: 'later' },
      { logoAssetId: '../etc' },
    ]) {
      const refused = await owner.patch(`/api/presentations/${deck.id}`, { title: 'Ändrad', ...bad });
      expect(refused.body.error.code, JSON.stringify(bad)).toBe('validation_failed');
    }
    const missingLogo = await owner.patch(`/api/presentations/${deck.id}`, { title: 'Ändrad', logoAssetId: 'no-such-image-1' });
    expect(missingLogo.body.error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('logoAssetId') as string });
    expect((await owner.get(`/api/presentations/${deck.id}`)).body).toMatchObject({ title: 'Profil', theme: 'high-contrast' });

    const file = (await owner.get(`/api/presentations/${deck.id}/export`)).body as DeckFile;
    expect(file).toMatchObject({ theme: 'high-contrast', brandColor: '#005a9c', logoAssetId: logo.id, revealResults: 'on-reveal' });
    expect(file.assets.map((asset) => asset.id)).toEqual([logo.id]);
    const imported = (await other.post('/api/presentations/import', file)).body as Presentation;
    expect(imported).toMatchObject({ theme: 'high-contrast', brandColor: '#005a9c', revealResults: 'on-reveal' });
    expect(imported.logoAssetId).not.toBe(logo.id);
    expect(Buffer.from(await (await fetch(`${server.url}/media/${imported.logoAssetId}`)).arrayBuffer())).toEqual(PNG);
    const copy = (await owner.post(`/api/presentations/${deck.id}/duplicate`)).body as Presentation;
    expect(copy).toMatchObject({ theme: 'high-contrast', brandColor: '#005a9c', logoAssetId: logo.id, revealResults: 'on-reveal' });

    // A file naming a logo it does not carry is refused; so is an unknown theme.
    expect((await other.post('/api/presentations/import', { ...file, assets: [] })).body.error.code).toBe('validation_failed');
    expect((await other.post('/api/presentations/import', { ...file, theme: 'neon' })).body.error.code).toBe('validation_failed');
    expect((await owner.patch(`/api/presentations/${deck.id}`, { logoAssetId: null })).body.logoAssetId).toBeNull();
  });

  it.skipIf(dialect.skipReason)('exports a deck with its images and imports it as a new presentation', async () => {
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'pixel.png');
    const asset = (await owner.request('POST', '/api/assets', form)).body;
    const deck = await create('Med bild');
    const slide = { ...deck.slides[0]!, image: { assetId: asset.id, alt: 'En pixel' } };
    await owner.put(`/api/presentations/${deck.id}/slides/${slide.id}`, slide);

    const exported = await owner.get(`/api/presentations/${deck.id}/export`);
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    const file = exported.body as DeckFile;
    expect(file).toMatchObject({ format: 'ettor-deck', version: 1, title: 'Med bild' });
    expect(file.assets).toEqual([{ id: asset.id, contentType: 'image/png', data: PNG.toString('base64') }]);

    const imported = (await other.post('/api/presentations/import', file)).body as Presentation;
    expect(imported.title).toBe('Med bild');
    const importedSlide = imported.slides[0]!;
    expect(importedSlide.id).not.toBe(slide.id);
    if (importedSlide.kind !== 'content' || !importedSlide.image) throw new Error('image lost in import');
    expect(importedSlide.image.assetId).not.toBe(asset.id);
    const image = await fetch(`${server.url}/media/${importedSlide.image.assetId}`);
    expect(Buffer.from(await image.arrayBuffer())).toEqual(PNG);

    const before = (await other.get('/api/presentations')).body.length;
    const broken = { ...file, slides: [...file.slides, { id: 'x', kind: 'choice', question: 'Q', options: [] }] };
    expect((await other.post('/api/presentations/import', broken)).body.error.code).toBe('validation_failed');
    const badImage = { ...file, assets: [{ ...file.assets[0]!, data: Buffer.from('not an image').toString('base64') }] };
    expect((await other.post('/api/presentations/import', badImage)).body.error.code).toBe('unsupported_media_type');
    expect((await other.get('/api/presentations')).body.length).toBe(before);
  });
});
