import type { Settings } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { render, type Mounted } from '../test-support/render.svelte';
import AdminPage from './AdminPage.svelte';
import { auth } from './auth.svelte';

/** A server that holds the settings and answers the two settings routes. */
function settingsServer(initial: Settings) {
  let settings = initial;
  const patches: unknown[] = [];
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    if (init.method === 'PATCH') {
      const patch = JSON.parse(String(init.body)) as Partial<Settings>;
      patches.push(patch);
      settings = { ...settings, ...patch };
    }
    return new Response(JSON.stringify(settings), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return { patches };
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('the admin page’s answer retention', () => {
  let page: Mounted<Record<string, never>> | undefined;

  beforeAll(async () => {
    await setLocale('sv');
    auth.user = { id: 'u', email: 'kim@example.se', name: 'Kim', isAdmin: true };
  });
  afterEach(() => {
    page?.destroy();
    vi.unstubAllGlobals();
  });

  async function open(): Promise<HTMLElement> {
    page = render(AdminPage, {});
    await vi.waitFor(() => expect(page!.target.querySelector('[data-testid="retention-form"]')).not.toBeNull());
    return page.target;
  }
  const field = (target: HTMLElement, id: string) => target.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;

  it('shows the stored choice, refuses a bad number on the page and saves a good one', async () => {
    const { patches } = settingsServer({ signupOpen: false, answerRetentionDays: null, publicUrl: null });
    const target = await open();
    expect(field(target, 'retention-forever').checked).toBe(true);
    expect(field(target, 'retention-days').labels?.[0]?.textContent).toBe('Antal dagar');

    const days = field(target, 'retention-days');
    // An empty field is no choice to keep for ever, and 0 days is out of range.
    for (const bad of ['', '0']) {
      days.value = bad;
      days.dispatchEvent(new Event('input', { bubbles: true }));
      page!.flush();
      expect(field(target, 'retention-limited').checked).toBe(true);
      field(target, 'retention-save').click();
      page!.flush();
      // Swedish writes 3650 with a thin space between the thousands.
      expect(text(target.querySelector('[data-testid="retention-days-problem"]'))).toMatch(/^Skriv ett heltal från 1 till 3\s650\.$/u);
      expect(days.getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement).toBe(days);
    }
    expect(patches).toEqual([]);

    days.value = '90';
    days.dispatchEvent(new Event('input', { bubbles: true }));
    field(target, 'retention-save').click();
    await vi.waitFor(() => expect(patches).toEqual([{ answerRetentionDays: 90 }]));
    await vi.waitFor(() =>
      expect(text(target.querySelector('[role="status"]'))).toBe('Sparat. Svaren raderas 90 dagar efter att sessionen avslutats.'),
    );
    expect(days.hasAttribute('aria-invalid')).toBe(false);

    field(target, 'retention-forever').click();
    field(target, 'retention-save').click();
    await vi.waitFor(() => expect(patches).toEqual([{ answerRetentionDays: 90 }, { answerRetentionDays: null }]));
  });

  it('saves the address phones open, and clears it when emptied', async () => {
    const { patches } = settingsServer({ signupOpen: true, answerRetentionDays: null, publicUrl: 'https://ettor.kommun.se' });
    const target = await open();
    const address = field(target, 'public-url');
    expect(address.value).toBe('https://ettor.kommun.se');
    expect(text(target.querySelector('label[for="public-url"]'))).toBe('Adress för deltagarna');
    address.value = ' https://ettor.region.se ';
    address.dispatchEvent(new Event('input', { bubbles: true }));
    field(target, 'public-url-save').click();
    await vi.waitFor(() => expect(patches).toEqual([{ publicUrl: 'https://ettor.region.se' }]));
    await vi.waitFor(() => expect(text(target.querySelector('[role="status"]'))).toBe('Inställningen är sparad.'));
    expect(address.value).toBe('https://ettor.region.se');
    address.value = '';
    address.dispatchEvent(new Event('input', { bubbles: true }));
    field(target, 'public-url-save').click();
    await vi.waitFor(() => expect(patches).toEqual([{ publicUrl: 'https://ettor.region.se' }, { publicUrl: null }]));
  });
});
