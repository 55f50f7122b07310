import type { Presentation, SessionInfo } from '@ettor/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AxeViolation,
  BIG_SCREEN,
  LAPTOP,
  PHONE,
  axeViolations,
  browserSkipReason,
  launchChromium,
  presenterContext,
  screenshot,
} from './support/browser.js';
import { type RunningServer, signUpPresenter, startBuiltServer } from './support/server.js';

const describeViolations = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');

/** axe-core finds no WCAG 2.1 A/AA violation on the screens people meet first. */
describe.skipIf(browserSkipReason)('WCAG 2.1 A/AA on every main screen', () => {
  let server: RunningServer;
  let browser: Browser;
  let cookie: string;
  let deck: Presentation;
  let session: SessionInfo;
  let api: Awaited<ReturnType<typeof signUpPresenter>>['api'];

  beforeAll(async () => {
    server = await startBuiltServer();
    ({ cookie, api } = await signUpPresenter(server.url));
    const [summary] = (await api('GET', '/api/presentations')) as { id: string }[];
    deck = (await api('GET', `/api/presentations/${summary!.id}`)) as Presentation;
    session = (await api('POST', `/api/presentations/${deck.id}/sessions`)) as SessionInfo;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function expectAccessible(page: Page, name: string): Promise<void> {
    await screenshot(page, `a11y-${name}`);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  }

  it('the join page', async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto(server.url);
    await page.getByTestId('join-code').waitFor();
    await expectAccessible(page, 'join');
    await page.getByTestId('join-code').fill('0000 0000');
    await page.getByTestId('join-submit').click();
    await page.getByTestId('join-error').waitFor();
    await expectAccessible(page, 'join-error');
  });

  it('the answer page on a phone, before and after answering', async () => {
    const role = deck.slides.find((s) => s.kind === 'choice')!;
    const screen = await (await presenterContext(browser, server.url, cookie, BIG_SCREEN)).newPage();
    await screen.goto(`${server.url}/app/sessions/${session.id}/present`);
    await screen.getByTestId('join-screen').waitFor();
    await screen.keyboard.press('ArrowRight');
    await screen.keyboard.press('ArrowRight');
    await expect.poll(async () => screen.getByTestId('slide-position').textContent()).toMatch(/\b2\b/);

    const phone = await (await browser.newContext(PHONE)).newPage();
    await phone.goto(`${server.url}/${session.code}`);
    await phone.getByTestId('answer-option').first().waitFor();
    await expectAccessible(phone, 'answer-choice');
    await phone.locator(`[data-testid="answer-option"][data-option-id="${role.kind === 'choice' ? role.options[0]!.id : ''}"]`).click();
    await phone.getByTestId('submit-answer').click();
    await phone.locator('[data-testid="answer-state"][data-state="saved"]').waitFor();
    await expectAccessible(phone, 'answer-saved');
  });

  it('the presenter screen with live results', async () => {
    // A session of its own: the server keeps whether the join screen is up, and the test before moved past it.
    const fresh = (await api('POST', `/api/presentations/${deck.id}/sessions`)) as SessionInfo;
    const screen = await (await presenterContext(browser, server.url, cookie, BIG_SCREEN)).newPage();
    await screen.goto(`${server.url}/app/sessions/${fresh.id}/present`);
    await screen.getByTestId('join-screen').waitFor();
    await expectAccessible(screen, 'present-join-screen');
    // The first press lifts the join screen off the title slide, the second shows the role question.
    await screen.keyboard.press('ArrowRight');
    await screen.getByTestId('join-screen').waitFor({ state: 'detached' });
    await screen.keyboard.press('ArrowRight');
    await screen.getByTestId('present-results').waitFor();
    await expectAccessible(screen, 'present-results');
  });

  it('the editor, the dashboard and the sign-in page', async () => {
    const laptop = await (await presenterContext(browser, server.url, cookie, LAPTOP)).newPage();
    await laptop.goto(`${server.url}/app/presentations/${deck.id}`);
    await laptop.getByTestId('slide-list').waitFor();
    await laptop.locator('[data-testid="save-status"]').waitFor({ state: 'attached' });
    await expectAccessible(laptop, 'editor');
    await laptop.goto(`${server.url}/app`);
    await laptop.getByTestId('presentation-list').waitFor();
    await expectAccessible(laptop, 'dashboard');

    const visitor = await (await browser.newContext(LAPTOP)).newPage();
    await visitor.goto(`${server.url}/app`);
    await visitor.getByTestId('auth-email').waitFor();
    await expectAccessible(visitor, 'sign-in');
  });
});
