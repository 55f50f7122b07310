// The join page: the code field, its only field, is ready for typing as the page opens.
import { beforeAll, expect, it } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { render } from '../test-support/render.svelte';
import JoinPage from './JoinPage.svelte';

beforeAll(() => setLocale('sv'));

it('focuses the code field when the page opens', () => {
  const page = render(JoinPage, { onjoined: () => undefined });
  expect(document.activeElement).toBe(page.target.querySelector('[data-testid="join-code"]'));
  page.destroy();
});
