import type { DeckFileInput, Presentation, SessionInfo, SessionReport } from '@ettor/protocol';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AxeViolation,
  BIG_SCREEN,
  LAPTOP,
  PHONE,
  SCREENSHOTS,
  axeViolations,
  browserSkipReason,
  launchChromium,
  presenterContext,
  screenshot,
} from './support/browser.js';
import { audienceSocket, showSlide } from './support/phone.js';
import { type RunningServer, signUpPresenter, startBuiltServer } from './support/server.js';

const NARROW_PHONE = { ...PHONE, viewport: { width: 360, height: 760 } };

const ROLE_QUESTION = 'Vilken roll har du?';
const ROLES = [
  { id: 'tjansteperson', label: 'Tjänsteperson' },
  { id: 'chef', label: 'Chef' },
  { id: 'politiker', label: 'Politiker' },
];
const SCALE_QUESTION = 'Hur trygg känner du dig med de digitala verktygen?';
const STATEMENTS = [
  { id: 'hitta', label: 'Jag hittar det jag behöver i våra system' },
  { id: 'visa', label: 'Jag kan visa en kollega hur man gör' },
];

const DECK: DeckFileInput = {
  format: 'ettor-deck',
  version: 1,
  title: 'Digital kompetens i nämnden',
  slides: [
    { id: 'start', kind: 'content', heading: 'Var finns nollorna?' },
    { id: 'roll', kind: 'choice', question: ROLE_QUESTION, options: ROLES },
    { id: 'trygghet', kind: 'scale', question: SCALE_QUESTION, statements: STATEMENTS, steps: 5, minLabel: 'Inte alls', maxLabel: 'Helt' },
  ],
};

/**
 * Seven people answer the role question: three officials, three managers and one politician. An eighth comes late and
 * rates only the scale ("Ej angivet"). With k = 3 the politician and the latecomer are each too few, and since the two
 * together are still fewer than three, one of the groups of three is hidden as well, or the total minus the rest would
 * give the pair's answers away.
 */
const PEOPLE = [
  { role: 'tjansteperson', hitta: 4, visa: 5 },
  { role: 'tjansteperson', hitta: 3, visa: 4 },
  { role: 'tjansteperson', hitta: 5, visa: 3 },
  { role: 'chef', hitta: 2, visa: 2 },
  { role: 'chef', hitta: 3, visa: 1 },
  { role: 'chef', hitta: 1, visa: 2 },
  { role: 'politiker', hitta: 5, visa: 5 },
] as const;
const LATECOMER = { hitta: 2, visa: 5 };

const describeViolations = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');

async function expectAccessible(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

/** The whole page, top to bottom, for looking at a long report. */
async function fullScreenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(500);
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/gu, ' ').trim();

/** A table's body, cell by cell, as text: the numbers a screen reader (or the table view) gives. */
const tableRows = (scope: Locator) =>
  scope
    .locator('table tbody tr')
    .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent?.replace(/\s+/gu, ' ').trim() ?? '')));

/** What everyone's results of each question and the split by role must read, worked out by hand from PEOPLE. */
const ROLE_ROWS = [
  ['Tjänsteperson', '3', '43 %'],
  ['Chef', '3', '43 %'],
  ['Politiker', '1', '14 %'],
];
// Everyone: hitta 4,3,5,2,3,1,5,2 (mean 25/8, population sd 1,36); visa 5,4,3,2,1,2,5,5 (mean 27/8, sd 1,49).
const SCALE_ROWS_ALL = [
  [STATEMENTS[0]!.label, '1', '2', '2', '1', '2', '3,1', '8', '1,4'],
  [STATEMENTS[1]!.label, '1', '2', '1', '1', '3', '3,4', '8', '1,5'],
];
// Officials: hitta 4,3,5 and visa 5,4,3: mean 4,0, sd 0,8 each.
const SCALE_ROWS_OFFICIALS = [
  [STATEMENTS[0]!.label, '0', '0', '1', '1', '1', '4,0', '3', '0,8'],
  [STATEMENTS[1]!.label, '0', '0', '1', '1', '1', '4,0', '3', '0,8'],
];

describe.skipIf(browserSkipReason)('results that outlive the talk', () => {
  let server: RunningServer;
  let browser: Browser;
  let cookie: string;
  let api: Awaited<ReturnType<typeof signUpPresenter>>['api'];
  let deck: Presentation;
  let roleId: string;
  let scaleId: string;
  let session: SessionInfo;
  let screen: Page;
  let laptop: Page;
  const phones: Awaited<ReturnType<typeof audienceSocket>>[] = [];
  const contexts: BrowserContext[] = [];

  async function newPage(options: Parameters<Browser['newContext']>[0], asPresenter = false): Promise<Page> {
    const context = asPresenter
      ? await presenterContext(browser, server.url, cookie, options as typeof BIG_SCREEN)
      : await browser.newContext(options);
    contexts.push(context);
    return context.newPage();
  }

  const question = (page: Page, slideId: string) => page.locator(`[data-testid="report-question"][data-slide-id="${slideId}"]`);
  const segment = (page: Page, slideId: string, group: string, optionId?: string) =>
    question(page, slideId).locator(
      `[data-testid="report-segment"][data-group="${group}"]${optionId ? `[data-option-id="${optionId}"]` : ''}`,
    );
  const card = (page: Page) => page.getByTestId('presentation-card').filter({ hasText: DECK.title });

  beforeAll(async () => {
    server = await startBuiltServer();
    ({ cookie, api } = await signUpPresenter(server.url));
    deck = (await api('POST', '/api/presentations/import', DECK)) as Presentation;
    roleId = deck.slides.find((s) => s.kind === 'choice')!.id;
    scaleId = deck.slides.find((s) => s.kind === 'scale')!.id;
    expect(deck.anonymityThreshold).toBe(5);
    browser = await launchChromium();
    laptop = await newPage(LAPTOP, true);
  });

  afterAll(async () => {
    for (const phone of phones) phone.close();
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('sets the deck’s anonymity threshold in the editor, never below 3', async () => {
    await laptop.goto(`${server.url}/app/presentations/${deck.id}`);
    await laptop.getByTestId('slide-list').waitFor();
    await laptop.getByTestId('deck-settings').locator('summary').click();
    const field = laptop.getByLabel('Minsta antal svar för att visa ett resultat');
    expect(await field.inputValue()).toBe('5');
    expect(await field.getAttribute('min')).toBe('3');
    expect(squash(await laptop.getByTestId('deck-settings').textContent())).toContain('Lägst 3, förvalt 5.');

    await field.fill('2');
    await field.blur();
    await laptop.getByText('Ange ett heltal från 3 till 100.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(((await api('GET', `/api/presentations/${deck.id}`)) as Presentation).anonymityThreshold).toBe(5);
    await screenshot(laptop, 'results-editor-threshold-refused');

    await field.fill('3');
    await field.blur();
    await laptop.locator('[data-testid="threshold-status"][data-state="saved"]').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('false');
    expect(((await api('GET', `/api/presentations/${deck.id}`)) as Presentation).anonymityThreshold).toBe(3);
    await screenshot(laptop, 'results-editor-threshold');
    await expectAccessible(laptop);

    // The value is the deck's own: it is there after a reload.
    await laptop.reload();
    await laptop.getByTestId('deck-settings').locator('summary').click();
    expect(await laptop.getByLabel('Minsta antal svar för att visa ett resultat').inputValue()).toBe('3');
  });

  it('says on the dashboard that a deck never presented has no sessions yet', async () => {
    await laptop.goto(`${server.url}/app`);
    await card(laptop).getByTestId('sessions-empty').waitFor();
    expect(squash(await card(laptop).getByTestId('session-list').textContent())).toBe('Sessioner Inga sessioner än.');
  });

  it('shows the results page during the session, marked live, with the role question answered by seven phones', async () => {
    session = (await api('POST', `/api/presentations/${deck.id}/sessions`)) as SessionInfo;
    screen = await newPage(BIG_SCREEN, true);
    await screen.goto(`${server.url}/app/sessions/${session.id}/present`);
    await screen.getByTestId('join-screen').waitFor();
    // The phones' own pages are the talk's and the scale's tests; here only their answers matter.
    for (let i = 0; i < PEOPLE.length; i += 1) phones.push(await audienceSocket(server.url, session.code));
    await screen
      .getByTestId('participant-count')
      .filter({ hasText: String(PEOPLE.length) })
      .waitFor();

    await showSlide(screen, deck, roleId);
    for (const [i, phone] of phones.entries()) {
      expect(await phone.answer(roleId, { kind: 'choice', optionIds: [PEOPLE[i]!.role] }, `role-${i}-answer`)).toMatchObject({
        type: 'ack',
      });
    }

    await laptop.goto(`${server.url}/app`);
    const live = card(laptop).getByTestId('session-item');
    await live.waitFor();
    expect(await live.getAttribute('data-status')).toBe('live');
    expect(squash(await live.textContent())).toMatch(/ Pågår 7 deltagare · 7 svar Ta bort$/u);

    await screenshot(laptop, 'results-dashboard-live');
    await live.getByRole('link').click();
    await laptop.getByTestId('results-page').waitFor();
    expect(laptop.url()).toBe(`${server.url}/app/sessions/${session.id}/results`);
    expect(await laptop.getByRole('heading', { level: 1 }).textContent()).toBe(`Resultat: ${DECK.title}`);
    expect(await laptop.getByTestId('report-live').textContent()).toBe('Pågår');
    expect(await tableRows(question(laptop, roleId))).toEqual(ROLE_ROWS);
    // Nobody has rated the scale yet, which is fewer than three.
    expect(await question(laptop, scaleId).getByTestId('too-few').count()).toBe(1);

    // The phones rate the scale, and a latecomer too; the open results page catches up when asked to.
    await showSlide(screen, deck, scaleId);
    phones.push(await audienceSocket(server.url, session.code));
    const ratings = [...PEOPLE, LATECOMER];
    for (const [i, phone] of phones.entries()) {
      const answer = {
        kind: 'scale',
        ratings: STATEMENTS.map((statement) => ({ statementId: statement.id, value: ratings[i]![statement.id as 'hitta' | 'visa'] })),
      };
      expect(await phone.answer(scaleId, answer, `scale-${i}-answer`)).toMatchObject({ type: 'ack' });
    }
    await laptop.getByTestId('report-refresh').click();
    await expect.poll(() => tableRows(question(laptop, scaleId)), { timeout: 10_000 }).toEqual(SCALE_ROWS_ALL);
    await screenshot(laptop, 'results-page-live');
    await expectAccessible(laptop);
  });

  it('lists the ended session on the dashboard with its date, participants and answers', async () => {
    screen.once('dialog', (dialog) => void dialog.accept());
    await screen.getByTestId('end-session').click();
    await screen.getByTestId('present-ended').waitFor();

    await laptop.goto(`${server.url}/app`);
    const item = card(laptop).getByTestId('session-item');
    await item.and(laptop.locator('[data-status="ended"]')).waitFor();
    const reported = (await api('GET', `/api/presentations/${deck.id}/sessions`)) as { startedAt: string }[];
    const date = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(reported[0]!.startedAt));
    expect(squash(await item.textContent())).toBe(`Resultat från ${date} 8 deltagare · 15 svar Ta bort`);
    expect(squash(await item.getByRole('link').textContent())).toBe(`Resultat från ${date}`);
    await screenshot(laptop, 'results-dashboard');
    await expectAccessible(laptop);
  });

  it('keeps every question’s results after the session, with the same charts as the big screen', async () => {
    await card(laptop).getByTestId('session-item').getByRole('link').click();
    await laptop.getByTestId('results-page').waitFor();
    expect(await laptop.getByTestId('report-live').count()).toBe(0);
    // When it ran, as "2 dec. 2026 14:05–14:40" (one time alone when it all happened within a minute).
    const [summary] = (await api('GET', `/api/presentations/${deck.id}/sessions`)) as { startedAt: string }[];
    const started = squash(
      new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(summary!.startedAt)),
    );
    const facts = squash(await laptop.getByTestId('report-facts').textContent());
    const escaped = started.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
    expect(facts).toMatch(new RegExp(`^${escaped}(\\s?–\\s?\\d{2}:\\d{2})? · 8 deltagare · 15 svar$`, 'u'));
    expect(squash(await laptop.getByTestId('report-threshold').textContent())).toBe(
      'Resultat som färre än 3 personer har svarat på visas inte, för att skydda de svarandes anonymitet.',
    );
    expect(await laptop.getByTestId('report-question').getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      ROLE_QUESTION,
      SCALE_QUESTION,
    ]);
    expect(await tableRows(question(laptop, roleId))).toEqual(ROLE_ROWS);
    expect(await tableRows(question(laptop, scaleId))).toEqual(SCALE_ROWS_ALL);
    // The charts are the big screen's own: bars for the choice, a row per statement with its mean for the scale.
    expect(await question(laptop, roleId).getByTestId('report-chart').locator('.bars .bar').count()).toBe(3);
    expect(await question(laptop, scaleId).locator('li.row .mean strong').allTextContents()).toEqual(['3,1', '3,4']);
    await fullScreenshot(laptop, 'results-page');
    await expectAccessible(laptop);
  });

  it('splits the results by role, side by side, with “För få svar” wherever the server hid a group', async () => {
    await laptop.getByLabel('Dela upp efter').selectOption({ label: ROLE_QUESTION });
    await segment(laptop, scaleId, 'segment').first().waitFor();
    expect(new URL(laptop.url()).search).toBe(`?segmentBy=${roleId}`);

    // The question the results are split by is not split by itself.
    expect(await question(laptop, roleId).getByTestId('report-segment').count()).toBe(0);
    expect(squash(await question(laptop, roleId).textContent())).toContain('Resultaten delas upp efter svaren på den här frågan.');

    const groups = await question(laptop, scaleId)
      .getByTestId('report-segment')
      .evaluateAll((items) => items.map((item) => item.querySelector('h3')?.textContent?.replace(/\s+/gu, ' ').trim()));
    // A withheld group's size is withheld too: the total minus the others would give it away.
    expect(groups).toEqual(['Alla 8 svar', 'Tjänsteperson 3 svar', 'Chef', 'Politiker', 'Ej angivet']);
    expect(await tableRows(segment(laptop, scaleId, 'all'))).toEqual(SCALE_ROWS_ALL);
    expect(await tableRows(segment(laptop, scaleId, 'segment', 'tjansteperson'))).toEqual(SCALE_ROWS_OFFICIALS);

    // The politician and the latecomer are too few; one of the groups of three goes too, or the two could be worked out.
    for (const panel of [
      segment(laptop, scaleId, 'segment', 'chef'),
      segment(laptop, scaleId, 'segment', 'politiker'),
      segment(laptop, scaleId, 'notGiven'),
    ]) {
      expect(squash(await panel.getByTestId('too-few').textContent())).toBe(
        'För få svar Färre än 3 svar visas inte, för att skydda de svarandes anonymitet.',
      );
      expect(await panel.locator('table, svg').count()).toBe(0);
    }
    expect(squash(await laptop.getByTestId('report-threshold').textContent())).toBe(
      'Resultat som färre än 3 personer har svarat på visas inte, för att skydda de svarandes anonymitet. ' +
        'När resultaten delas upp kan också en större grupp döljas, så att en mindre grupps svar inte går att räkna fram ur de andra.',
    );

    // Exactly the groups the server withheld say so, and no numbers of theirs reach the page.
    const report = (await api('GET', `/api/sessions/${session.id}/report?segmentBy=${roleId}`)) as SessionReport;
    const scaleReport = report.slides.find((s) => s.slideId === scaleId)!;
    for (const group of scaleReport.segments!) {
      const panel = group.optionId ? segment(laptop, scaleId, 'segment', group.optionId) : segment(laptop, scaleId, 'notGiven');
      expect(await panel.getByTestId('too-few').count(), group.label).toBe(group.results === null ? 1 : 0);
    }
    expect(scaleReport.segments!.filter((g) => g.results === null).map((g) => g.optionId)).toEqual(['chef', 'politiker', null]);

    // Side by side on a laptop: the first two groups share a row.
    const boxes = await Promise.all(
      [segment(laptop, scaleId, 'all'), segment(laptop, scaleId, 'segment', 'tjansteperson')].map((l) => l.boundingBox()),
    );
    expect(boxes[0]!.y).toBe(boxes[1]!.y);
    expect(boxes[1]!.x).toBeGreaterThan(boxes[0]!.x + boxes[0]!.width);
    await question(laptop, scaleId).scrollIntoViewIfNeeded();
    await screenshot(laptop, 'results-split');
    await fullScreenshot(laptop, 'results-split-page');
    await expectAccessible(laptop);

    // The same numbers as tables, for anyone who prefers them to the charts.
    await laptop.getByLabel('Tabell').check();
    await segment(laptop, scaleId, 'all').getByTestId('report-table').waitFor();
    expect(await segment(laptop, scaleId, 'all').locator('table').isVisible()).toBe(true);
    expect(await tableRows(segment(laptop, scaleId, 'segment', 'tjansteperson'))).toEqual(SCALE_ROWS_OFFICIALS);
    await fullScreenshot(laptop, 'results-split-tables');
    await expectAccessible(laptop);

    // A reload keeps the split.
    await laptop.reload();
    await segment(laptop, scaleId, 'segment', 'tjansteperson').waitFor();
    expect(await laptop.getByLabel('Dela upp efter').inputValue()).toBe(roleId);
  });

  it('reads on a 360 px phone, as tables, without sideways scrolling of the page', async () => {
    const phone = await newPage(NARROW_PHONE, true);
    await phone.goto(`${server.url}/app/sessions/${session.id}/results?segmentBy=${roleId}`);
    await segment(phone, scaleId, 'segment', 'tjansteperson').getByTestId('report-table').waitFor();
    expect(await phone.getByLabel('Tabell').isChecked()).toBe(true);
    expect(await tableRows(segment(phone, scaleId, 'segment', 'tjansteperson'))).toEqual(SCALE_ROWS_OFFICIALS);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(phone, 'results-phone');
    // And at 320 px, the narrowest phone the design promises to serve.
    await phone.setViewportSize({ width: 320, height: 700 });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await phone.setViewportSize(NARROW_PHONE.viewport);
    await question(phone, scaleId).scrollIntoViewIfNeeded();
    await screenshot(phone, 'results-phone-split');
    await fullScreenshot(phone, 'results-phone-page');
    await expectAccessible(phone);

    // The charts are there too for those who want them, still within the width of the phone.
    await phone.getByLabel('Diagram').check();
    await segment(phone, scaleId, 'segment', 'tjansteperson').getByTestId('report-chart').waitFor();
    await fullScreenshot(phone, 'results-phone-charts');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The dashboard lists the session on the phone as well.
    await phone.goto(`${server.url}/app`);
    await card(phone).getByTestId('session-item').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await card(phone).getByTestId('session-list').scrollIntoViewIfNeeded();
    await screenshot(phone, 'results-dashboard-phone');
    await expectAccessible(phone);

    // A split by a question that is not there falls back to none, and says so.
    await phone.goto(`${server.url}/app/sessions/${session.id}/results?segmentBy=finns-inte`);
    await phone.getByText('Frågan att dela upp efter finns inte längre, så resultaten visas utan uppdelning.').waitFor();
    expect(await phone.getByTestId('report-segment').count()).toBe(0);
    expect(new URL(phone.url()).search).toBe('');
  });

  it('links the control view to the results', async () => {
    const control = await newPage(NARROW_PHONE, true);
    await control.goto(`${server.url}/app/sessions/${session.id}/control`);
    await control.getByTestId('control-results').click();
    await control.getByTestId('results-page').waitFor();
    expect(await tableRows(question(control, roleId))).toEqual(ROLE_ROWS);
  });
});
