import type { Presentation, SessionInfo } from '@ettor/protocol';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIG_SCREEN, PHONE, browserSkipReason, launchChromium, presenterContext, screenshot } from './support/browser.js';
import { type RunningServer, signUpPresenter, startBuiltServer } from './support/server.js';

/** The example deck run as a talk: one big screen and three phones in Chromium. */
describe.skipIf(browserSkipReason)('running the RegLab talk', () => {
  let server: RunningServer;
  let browser: Browser;
  let deck: Presentation;
  let session: SessionInfo;
  let screen: Page;
  const phones: Page[] = [];
  const contexts: BrowserContext[] = [];

  // Import gives the example deck fresh slide ids, so slides are found by kind.
  const firstOfKind = (kind: string) => deck.slides.find((s) => s.kind === kind)!.id;
  const slideIndex = (id: string) => deck.slides.findIndex((s) => s.id === id);
  const position = async () => Number((await screen.getByTestId('slide-position').textContent())?.match(/\d+/)?.[0]);

  /** Moves the big screen with the arrow keys, as a speaker with a clicker would. */
  async function showSlide(id: string): Promise<void> {
    const target = slideIndex(id) + 1;
    if (await screen.getByTestId('join-screen').isVisible()) await screen.keyboard.press('ArrowRight');
    for (let guard = 0; guard < deck.slides.length && (await position()) !== target; guard += 1) {
      const before = await position();
      await screen.keyboard.press(before < target ? 'ArrowRight' : 'ArrowLeft');
      await expect.poll(position).not.toBe(before);
    }
    expect(await position()).toBe(target);
  }

  beforeAll(async () => {
    server = await startBuiltServer();
    const presenter = await signUpPresenter(server.url);
    const [summary] = (await presenter.api('GET', '/api/presentations')) as { id: string }[];
    // Three phones answer: k at its lowest (3) lets the big screen show their results.
    deck = (await presenter.api('PATCH', `/api/presentations/${summary!.id}`, { anonymityThreshold: 3 })) as Presentation;
    session = (await presenter.api('POST', `/api/presentations/${deck.id}/sessions`)) as SessionInfo;

    browser = await launchChromium();
    const screenContext = await presenterContext(browser, server.url, presenter.cookie, BIG_SCREEN);
    contexts.push(screenContext);
    screen = await screenContext.newPage();
    await screen.goto(`${server.url}/app/sessions/${session.id}/present`);
    await screen.getByTestId('join-screen').waitFor();

    for (let i = 0; i < 3; i += 1) {
      const context = await browser.newContext(PHONE);
      contexts.push(context);
      phones.push(await context.newPage());
    }
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('shows the join screen with the code, and phones join by typing it, pasting a link or opening /<code>', async () => {
    const spaced = `${session.code.slice(0, 4)} ${session.code.slice(4)}`;
    expect(await screen.getByTestId('join-screen').textContent()).toContain(spaced);
    await screenshot(screen, 'presenter-join-screen');

    const [typing, pasting, direct] = phones as [Page, Page, Page];
    await typing.goto(server.url);
    await screenshot(typing, 'phone-join');
    await typing.getByTestId('join-code').fill(spaced);
    await typing.getByTestId('join-submit').click();
    await pasting.goto(server.url);
    await pasting.getByTestId('join-code').fill(`${server.url}/${session.code}`);
    await pasting.getByTestId('join-code').press('Enter');
    await direct.goto(`${server.url}/${session.code}`);
    for (const phone of phones) await phone.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ state: 'attached' });
    await screen.getByTestId('participant-count').filter({ hasText: '3' }).waitFor();
  });

  it('collects words from three phones into the word cloud on the big screen', async () => {
    await showSlide(firstOfKind('wordcloud'));
    const words = [
      ['Ledarskap', 'Förståelse'],
      ['ledarskap ', 'Mod'],
      ['LEDARSKAP', 'Nyfikenhet'],
    ];
    for (const [i, phone] of phones.entries()) {
      const inputs = phone.getByTestId('word-input');
      await inputs.first().waitFor();
      for (const [j, word] of words[i]!.entries()) await inputs.nth(j).fill(word);
      await phone.getByTestId('submit-answer').click();
    }
    for (const phone of phones) await phone.getByTestId('answer-state').and(phone.locator('[data-state="saved"]')).waitFor();
    await screenshot(phones[0]!, 'phone-wordcloud-saved');

    const results = screen.getByTestId('present-results');
    await screen.getByTestId('answered-count').filter({ hasText: '3' }).waitFor();
    for (const word of ['Förståelse', 'Mod', 'Nyfikenhet']) await results.getByText(word, { exact: true }).first().waitFor();
    // The three spellings of "ledarskap" are one word counted three times.
    expect((await results.textContent())?.match(/ledarskap/gi)?.length ?? 0).toBeGreaterThanOrEqual(1);
    expect(await results.textContent()).toMatch(/ledarskap\D*3|3\D*ledarskap/i);
    await screenshot(screen, 'presenter-wordcloud');
  });

  it('shows the role question on the phones and live bars with counts on the big screen', async () => {
    await showSlide(firstOfKind('choice'));
    const choices = ['politiker', 'politiker', 'kommunchef'];
    for (const [i, phone] of phones.entries()) {
      const option = phone.locator(`[data-testid="answer-option"][data-option-id="${choices[i]}"]`);
      await option.click();
      await phone.getByTestId('submit-answer').click();
      await phone.getByTestId('answer-state').and(phone.locator('[data-state="saved"]')).waitFor();
    }
    await screen.getByTestId('answered-count').filter({ hasText: '3' }).waitFor();
    const results = screen.getByTestId('present-results');
    await expect.poll(async () => results.textContent(), { timeout: 10_000 }).toMatch(/67\s*%/);
    expect(await results.textContent()).toMatch(/33\s*%/);
    await screenshot(screen, 'presenter-role-bars');
    // This slide shows results on phones too.
    await expect.poll(async () => phones[0]!.textContent('body'), { timeout: 10_000 }).toMatch(/67\s*%/);
    await screenshot(phones[0]!, 'phone-role-results');
  });

  it('lets a phone change its answer and the bars follow', async () => {
    const phone = phones[2]!;
    await phone.getByTestId('submit-answer').click();
    await phone.locator('[data-testid="answer-option"][data-option-id="politiker"]').click();
    await phone.getByTestId('submit-answer').click();
    await phone.getByTestId('answer-state').and(phone.locator('[data-state="saved"]')).waitFor();
    await expect.poll(async () => screen.getByTestId('present-results').textContent(), { timeout: 10_000 }).toMatch(/100\s*%/);
  });

  it('counts down before closing on the big screen and the phones, and the presenter can close at once', async () => {
    await screen.getByTestId('start-countdown').click();
    await screen.getByTestId('countdown').waitFor();
    expect(await screen.getByTestId('countdown').textContent()).toMatch(/\d+ s/);
    await phones[0]!.getByTestId('countdown').waitFor();
    await screenshot(screen, 'presenter-countdown');
    await screenshot(phones[0]!, 'phone-countdown');
    await screen.getByTestId('toggle-voting').click();
    await phones[0]!
      .getByText(/stängda|closed/i)
      .first()
      .waitFor();
    await expect.poll(async () => phones[0]!.getByTestId('countdown').count()).toBe(0);
    await screen.getByTestId('toggle-voting').click();
    await expect.poll(async () => phones[0]!.getByTestId('submit-answer').count()).toBe(1);
  });

  it('keeps the phone’s identity and saved answer after a reload', async () => {
    const phone = phones[1]!;
    await phone.reload();
    await phone.getByTestId('answer-state').and(phone.locator('[data-state="saved"]')).waitFor();
    await expect.poll(async () => screen.getByTestId('participant-count').textContent()).toContain('3');
  });
});
