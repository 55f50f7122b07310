// A kind's part fetched on demand: a short loading state, then the part; offline, a clear message and a retry as the connection comes back.
import { createRawSnippet } from 'svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { render, type Mounted } from '../test-support/render.svelte';
import { Lazy, type Part } from './lazy.svelte';
import PhonePart from './PhonePart.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
// The part stands in for a component: a text the snippet shows.
const children = createRawSnippet((part: () => unknown) => ({ render: () => `<p data-testid="part">${String(part())}</p>` }));

/** A fetch that fails while `online` is false, as an import() does offline. */
function network() {
  const state = { online: false, fetches: 0 };
  const fetch = () => {
    state.fetches += 1;
    return state.online ? Promise.resolve({ default: 'Formuläret' }) : Promise.reject(new TypeError('Failed to fetch'));
  };
  return { state, fetch };
}

let mounted: Mounted<{ part: Part<unknown>; children: typeof children }> | undefined;
afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
});

describe('a phone part fetched on demand', () => {
  beforeAll(() => setLocale('sv'));

  it('says it is loading, politely, then shows the part', async () => {
    let arrive: (module: { default: unknown }) => void = () => undefined;
    const part = new Lazy<unknown>(() => new Promise((resolve) => (arrive = resolve)));
    mounted = render(PhonePart, { part, children });
    const page = mounted;
    const loading = page.target.querySelector('[data-testid="part-loading"]');
    expect(loading?.getAttribute('role')).toBe('status');
    expect(text(loading)).toBe('Laddar…');

    arrive({ default: 'Formuläret' });
    await vi.waitFor(() => {
      page.flush();
      expect(text(page.target.querySelector('[data-testid="part"]'))).toBe('Formuläret');
    });
    expect(page.target.querySelector('[data-testid="part-loading"]')).toBeNull();
  });

  it('shows a part in the bundle at once', () => {
    mounted = render(PhonePart, { part: 'Formuläret', children });
    expect(text(mounted.target.querySelector('[data-testid="part"]'))).toBe('Formuläret');
  });

  it('says so when the fetch fails offline, and fetches again as the connection comes back', async () => {
    const { state, fetch } = network();
    mounted = render(PhonePart, { part: new Lazy(fetch), children });
    const page = mounted;
    const failed = () => page.target.querySelector('[data-testid="part-failed"]');
    await vi.waitFor(() => {
      page.flush();
      expect(failed()?.getAttribute('role')).toBe('alert');
    });
    expect(text(failed())).toBe('Bilden kunde inte hämtas. Den hämtas så snart anslutningen är tillbaka. Försök igen');

    state.online = true;
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => {
      page.flush();
      expect(text(page.target.querySelector('[data-testid="part"]'))).toBe('Formuläret');
    });
    expect(state.fetches).toBe(2);
  });

  it('tries again at a tap', async () => {
    const { state, fetch } = network();
    mounted = render(PhonePart, { part: new Lazy(fetch), children });
    const page = mounted;
    const retry = () => page.target.querySelector<HTMLButtonElement>('[data-testid="part-failed"] button');
    await vi.waitFor(() => {
      page.flush();
      expect(retry()).not.toBeNull();
    });
    state.online = true;
    retry()?.click();
    await vi.waitFor(() => {
      page.flush();
      expect(text(page.target.querySelector('[data-testid="part"]'))).toBe('Formuläret');
    });
  });
});
