import type { Presentation } from '@ettor/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP, browserSkipReason, launchChromium, screenshot } from './support/browser.js';
import { type RunningServer, startBuiltServer } from './support/server.js';

/** The night before: the first account is created in the browser, then a deck is built and survives a reload. */
describe.skipIf(browserSkipReason)('setting up and editing', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  const api = async (path: string) => {
    const cookies = await page.context().cookies();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return (await fetch(server.url + path, { headers: { cookie } })).json();
  };
  const saved = () => page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ state: 'attached' });

  beforeAll(async () => {
    server = await startBuiltServer();
    browser = await launchChromium();
    page = await (await browser.newContext(LAPTOP)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('offers to create the first account on the first visit, and that account gets the example deck', async () => {
    await page.goto(`${server.url}/app`);
    await page.locator('#auth-name').fill('Kim Talare');
    await page.getByTestId('auth-email').fill('kim@example.se');
    await page.getByTestId('auth-password').fill('ett långt lösenord');
    await page.getByTestId('auth-submit').click();
    await page.getByTestId('presentation-list').getByText('Hur får vi nollorna att bli ettor?').waitFor();
    expect((await api('/api/auth/me')).isAdmin).toBe(true);
    await screenshot(page, 'dashboard');
  });

  it('builds a question slide whose edits save by themselves and survive a reload', async () => {
    await page.getByTestId('new-presentation').click();
    await page.getByTestId('template-blank').click();
    await page.waitForURL(/\/app\/presentations\//);
    const id = page.url().split('/').pop()!;
    await page.getByTestId('slide-list').waitFor();

    await page.getByTestId('add-slide-choice').click();
    await page.getByTestId('edit-question').fill('Hur digital är din förvaltning?');
    const options = page.getByTestId('edit-option');
    await options.nth(0).fill('Mycket');
    await options.nth(1).fill('Lite');
    await saved();
    await screenshot(page, 'editor-choice');

    await page.reload();
    await page.getByTestId('slide-list').waitFor();
    const deck = (await api(`/api/presentations/${id}`)) as Presentation;
    const choice = deck.slides.find((s) => s.kind === 'choice');
    expect(choice).toMatchObject({ question: 'Hur digital är din förvaltning?', options: [{ label: 'Mycket' }, { label: 'Lite' }] });
  });

  it('reorders slides from the keyboard and undoes a deletion', async () => {
    const id = page.url().split('/').pop()!;
    const order = async () => ((await api(`/api/presentations/${id}`)) as Presentation).slides.map((s) => s.kind);
    expect(await order()).toEqual(['content', 'choice']);

    await page.getByTestId('slide-item').nth(1).getByTestId('move-up').focus();
    await page.keyboard.press('Enter');
    await expect.poll(order).toEqual(['choice', 'content']);

    await page.getByTestId('slide-item').nth(0).getByTestId('delete-slide').click();
    await expect.poll(order).toEqual(['content']);
    await page.getByTestId('undo-delete').click();
    await expect.poll(order).toEqual(['choice', 'content']);
    const deck = (await api(`/api/presentations/${id}`)) as Presentation;
    expect(deck.slides[0]).toMatchObject({ kind: 'choice', question: 'Hur digital är din förvaltning?' });
  });
});
