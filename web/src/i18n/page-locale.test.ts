// The big screen speaks its deck's language without changing the language the speaker chose for their own pages.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { locale, setLocale, t, useLocaleForPage } from './i18n.svelte';

describe('a page in a language of its own', () => {
  beforeAll(() => setLocale('sv'));
  afterEach(() => setLocale('sv'));

  it('shows the page in the deck’s language, stores nothing, and goes back to the speaker’s choice when left', async () => {
    const leave = useLocaleForPage('en');
    await vi.waitFor(() => expect(locale()).toBe('en'));
    expect(t('present.next')).toBe('Next');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('ettor.locale')).toBe('sv');

    leave();
    await vi.waitFor(() => expect(locale()).toBe('sv'));
    expect(t('present.next')).toBe('Nästa');
    expect(localStorage.getItem('ettor.locale')).toBe('sv');
  });

  it('goes back to a language the speaker chose meanwhile', async () => {
    const leave = useLocaleForPage('en');
    await setLocale('en');
    leave();
    await vi.waitFor(() => expect(locale()).toBe('en'));
    expect(localStorage.getItem('ettor.locale')).toBe('en');
  });
});
