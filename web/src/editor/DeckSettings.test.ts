import type { Presentation } from '@ettor/protocol';
import type { ComponentProps } from 'svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { lookOf } from '../slides/stage-look';
import { render, type Mounted } from '../test-support/render.svelte';
import DeckSettings from './DeckSettings.svelte';

const deck: Presentation = {
  id: 'deck-1',
  title: 'Kommunquiz',
  slides: [],
  anonymityThreshold: 5,
  strictAnonymity: false,
  language: 'sv',
  extendedTime: false,
  filterOffensive: true,
  theme: 'light',
  brandColor: null,
  logoAssetId: null,
  revealResults: 'live',
  createdAt: '2027-04-01T10:00:00.000Z',
  updatedAt: '2027-04-01T10:00:00.000Z',
};

/** A server that takes the PATCH of the deck's settings and uploaded images, or refuses every one. */
function server(ok = true) {
  let stored = deck;
  const patches: unknown[] = [];
  const uploads: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      if (init.body instanceof FormData) {
        uploads.push(init.body.get('file'));
        const asset = { id: 'logo-asset-1', url: '/media/logo-asset-1', contentType: 'image/png' };
        return new Response(JSON.stringify(asset), { status: 201, headers: { 'content-type': 'application/json' } });
      }
      const patch = JSON.parse(String(init.body)) as Partial<Presentation>;
      patches.push(patch);
      if (!ok) return new Response(JSON.stringify({ error: { code: 'internal', message: 'Down' } }), { status: 500 });
      stored = { ...stored, ...patch };
      return new Response(JSON.stringify(stored), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  return { patches, uploads };
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<Record<string, unknown>> | undefined;
afterEach(() => {
  mounted?.destroy();
  vi.unstubAllGlobals();
});

/** What the form hands the editor after each save. */
type Saved = Parameters<ComponentProps<typeof DeckSettings>['onsaved']>[0];

function settings(start: Presentation = deck) {
  const saved: Saved[] = [];
  const page = render(DeckSettings, {
    presentationId: 'deck-1',
    threshold: 5,
    flags: { strictAnonymity: false, extendedTime: false, filterOffensive: true },
    language: 'sv',
    look: lookOf(start),
    revealResults: start.revealResults,
    // As the editor does: what the server saved is what the form shows next.
    onsaved: (value: Saved) => {
      saved.push(value);
      page.props.look = lookOf(value);
      page.props.revealResults = value.revealResults;
    },
  });
  mounted = page;
  const box = (testid: string) => page.target.querySelector<HTMLInputElement>(`[data-testid="${testid}"]`);
  const all = (testid: string) => [...page.target.querySelectorAll<HTMLInputElement>(`[data-testid="${testid}"]`)];
  return { page, box, all, saved };
}

/** The text that names a radio group. */
const legendOf = (input: Element | undefined) => text(input?.closest('fieldset')?.querySelector('legend'));
/** The texts a control's aria-describedby points at, in order. */
const descriptionOf = (page: Mounted<Record<string, unknown>>, input: Element | null | undefined) =>
  (input?.getAttribute('aria-describedby')?.split(' ') ?? []).map((described) => text(page.target.querySelector(`[id="${described}"]`)));

describe("the deck's settings for quizzes and free text", () => {
  beforeAll(() => setLocale('sv'));

  it('offers double time and the offensive-word filter as labelled checkboxes, each explained', () => {
    const { page, box } = settings();
    for (const [testid, label, help] of [
      [
        'extended-time',
        'Dubbel tid på frågor med nedräkning (tillgänglighet)',
        'Varje nedräkning i quizfrågorna blir dubbelt så lång, så att ingen som behöver mer tid blir utestängd.',
      ],
      [
        'filter-offensive',
        'Håll tillbaka stötande ord för granskning',
        'Svar, ord och frågor med stötande ord på svenska eller engelska visas inte för alla förrän du har granskat dem.',
      ],
    ] as const) {
      const input = box(testid);
      expect(text(input?.labels?.[0])).toBe(label);
      const described = input?.getAttribute('aria-describedby')?.split(' ') ?? [];
      expect(text(page.target.querySelector(`[id="${described[0]}"]`))).toBe(help);
    }
    expect(box('extended-time')?.checked).toBe(false);
    expect(box('filter-offensive')?.checked).toBe(true);
  });

  it('saves each through the same PATCH as the other settings', async () => {
    const { patches } = server();
    const { page, box, saved } = settings();
    box('extended-time')?.click();
    await vi.waitFor(() => expect(box('extended-time-status')?.dataset.state).toBe('saved'));
    box('filter-offensive')?.click();
    await vi.waitFor(() => expect(box('filter-offensive-status')?.dataset.state).toBe('saved'));
    page.flush();
    expect(patches).toEqual([{ extendedTime: true }, { filterOffensive: false }]);
    expect(saved.at(-1)).toMatchObject({ extendedTime: true, filterOffensive: false });
  });

  it('puts a box back when the save fails, and says why', async () => {
    server(false);
    const { box } = settings();
    box('extended-time')?.click();
    await vi.waitFor(() => expect(box('extended-time-status')?.dataset.state).toBe('failed'));
    expect(box('extended-time')?.checked).toBe(false);
  });
});

describe("the big screen's look and when results appear", () => {
  beforeAll(() => setLocale('sv'));

  it('offers the three themes as a labelled radio group, each with a preview of its colours', () => {
    const { page, all } = settings();
    const radios = all('stage-theme');
    expect(radios.map((radio) => [radio.value, text(radio.closest('label')), radio.checked])).toEqual([
      ['light', 'Aa Ljust', true],
      ['dark', 'Aa Mörkt', false],
      ['high-contrast', 'Aa Hög kontrast', false],
    ]);
    expect(legendOf(radios[0])).toBe('Tema');
    expect(radios[0]?.closest('label')?.querySelector('.swatch')?.getAttribute('aria-hidden')).toBe('true');
    const group = radios[0]?.closest('fieldset');
    expect(descriptionOf(page, group)[0]).toBe('Alla teman håller texten lätt att läsa, även från sista raden och på en blek projektor.');
  });

  it('saves a theme through the same PATCH as the other settings', async () => {
    const { patches } = server();
    const { box, all, saved } = settings();
    all('stage-theme')[1]?.click();
    await vi.waitFor(() => expect(box('theme-status')?.dataset.state).toBe('saved'));
    expect(patches).toEqual([{ theme: 'dark' }]);
    expect(saved.at(-1)?.theme).toBe('dark');
  });

  it('puts the theme back when the save fails, and says why', async () => {
    server(false);
    const { page, box, all } = settings();
    all('stage-theme')[2]?.click();
    await vi.waitFor(() => expect(box('theme-status')?.dataset.state).toBe('failed'));
    page.flush();
    expect(all('stage-theme').map((radio) => radio.checked)).toEqual([true, false, false]);
    expect(descriptionOf(page, all('stage-theme')[0]?.closest('fieldset'))[1]).not.toBe('');
  });

  it('saves a brand colour, says when the screen darkens it to keep it visible, and resets it to none', async () => {
    const { patches } = server();
    const { page, box } = settings();
    const colour = box('brand-color');
    expect(text(colour?.labels?.[0])).toBe('Profilfärg');
    expect(descriptionOf(page, colour).slice(0, 2)).toEqual([
      'Används till detaljer som ramar, markeringar och stora siffror, aldrig till brödtext.',
      'Ingen profilfärg: temats egen färg används.',
    ]);
    expect(box('brand-color-reset')).toBeNull();

    if (colour) colour.value = '#ffcc00';
    colour?.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(box('brand-color-status')?.dataset.state).toBe('saved'));
    page.flush();
    expect(patches).toEqual([{ brandColor: '#ffcc00' }]);
    expect(text(box('brand-color-note'))).toMatch(
      /^Färgen syns för dåligt mot temats bakgrund, så skärmen använder en mörkare nyans: #[0-9a-f]{6}\.$/,
    );

    box('brand-color-reset')?.click();
    await vi.waitFor(() => expect(patches).toHaveLength(2));
    await vi.waitFor(() => expect(box('brand-color-reset')).toBeNull());
    expect(patches[1]).toEqual({ brandColor: null });
    expect(document.activeElement).toBe(box('brand-color'));
    expect(text(box('brand-color-note'))).toBe('Ingen profilfärg: temats egen färg används.');
  });

  it('says nothing more about a brand colour the theme can show as it is', () => {
    const { box } = settings({ ...deck, brandColor: '#005EB8' });
    expect(box('brand-color')?.value).toBe('#005eb8');
    expect(text(box('brand-color-note'))).toBe('');
  });

  it('uploads a logo, saves it to the deck and shows it; removing it saves none', async () => {
    const { patches, uploads } = server();
    const { page, box } = settings();
    expect(legendOf(box('logo-upload') ?? undefined)).toBe('Logotyp');
    expect(text(box('logo-upload')?.closest('label'))).toBe('Välj logotyp');

    const file = new File([new Uint8Array([137, 80, 78, 71])], 'logo.png', { type: 'image/png' });
    choose(box('logo-upload'), file);
    await vi.waitFor(() => expect(box('logo-status')?.dataset.state).toBe('saved'));
    page.flush();
    expect(uploads).toHaveLength(1);
    expect(patches).toEqual([{ logoAssetId: 'logo-asset-1' }]);
    const preview = page.target.querySelector<HTMLImageElement>('[data-testid="logo-preview"]');
    expect(preview?.getAttribute('src')).toBe('/media/logo-asset-1');
    expect(preview?.alt).toBe('Nuvarande logotyp');
    expect(text(box('logo-upload')?.closest('label'))).toBe('Byt logotyp');

    box('logo-remove')?.click();
    await vi.waitFor(() => expect(page.target.querySelector('[data-testid="logo-preview"]')).toBeNull());
    expect(patches[1]).toEqual({ logoAssetId: null });
    expect(document.activeElement).toBe(box('logo-upload'));
  });

  it('refuses a file that is not an image it can show, without sending it', () => {
    const { uploads } = server();
    const { page, box } = settings();
    choose(box('logo-upload'), new File(['%PDF'], 'logo.pdf', { type: 'application/pdf' }));
    page.flush();
    expect(box('logo-status')?.dataset.state).toBe('failed');
    expect(descriptionOf(page, box('logo-upload')?.closest('fieldset')).at(-1)).not.toBe('');
    expect(uploads).toEqual([]);
  });

  it("offers when results appear as the deck's default for every question", async () => {
    const { patches } = server();
    const { page, box, all } = settings();
    const radios = all('reveal-results');
    expect(legendOf(radios[0])).toBe('Resultat visas');
    expect(radios.map((radio) => [text(radio.labels?.[0]), radio.checked])).toEqual([
      ['Direkt när svaren kommer', true],
      ['När jag visar dem', false],
    ]);
    expect(descriptionOf(page, radios[0]?.closest('fieldset'))[0]).toMatch(/^Gäller varje fråga som inte har ett eget val\./);
    radios[1]?.click();
    await vi.waitFor(() => expect(box('reveal-results-status')?.dataset.state).toBe('saved'));
    expect(patches).toEqual([{ revealResults: 'on-reveal' }]);
  });
});

/** Picks a file in a file field, as the browser's dialog does. */
function choose(input: HTMLInputElement | null, file: File): void {
  if (!input) throw new Error('no file field');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
