import type { DeckFileInput, Presentation, SessionInfo } from '@ettor/protocol';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BIG_SCREEN,
  LAPTOP,
  PHONE,
  expectAccessible,
  browserSkipReason,
  launchChromium,
  presenterContext,
  screenshot,
} from './support/browser.js';
import { answerState, showSlide } from './support/phone.js';
import { type RunningServer, signUpPresenter, startBuiltServer } from './support/server.js';

/**
 * Q&A and reactions with a presenter (big screen and control view) and three phones: questions asked from another
 * slide and on the Q&A, upvoted once each, pinned, answered, held for approval; reactions floated and counted.
 */
describe.skipIf(browserSkipReason)('Q&A and reactions from three phones to the big screen', () => {
  let server: RunningServer;
  let browser: Browser;
  let cookie: string;
  let api: Awaited<ReturnType<typeof signUpPresenter>>['api'];
  let deck: Presentation;
  let session: SessionInfo;
  let screen: Page;
  let control: Page;
  let phones: [Page, Page, Page];
  const contexts: BrowserContext[] = [];

  async function newPage(options: Parameters<Browser['newContext']>[0], asPresenter = false): Promise<Page> {
    const context = asPresenter
      ? await presenterContext(browser, server.url, cookie, options as typeof BIG_SCREEN)
      : await browser.newContext(options);
    contexts.push(context);
    return context.newPage();
  }

  async function joinPhone(): Promise<Page> {
    const page = await newPage(PHONE);
    await page.goto(`${server.url}/${session.code}`);
    await page.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ state: 'attached' });
    return page;
  }

  async function ask(phone: Page, text: string, name?: string): Promise<void> {
    const form = phone.getByTestId('qa-ask-form').last();
    await form.getByTestId('qa-ask-text').fill(text);
    if (name !== undefined) await form.getByTestId('qa-ask-name').fill(name);
    await form.getByTestId('qa-ask-submit').click();
    await form.locator('[data-testid="qa-ask-state"][data-state="sent"]').waitFor();
  }

  const question = (page: Page, text: string) => page.getByTestId('qa-question').filter({ hasText: text });
  const screenRows = () => screen.getByTestId('qa-row').allTextContents();
  const slideOf = (id: string) => deck.slides[['intro', 'fragor', 'granskat', 'ord', 'hemligt'].indexOf(id)]!.id;

  beforeAll(async () => {
    server = await startBuiltServer();
    ({ cookie, api } = await signUpPresenter(server.url));
    browser = await launchChromium();
    const file: DeckFileInput = {
      format: 'ettor-deck',
      version: 1,
      title: 'Digital kompetens i kommunen',
      // The lowest threshold, so that three phones' word cloud shows at all.
      anonymityThreshold: 3,
      slides: [
        { id: 'intro', kind: 'content', heading: 'Välkomna', body: 'Ställ gärna frågor under tiden.' },
        { id: 'fragor', kind: 'qa', question: 'Vad vill du fråga oss?' },
        { id: 'granskat', kind: 'qa', question: 'Frågor till panelen', anytime: false, approveFirst: true, names: false },
        { id: 'ord', kind: 'wordcloud', question: 'Ett ord för digital kompetens' },
        {
          id: 'hemligt',
          kind: 'choice',
          question: 'Har du provat en AI-tjänst i jobbet?',
          options: [
            { id: 'ja', label: 'Ja' },
            { id: 'nej', label: 'Nej' },
          ],
          reveal: 'on-reveal',
        },
      ],
    };
    deck = (await api('POST', '/api/presentations/import', file)) as Presentation;
    session = (await api('POST', `/api/presentations/${deck.id}/sessions`)) as SessionInfo;
    screen = await newPage(BIG_SCREEN, true);
    await screen.goto(`${server.url}/app/sessions/${session.id}/present`);
    await screen.getByTestId('join-screen').waitFor();
    control = await newPage(LAPTOP, true);
    await control.goto(`${server.url}/app/sessions/${session.id}/control`);
    phones = [await joinPhone(), await joinPhone(), await joinPhone()];
    await screen.getByTestId('participant-count').filter({ hasText: '3' }).waitFor();
    await showSlide(screen, deck, slideOf('intro'));
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('asks from another slide; the control view follows the questions there', async () => {
    const [anna, bo] = phones;
    await anna.getByTestId('qa-ask-anytime').locator('summary').click();
    await ask(anna, 'Hur börjar vi i en liten kommun?');
    await screenshot(anna, 'qa-phone-anytime');
    await expectAccessible(anna);
    await bo.getByTestId('qa-ask-anytime').locator('summary').click();
    await ask(bo, 'Vem äger frågan om digital kompetens?', 'Bo');
    await control.getByTestId('control-anytime-qa').getByTestId('qa-listed').nth(1).waitFor();
    expect(await control.getByTestId('control-anytime-qa').getByTestId('qa-listed').count()).toBe(2);
  });

  it('lists, upvotes once each and sorts the questions on the Q&A slide; own questions cannot be upvoted', async () => {
    await showSlide(screen, deck, slideOf('fragor'));
    const [anna, bo, cecilia] = phones;
    await question(cecilia, 'Vem äger frågan').waitFor();
    await screenshot(cecilia, 'qa-phone-board');
    await expectAccessible(cecilia);
    expect(await question(anna, 'Hur börjar vi').getByTestId('qa-upvote').isDisabled()).toBe(true);

    await question(cecilia, 'Hur börjar vi').getByTestId('qa-upvote').click();
    await expect.poll(() => question(cecilia, 'Hur börjar vi').getByTestId('qa-upvote').getAttribute('aria-pressed')).toBe('true');
    await question(bo, 'Hur börjar vi').getByTestId('qa-upvote').click();
    // Taking a vote back and giving it again counts it once.
    await question(anna, 'Vem äger frågan').getByTestId('qa-upvote').click();
    await expect.poll(() => question(anna, 'Vem äger frågan').getByTestId('qa-upvote').getAttribute('aria-pressed')).toBe('true');
    await question(anna, 'Vem äger frågan').getByTestId('qa-upvote').click();
    await expect.poll(() => question(anna, 'Vem äger frågan').getByTestId('qa-upvote').getAttribute('aria-pressed')).toBe('false');

    // The big screen holds its order for a few seconds at most, then shows the most upvoted first.
    await expect
      .poll(screenRows, { timeout: 15_000 })
      .toEqual([
        expect.stringMatching(/^2 röster Hur börjar vi i en liten kommun\? Anonym/u),
        expect.stringMatching(/^0 röster Vem äger frågan om digital kompetens\? Bo/u),
      ]);
    await screenshot(screen, 'qa-screen');
    await expectAccessible(screen);
  });

  it('pins a question to the big screen and marks one answered from the control view', async () => {
    const listed = (text: string) => control.getByTestId('qa-listed').filter({ hasText: text });
    await listed('Vem äger frågan').getByTestId('qa-pin').click();
    await screen.getByTestId('qa-pinned').filter({ hasText: 'Vem äger frågan' }).waitFor();
    await listed('Hur börjar vi').getByTestId('qa-answer').click();
    await expect.poll(() => listed('Hur börjar vi').getByTestId('qa-answer').getAttribute('aria-pressed')).toBe('true');
    await screenshot(screen, 'qa-screen-pinned');
    await screenshot(control, 'qa-control');
    await expectAccessible(control);
  });

  it('holds questions for approval: neither the big screen nor the phones show one until it is approved', async () => {
    await showSlide(screen, deck, slideOf('granskat'));
    const [anna, bo] = phones;
    await screen.getByTestId('qa-empty').waitFor();
    await anna.getByTestId('qa-board').waitFor();
    expect(await anna.getByTestId('qa-ask-name').count()).toBe(0);
    await ask(anna, 'Vad kostar det?');
    await question(anna, 'Vad kostar det?').and(anna.locator('[data-status="pending"]')).waitFor();
    await control.getByTestId('qa-pending').filter({ hasText: 'Vad kostar det?' }).waitFor();
    await screen.waitForTimeout(1_000);
    expect(await screen.getByTestId('qa-row').count()).toBe(0);
    expect(await question(bo, 'Vad kostar det?').count()).toBe(0);

    await control.getByTestId('qa-pending').filter({ hasText: 'Vad kostar det?' }).getByTestId('qa-approve').click();
    await screen.getByTestId('qa-row').filter({ hasText: 'Vad kostar det?' }).waitFor();
    await question(bo, 'Vad kostar det?').waitFor();
  });

  it('holds a word cloud for approval once the presenter turns it on mid-talk', async () => {
    await showSlide(screen, deck, slideOf('ord'));
    const [, bo, cecilia] = phones;
    const send = async (phone: Page, word: string) => {
      const input = phone.getByTestId('word-input').first();
      // A saved answer is changed through its "Ändra svar" button first.
      if (await input.isDisabled()) await phone.getByTestId('submit-answer').click();
      await input.fill(word);
      await phone.getByTestId('submit-answer').click();
      await answerState(phone, 'saved');
    };
    const onScreen = (word: string) => screen.locator('svg text.word').filter({ hasText: word });
    // Three answers, so that the anonymity threshold lets the cloud show at all.
    for (const phone of phones) await send(phone, 'Nyfikenhet');
    await onScreen('Nyfikenhet').waitFor();

    // The anytime Q&A has its own switch; this one is the current slide's.
    await control.locator('section[aria-labelledby="results-heading"]').getByTestId('control-approve-first').check();
    await bo.getByText('Presentatören går igenom svaren innan de visas på storbilden.').waitFor();
    await send(bo, 'Mod');
    await send(cecilia, 'Mod');
    const waiting = control.locator('li').filter({ hasText: 'Mod' });
    await waiting.filter({ hasText: 'väntar på godkännande' }).waitFor();
    // Turning approval on holds every word not yet approved, the one already shown included.
    await onScreen('Nyfikenhet').waitFor({ state: 'detached' });
    expect(await onScreen('Mod').count()).toBe(0);
    await screenshot(control, 'approve-first-control');
    await expectAccessible(control);

    await waiting.getByRole('button', { name: 'Godkänn ”Mod” för storbilden' }).click();
    await onScreen('Mod').waitFor();
    expect(await onScreen('Nyfikenhet').count()).toBe(0);
  });

  it('floats reactions on the big screen, counts them per slide and lets the presenter turn them off', async () => {
    const [anna, bo, cecilia] = phones;
    await anna.getByTestId('react-heart').click();
    await bo.getByTestId('react-applause').click();
    await cecilia.getByTestId('react-applause').click();
    await screen.getByTestId('reactions-layer').locator('span').first().waitFor();
    await screenshot(screen, 'reactions-screen');
    const totals = control.getByTestId('reactions-control');
    await expect.poll(() => totals.textContent()).toMatch(/applåd\s*2/u);
    await screenshot(anna, 'reactions-phone');
    await expectAccessible(anna);

    await control.getByTestId('toggle-reactions').click();
    await anna.getByTestId('reaction-bar').waitFor({ state: 'detached' });
    const report = (await api('GET', `/api/sessions/${session.id}/report`)) as { reactions: { counts: Record<string, number> }[] };
    expect(report.reactions.map((slide) => slide.counts)).toEqual([{ heart: 1, applause: 2 }]);
  });

  it('steers the big screen by keys without ever leaving it: black screen, join screen, lock, results, shortcuts, Esc', async () => {
    await screen.bringToFront();
    await screen.locator('body').click({ position: { x: 5, y: 400 } });
    await screen.keyboard.press('b');
    await screen.getByTestId('black-screen').waitFor();
    await screen.keyboard.press('Escape');
    await screen.getByTestId('black-screen').waitFor({ state: 'detached' });
    // Esc on a window that is not full screen used to open the editor, speaker notes and all, on the projector.
    expect(new URL(screen.url()).pathname).toBe(`/app/sessions/${session.id}/present`);

    await screen.keyboard.press('?');
    await screen.getByTestId('present-keys').waitFor();
    await screenshot(screen, 'present-shortcuts');
    await screen.keyboard.press('?');
    await screen.getByTestId('present-keys').waitFor({ state: 'detached' });

    await screen.keyboard.press('q');
    await screen.getByTestId('join-screen').waitFor();
    await screen.keyboard.press('q');
    await screen.getByTestId('join-screen').waitFor({ state: 'detached' });

    await screen.keyboard.press('l');
    await expect.poll(() => control.getByTestId('control-voting').getAttribute('aria-pressed')).toBe('true');
    await screen.keyboard.press('l');
    await expect.poll(() => control.getByTestId('control-voting').getAttribute('aria-pressed')).toBe('false');

    // H reveals a question's results, which wait for the speaker until then, and hides them again; the code bar stays.
    await showSlide(screen, deck, slideOf('hemligt'));
    await screen.getByTestId('results-invite').waitFor();
    for (const phone of phones) {
      await phone.locator('[data-testid="answer-option"][data-option-id="ja"]').click();
      await phone.getByTestId('submit-answer').click();
      await answerState(phone, 'saved');
    }
    const waiting = screen.getByTestId('results-waiting');
    await waiting.getByTestId('waiting-count').filter({ hasText: '3 svar' }).waitFor();
    expect(await screen.getByTestId('present-results').locator('table').count()).toBe(0);
    await screenshot(screen, 'present-results-waiting');
    await screen.keyboard.press('h');
    await waiting.waitFor({ state: 'detached' });
    await screen.getByTestId('present-results').locator('table').waitFor({ state: 'attached' });
    expect(await screen.getByTestId('join-bar').count()).toBe(1);
    await screen.keyboard.press('h');
    await waiting.waitFor();
  });
});
