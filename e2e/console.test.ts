import type { Presentation, SessionInfo } from '@ettor/protocol';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BIG_SCREEN,
  LAPTOP,
  browserSkipReason,
  expectAccessible,
  launchChromium,
  presenterContext,
  screenshot,
} from './support/browser.js';
import { audienceSocket, buildDeck, hostView } from './support/phone.js';
import { type RunningServer, signUpPresenter, startBuiltServer } from './support/server.js';

/**
 * The speaker's two windows: the console on the laptop and the big screen on the projector, steered by keys from
 * either, each restoring exactly what it showed when reloaded, with results held until the speaker reveals them.
 */
describe.skipIf(browserSkipReason)('the presenter console and the big screen as two windows', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let deck: Presentation;
  let session: SessionInfo;
  let cookie: string;
  let console_: Page;
  let screen: Page;

  const position = (page: Page, n: number) =>
    page
      .getByTestId('slide-position')
      .filter({ hasText: new RegExp(`(^|\\s)${n} (av|of) `, 'u') })
      .waitFor({ state: 'attached' });
  const consoleShows = (text: string) => console_.getByTestId('control-current').filter({ hasText: text }).waitFor();

  beforeAll(async () => {
    server = await startBuiltServer();
    const presenter = await signUpPresenter(server.url);
    cookie = presenter.cookie;
    deck = await buildDeck(presenter.api, 'Nollor och ettor', [
      { kind: 'content', heading: 'Hur får vi nollorna att bli ettor?', notes: 'Hälsa välkommen och presentera er.' },
      {
        kind: 'choice',
        question: 'Vilken roll har du?',
        options: [
          { id: 'tj', label: 'Tjänsteperson' },
          { id: 'ch', label: 'Kommunchef' },
          { id: 'po', label: 'Politiker' },
        ],
        notes: 'Vänta tills alla svarat innan du visar resultatet.',
      },
      { kind: 'content', heading: 'Tack!' },
    ]);
    await presenter.api('PATCH', `/api/presentations/${deck.id}`, { anonymityThreshold: 3, revealResults: 'on-reveal' });
    session = (await presenter.api('POST', `/api/presentations/${deck.id}/sessions`)) as SessionInfo;
    browser = await launchChromium();
    context = await presenterContext(browser, server.url, presenter.cookie, BIG_SCREEN);
    screen = await context.newPage();
    await screen.goto(`${server.url}/app/sessions/${session.id}/present`);
    console_ = await context.newPage();
    await console_.setViewportSize(LAPTOP.viewport);
    await console_.goto(`${server.url}/app/sessions/${session.id}/control`);
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('opens on the join screen and shows the console the current and next slide, the notes and the clock', async () => {
    await screen.getByTestId('join-screen').waitFor();
    await consoleShows('Hur får vi nollorna att bli ettor?');
    expect(await console_.getByTestId('console-notes').textContent()).toContain('Hälsa välkommen');
    expect(await console_.getByTestId('console-next').textContent()).toContain('Vilken roll har du?');
    expect(await console_.getByTestId('console-clock').textContent()).toMatch(/\d{1,2}[:.]\d{2}/u);
    await console_.getByTestId('console-elapsed').waitFor();
    await console_.getByTestId('console-join-screen').and(console_.locator('[aria-pressed="true"]')).waitFor();
  });

  it('lifts the join screen and moves on from the console’s keys; the big screen follows', async () => {
    await console_.keyboard.press('ArrowRight');
    await screen.getByTestId('join-screen').waitFor({ state: 'detached' });
    await console_.keyboard.press('ArrowRight');
    await position(screen, 2);
    await consoleShows('Vilken roll har du?');
    expect(await console_.getByTestId('console-notes').textContent()).toContain('Vänta tills alla svarat');
    // Held and unanswered: the big screen invites the room to answer, with how to join.
    await screen.getByTestId('results-invite').waitFor();
    await screenshot(screen, 'console-screen-invite');
    // Notes never reach the big screen.
    expect(await screen.locator('body').textContent()).not.toContain('Vänta tills alla svarat');
  });

  it('holds the results on the big screen while the console previews them, until H reveals them', async () => {
    const people = await Promise.all([0, 1, 2].map(() => audienceSocket(server.url, session.code)));
    const choice = deck.slides[1]!;
    for (const [n, person] of people.entries()) {
      expect(await person.answer(choice.id, { kind: 'choice', optionIds: [['tj', 'ch', 'tj'][n]!] }, `c${n}-console-test`)).toMatchObject({
        type: 'ack',
      });
    }
    await screen.getByTestId('waiting-count').filter({ hasText: '3' }).waitFor();
    expect(await screen.getByTestId('present-results').locator('.bars .bar').count()).toBe(0);
    await console_.locator('[data-testid="console-results-visibility"][data-shown="false"]').waitFor();
    await console_.getByTestId('console-current').locator('.bars .bar').first().waitFor();
    await console_.getByTestId('console-answered').filter({ hasText: '3' }).waitFor();
    await screenshot(console_, 'console-held');
    await expectAccessible(console_);
    await screenshot(screen, 'console-screen-held');

    await screen.keyboard.press('h');
    await screen.getByTestId('present-results').locator('.bars .bar').first().waitFor();
    await console_.locator('[data-testid="console-results-visibility"][data-shown="true"]').waitFor();
    await screenshot(screen, 'console-screen-revealed');
    // H again from the console hides them: one state for both windows.
    await console_.keyboard.press('h');
    await screen.getByTestId('results-waiting').waitFor();
    await console_.getByTestId('console-reveal').click();
    await screen.getByTestId('present-results').locator('.bars .bar').first().waitFor();
  });

  it('blacks the screen from either window, keeps it black through a reload, and Esc brings the slide back', async () => {
    await console_.keyboard.press('b');
    await screen.getByTestId('black-screen').waitFor();
    await console_.getByTestId('console-black').and(console_.locator('[aria-pressed="true"]')).waitFor();
    await screen.reload();
    await screen.getByTestId('black-screen').waitFor();
    const url = screen.url();
    await screen.keyboard.press('Escape');
    await screen.getByTestId('black-screen').waitFor({ state: 'detached' });
    // Esc never leaves the big screen, so neither the editor nor the notes can reach the projector.
    await screen.keyboard.press('Escape');
    expect(screen.url()).toBe(url);
    await console_.getByTestId('console-black').and(console_.locator('[aria-pressed="false"]')).waitFor();
    await screen.getByTestId('present-results').locator('.bars .bar').first().waitFor();
  });

  it('restores the join screen and the slide after reloading either window', async () => {
    await console_.keyboard.press('q');
    await screen.getByTestId('join-screen').waitFor();
    await screen.reload();
    await screen.getByTestId('join-screen').waitFor();
    await console_.reload();
    await consoleShows('Vilken roll har du?');
    await console_.getByTestId('console-join-screen').and(console_.locator('[aria-pressed="true"]')).waitFor();
    await console_.getByTestId('console-join-screen').click();
    await screen.getByTestId('join-screen').waitFor({ state: 'detached' });
    await position(screen, 2);
    await screenshot(console_, 'console');
  });

  it('shows the big screen’s toolbar only when the mouse moves, never at a key press', async () => {
    const toolbar = screen.getByTestId('present-toolbar');
    await screen.keyboard.press('ArrowRight');
    await position(screen, 3);
    expect(await toolbar.evaluate((element) => getComputedStyle(element).opacity)).toBe('0');
    await screen.mouse.move(400, 400);
    await screen.mouse.move(600, 500);
    await expect.poll(() => toolbar.evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
  });

  it('lets the audience go at their own pace from the console until a day the speaker sets, and takes the lead back', async () => {
    await console_.getByTestId('pace-audience').check();
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await console_.getByTestId('pace-open-until').fill(inAWeek);
    await console_.getByTestId('pace-apply').click();
    await expect.poll(async () => (await hostView(server.url, cookie, session.id)).state.pace).toBe('audience');
    expect((await hostView(server.url, cookie, session.id)).state.openUntil?.slice(0, 10)).toBe(inAWeek);
    await expectAccessible(console_);
    await screenshot(console_, 'console-self-paced');
    await console_.getByTestId('pace-presenter').check();
    await console_.getByTestId('pace-apply').click();
    await expect.poll(async () => (await hostView(server.url, cookie, session.id)).state.pace).toBe('presenter');
  });
});
