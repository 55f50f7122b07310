import type { Presentation } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
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

/** A server that takes the PATCH of the deck's settings, or refuses every one. */
function server(ok = true) {
  let stored = deck;
  const patches: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const patch = JSON.parse(String(init.body)) as Partial<Presentation>;
      patches.push(patch);
      if (!ok) return new Response(JSON.stringify({ error: { code: 'internal', message: 'Down' } }), { status: 500 });
      stored = { ...stored, ...patch };
      return new Response(JSON.stringify(stored), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  return { patches };
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<Record<string, unknown>> | undefined;
afterEach(() => {
  mounted?.destroy();
  vi.unstubAllGlobals();
});

function settings() {
  const saved: Partial<Presentation>[] = [];
  mounted = render(DeckSettings, {
    presentationId: 'deck-1',
    threshold: 5,
    flags: { strictAnonymity: false, extendedTime: false, filterOffensive: true },
    language: 'sv',
    onsaved: (value: Partial<Presentation>) => saved.push(value),
  });
  const page = mounted;
  const box = (testid: string) => page.target.querySelector<HTMLInputElement>(`[data-testid="${testid}"]`);
  return { page, box, saved };
}

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
