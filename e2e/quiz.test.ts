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
 * A quiz with a presenter and three phones: nicknames (one taken, one refused), a counted-down question answered by
 * touch and keyboard, paused, extended and resumed from the console, the right answer revealed only when it closes,
 * each phone's own score and place, and the podium, where the presenter hides a nickname and shows it again.
 */
describe.skipIf(browserSkipReason)('a quiz from three phones to the podium', () => {
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

  async function chooseNickname(phone: Page, nickname: string): Promise<void> {
    await phone.getByTestId('nickname-input').fill(nickname);
    await phone.getByTestId('nickname-submit').click();
  }

  const option = (page: Page, id: string) => page.locator(`[data-testid="quiz-option"][data-option-id="${id}"]`);
  const choice = (phone: Page, id: string) => phone.locator(`[data-testid="answer-option"][data-option-id="${id}"]`);

  beforeAll(async () => {
    server = await startBuiltServer();
    ({ cookie, api } = await signUpPresenter(server.url));
    browser = await launchChromium();
    const file: DeckFileInput = {
      format: 'ettor-deck',
      version: 1,
      title: 'Snabbquiz',
      // Three phones are a room as small as k allows; at the default of five their results would be withheld.
      anonymityThreshold: 3,
      slides: [
        {
          id: 'ar',
          kind: 'quiz',
          question: 'Fram till vilket år sågs digitaliseringen som den starkaste förändringsfaktorn?',
          options: [
            { id: 'y2020', label: '2020' },
            { id: 'y2025', label: '2025' },
            { id: 'y2030', label: '2030' },
          ],
          correct: ['y2025'],
          seconds: 60,
        },
        { id: 'pall', kind: 'leaderboard', heading: 'Vinnarna', podium: true },
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
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('counts a question down and shows no figures per option until it closes; nicknames are unique and clean', async () => {
    await showSlide(screen, deck, deck.slides[0]!.id);
    const [anna, bo, cecilia] = phones;
    await screen.getByTestId('countdown').waitFor();
    await screen.getByTestId('quiz-answered').waitFor();

    await chooseNickname(anna, 'Anna');
    await anna.getByTestId('nickname-playing-as').waitFor();
    await chooseNickname(bo, 'anna');
    await bo.locator('[data-testid="nickname-state"][data-state="error"]').waitFor();
    await chooseNickname(bo, 'Fitta');
    await expect.poll(() => bo.getByTestId('nickname-state').textContent()).toContain('Välj ett annat smeknamn');
    await chooseNickname(bo, 'Bo');
    await bo.getByTestId('nickname-playing-as').waitFor();
    await cecilia.getByTestId('nickname-skip').click();
    await screenshot(anna, 'quiz-phone');
    await expectAccessible(anna);

    await choice(anna, 'y2025').click();
    await anna.getByTestId('submit-answer').click();
    await answerState(anna, 'saved');
    // By keyboard: the first option's radio button, chosen with Space.
    await choice(bo, 'y2020').locator('input').focus();
    await bo.keyboard.press('Space');
    await bo.getByTestId('submit-answer').click();
    await answerState(bo, 'saved');
    await choice(cecilia, 'y2025').click();
    await cecilia.getByTestId('submit-answer').click();
    await answerState(cecilia, 'saved');

    await screen.getByTestId('quiz-answered').filter({ hasText: '3' }).waitFor();
    expect(await screen.getByTestId('quiz-correct').count()).toBe(0);
    await screenshot(screen, 'quiz-screen-open');
  });

  it('pauses the countdown from the console for everyone, keeps the pause through a reload, extends and resumes it', async () => {
    const [anna] = phones;
    await control.getByTestId('control-countdown-pause').click();
    await screen
      .getByTestId('countdown')
      .filter({ hasText: /pausad/i })
      .waitFor();
    await expect.poll(() => anna.getByText(/Nedräkningen är pausad/).count()).toBe(1);
    const left = async () => Number((await screen.getByTestId('countdown').textContent())?.match(/\d+/)?.[0]);
    const pausedAt = await left();
    await screenshot(screen, 'quiz-screen-paused');
    await expectAccessible(control);

    // The pause is the server's: a reloaded console shows it, and time stands still on the big screen meanwhile.
    await control.reload();
    await control.getByTestId('control-countdown-resume').waitFor();
    expect(await left()).toBe(pausedAt);
    await control.locator('[data-testid="control-countdown-extend"][data-seconds="30"]').click();
    await expect.poll(left).toBe(pausedAt + 30);
    await control.getByTestId('control-countdown-resume').click();
    await control.getByTestId('control-countdown-pause').waitFor();
    await screen
      .getByTestId('countdown')
      .filter({ hasNotText: /pausad/i })
      .waitFor();
    await expect.poll(() => anna.getByText(/Nedräkningen är pausad/).count()).toBe(0);
  });

  it('reveals the right answer and each phone’s own score when the presenter closes the question', async () => {
    const [anna, bo, cecilia] = phones;
    await control.getByTestId('control-voting').click();
    await screen.getByTestId('quiz-right').filter({ hasText: '2 av 3' }).waitFor();
    expect(await option(screen, 'y2025').getAttribute('data-correct')).toBe('true');
    await screenshot(screen, 'quiz-screen-closed');
    await expectAccessible(screen);

    await anna.locator('[data-testid="score-verdict"][data-state="right"]').waitFor();
    await bo.locator('[data-testid="score-verdict"][data-state="wrong"]').waitFor();
    await cecilia.locator('[data-testid="score-verdict"][data-state="right"]').waitFor();
    await expect.poll(() => bo.getByTestId('score-correct-answer').textContent()).toContain('2025');
    await screenshot(anna, 'quiz-phone-score');
    await expectAccessible(anna);
  });

  it('puts the players on a podium by nickname, and every phone sees its own place', async () => {
    await showSlide(screen, deck, deck.slides[1]!.id);
    await screen.getByTestId('leaderboard-podium').waitFor();
    const steps = await screen
      .getByTestId('podium-step')
      .evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('data-position'), node.textContent?.replace(/\s+/gu, ' ').trim()]));
    // Anna and the phone without a nickname answered right; whoever was quicker is first. Bo, wrong, is third.
    expect(steps.find(([position]) => position === 'right')?.[1]).toContain('Bo');
    expect(steps.map(([, text]) => text).join(' ')).toContain('Anna');
    expect(steps.map(([, text]) => text).join(' ')).toContain('Utan smeknamn');
    await screenshot(screen, 'quiz-podium');
    await expectAccessible(screen);

    // The presenter keeps a name off the big screen from the console, and shows it again.
    await control.getByRole('button', { name: 'Dölj smeknamnet Anna' }).click();
    await expect.poll(() => screen.getByTestId('leaderboard-podium').textContent()).not.toContain('Anna');
    await control.getByRole('button', { name: 'Visa smeknamnet Anna' }).click();
    await expect.poll(() => screen.getByTestId('leaderboard-podium').textContent()).toContain('Anna');
    const [, bo] = phones;
    await expect.poll(() => bo.getByTestId('score-standing').textContent()).toContain('Plats 3 av 3');
    await screenshot(bo, 'quiz-phone-leaderboard');
  });
});
