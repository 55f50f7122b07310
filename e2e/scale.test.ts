import type { DeckFileInput, Presentation, ScaleSlide, SessionInfo } from '@ettor/protocol';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
import { answerState, recordFrames, showSlide } from './support/phone.js';
import { type RunningServer, signUpPresenter, startBuiltServer } from './support/server.js';

/** A narrow phone: the scale's five steps and its end words must still fit side by side. */
const NARROW_PHONE = { ...PHONE, viewport: { width: 360, height: 760 } };

const MIN_LABEL = 'Instämmer inte alls';
const MAX_LABEL = 'Instämmer helt';
const STATEMENTS = [
  { id: 'kunskap', label: 'Vi har kunskapen som behövs' },
  { id: 'verktyg', label: 'Våra digitala verktyg fungerar bra i vardagen' },
  { id: 'ledning', label: 'Ledningen driver digitaliseringen framåt' },
];
const [KUNSKAP, VERKTYG, LEDNING] = STATEMENTS.map((s) => s.id) as [string, string, string];

const DECK: DeckFileInput = {
  format: 'ettor-deck',
  version: 1,
  title: 'Digital mognad',
  // A handful of phones answer: k at its lowest lets the big screen show their ratings.
  anonymityThreshold: 3,
  slides: [
    { id: 'inledning', kind: 'content', heading: 'Var står vi i dag?' },
    {
      id: 'skattning',
      kind: 'scale',
      question: 'Hur väl stämmer påståendena in på din förvaltning?',
      statements: STATEMENTS,
      steps: 5,
      minLabel: MIN_LABEL,
      maxLabel: MAX_LABEL,
      allowSkip: true,
      allowChange: true,
    },
  ],
};

const describeViolations = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');

async function expectAccessible(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/gu, ' ').trim();

/**
 * A scale slide (statements rated 1–5 with "Vet ej") imported, presented on the big screen, answered on three
 * narrow phones (by tapping, by keyboard alone, and with "Vet ej"), summarised on the control view, and built in the editor.
 */
describe.skipIf(browserSkipReason)('a scale slide from the editor to the big screen', () => {
  let server: RunningServer;
  let browser: Browser;
  let cookie: string;
  let api: Awaited<ReturnType<typeof signUpPresenter>>['api'];
  let deck: Presentation;
  let slide: ScaleSlide;
  let session: SessionInfo;
  let screen: Page;
  let tapper: Page;
  let typist: Page;
  let doubter: Page;
  let tapperFrames: ReturnType<typeof recordFrames>;
  const contexts: BrowserContext[] = [];

  const statement = (page: Page, id: string) => page.locator(`[data-testid="scale-statement"][data-statement-id="${id}"]`);
  const step = (page: Page, id: string, value: number) => statement(page, id).locator(`[data-testid="scale-step"][data-value="${value}"]`);
  const progress = (page: Page) => page.getByText(/påståenden besvarade/u);
  /** The value of a statement's checked radio: "1".."5", "" for "Vet ej", null when none is checked. */
  const checked = async (page: Page, id: string) => {
    const radio = statement(page, id).locator('input[type="radio"]:checked');
    return (await radio.count()) === 0 ? null : radio.getAttribute('value');
  };

  async function newPage(options: Parameters<Browser['newContext']>[0], asPresenter = false): Promise<Page> {
    const context = asPresenter
      ? await presenterContext(browser, server.url, cookie, options as typeof BIG_SCREEN)
      : await browser.newContext(options);
    contexts.push(context);
    return context.newPage();
  }

  async function joinPhone(): Promise<Page> {
    const page = await newPage(NARROW_PHONE);
    await page.goto(`${server.url}/${session.code}`);
    await page.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ state: 'attached' });
    return page;
  }

  /** Presses Tab until the focused element matches, as a keyboard user moves through the page. */
  async function tabTo(page: Page, selector: string): Promise<void> {
    for (let presses = 0; presses < 20; presses += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  }
  const focusedValue = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? null);

  /** What the big screen draws per statement: its label, the count over each step, the mean and the figures under it. */
  const drawnRows = () =>
    screen.locator('[data-testid="present-results"] li.row').evaluateAll((rows) =>
      rows.map((row) => ({
        label: row.querySelector('.label')?.textContent?.trim(),
        counts: Array.from(row.querySelectorAll('.step'), (s) => s.textContent?.trim() ?? ''),
        mean: row.querySelector('.mean strong')?.textContent?.trim() ?? null,
        figures: row.querySelector('.spread')?.textContent?.replace(/\s+/gu, ' ').trim(),
      })),
    );
  /** The chart's text alternative, cell by cell. */
  const tableRows = (section: 'thead' | 'tbody') =>
    screen
      .locator(`[data-testid="present-results"] table ${section} tr`)
      .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent?.trim() ?? '')));

  beforeAll(async () => {
    server = await startBuiltServer();
    ({ cookie, api } = await signUpPresenter(server.url));
    deck = (await api('POST', '/api/presentations/import', DECK)) as Presentation;
    slide = deck.slides.find((s): s is ScaleSlide => s.kind === 'scale')!;
    expect(slide).toMatchObject({ steps: 5, minLabel: MIN_LABEL, maxLabel: MAX_LABEL, allowSkip: true, statements: STATEMENTS });
    session = (await api('POST', `/api/presentations/${deck.id}/sessions`)) as SessionInfo;
    browser = await launchChromium();

    screen = await newPage(BIG_SCREEN, true);
    await screen.goto(`${server.url}/app/sessions/${session.id}/present`);
    await screen.getByTestId('join-screen').waitFor();
    tapper = await joinPhone();
    tapperFrames = recordFrames(tapper);
    typist = await joinPhone();
    doubter = await joinPhone();
    await screen.getByTestId('participant-count').filter({ hasText: '3' }).waitFor();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('shows the scale slide on the big screen, with its question, statements, steps and end words and no answers yet', async () => {
    await showSlide(screen, deck, slide.id);
    await screen.getByTestId('present-results').waitFor();
    expect(squash(await screen.getByTestId('present-view').getByRole('heading', { level: 2 }).first().textContent())).toBe(slide.question);
    const rows = await drawnRows();
    expect(rows.map((r) => r.label)).toEqual(STATEMENTS.map((s) => s.label));
    expect(rows.map((r) => [r.counts.join(''), r.mean, r.figures])).toEqual(STATEMENTS.map(() => ['', null, 'Inga svar än']));
    const axis = screen.locator('[data-testid="present-results"] .axis');
    expect(await axis.locator('.numbers span').allTextContents()).toEqual(['1', '2', '3', '4', '5']);
    expect(await axis.locator('.ends span').allTextContents()).toEqual([MIN_LABEL, MAX_LABEL]);
    await screenshot(screen, 'scale-screen-empty');
  });

  it('refuses to send a phone’s empty answer, and counts the statements rated so far', async () => {
    for (const id of [KUNSKAP, VERKTYG, LEDNING]) await statement(tapper, id).waitFor();
    expect(squash(await tapper.getByRole('heading', { level: 1 }).last().textContent())).toBe(slide.question);
    expect(await progress(tapper).textContent()).toBe('0 av 3 påståenden besvarade');
    expect(await tapper.getByText('Välj ett värde från 1 till 5 för varje påstående.').count()).toBe(1);
    expect(await statement(tapper, KUNSKAP).locator('legend').textContent()).toBe(STATEMENTS[0]!.label);
    // Each step's name for screen readers carries the words of its end of the scale.
    expect(await statement(tapper, KUNSKAP).locator('[data-testid="scale-step"] .sr-only').allTextContents()).toEqual([
      `1, ${MIN_LABEL}`,
      '2',
      '3',
      '4',
      `5, ${MAX_LABEL}`,
    ]);
    await screenshot(tapper, 'scale-phone-unanswered');
    await expectAccessible(tapper);

    await tapper.getByTestId('submit-answer').click();
    await answerState(tapper, 'error');
    expect(squash(await tapper.getByTestId('answer-state').textContent())).toBe(
      'Svaret skickades inte: Välj ett värde för minst ett påstående.',
    );
    expect(tapperFrames.sent.filter((f) => f.includes('"type":"answer"'))).toEqual([]);
    await screenshot(tapper, 'scale-phone-empty-refused');

    // Rating a statement clears the complaint and moves the count on.
    await step(tapper, KUNSKAP, 4).click();
    await answerState(tapper, 'not-sent');
    expect(await progress(tapper).textContent()).toBe('1 av 3 påståenden besvarade');
    await step(tapper, VERKTYG, 2).click();
    await step(tapper, LEDNING, 5).click();
    expect(await progress(tapper).textContent()).toBe('3 av 3 påståenden besvarade');
    expect([await checked(tapper, KUNSKAP), await checked(tapper, VERKTYG), await checked(tapper, LEDNING)]).toEqual(['4', '2', '5']);
    await tapper.getByTestId('submit-answer').click();
    await answerState(tapper, 'saved');
    expect(await tapper.getByTestId('submit-answer').textContent()).toContain('Ändra svar');
    // Nothing sticks out sideways on a 360 px phone.
    expect(await tapper.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await tapper.evaluate(() => window.scrollTo(0, 0));
    await screenshot(tapper, 'scale-phone-saved');
    await tapper.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await screenshot(tapper, 'scale-phone-saved-bottom');
    await expectAccessible(tapper);
    await screen.getByTestId('answered-count').filter({ hasText: '1' }).waitFor();
  });

  it('lets a phone answer by keyboard alone: Tab to a statement, arrows to a step, Enter on the send button', async () => {
    const radios = (id: string) => `[data-statement-id="${id}"] input[type="radio"]`;
    // No step is chosen yet, so Tab lands on the first one, without choosing it.
    await tabTo(typist, radios(KUNSKAP));
    expect(await focusedValue(typist)).toBe('1');
    expect(await checked(typist, KUNSKAP)).toBeNull();
    await typist.keyboard.press('ArrowRight');
    await typist.keyboard.press('ArrowRight');
    expect(await focusedValue(typist)).toBe('3');
    expect(await checked(typist, KUNSKAP)).toBe('3');
    await screenshot(typist, 'scale-phone-keyboard-focus');

    // One Tab leaves the group of radios for the next statement.
    await typist.keyboard.press('Tab');
    expect(await typist.evaluate((s) => document.activeElement?.matches(s), radios(VERKTYG))).toBe(true);
    await typist.keyboard.press('Space');
    expect(await checked(typist, VERKTYG)).toBe('1');
    for (let i = 0; i < 4; i += 1) await typist.keyboard.press('ArrowRight');
    expect(await checked(typist, VERKTYG)).toBe('5');
    expect(await progress(typist).textContent()).toBe('2 av 3 påståenden besvarade');

    // The third statement is left unrated.
    await tabTo(typist, '[data-testid="submit-answer"]');
    await typist.keyboard.press('Enter');
    await answerState(typist, 'saved');
    expect(await checked(typist, LEDNING)).toBeNull();
    await screen.getByTestId('answered-count').filter({ hasText: '2' }).waitFor();
  });

  it('takes “Vet ej” for a statement, which counts the person but not in the mean', async () => {
    await statement(doubter, KUNSKAP).getByTestId('scale-skip').click();
    await step(doubter, VERKTYG, 4).click();
    await statement(doubter, LEDNING).getByTestId('scale-skip').click();
    expect(await progress(doubter).textContent()).toBe('3 av 3 påståenden besvarade');
    expect([await checked(doubter, KUNSKAP), await checked(doubter, VERKTYG), await checked(doubter, LEDNING)]).toEqual(['', '4', '']);
    await doubter.getByTestId('submit-answer').click();
    await answerState(doubter, 'saved');
    await screenshot(doubter, 'scale-phone-vet-ej-saved');
  });

  it('shows per statement the counts per step, the mean with a decimal comma and n, or "för få svar" where fewer than k rated', async () => {
    await screen.getByTestId('answered-count').filter({ hasText: '3' }).waitFor();
    // Kunskap: 4, 3 and one "Vet ej". Verktyg: 2, 5 and 4. Ledning: 5, one unrated and one "Vet ej". With k = 3 only
    // Verktyg was rated by enough people to be shown; the other two keep their rows and say why they are empty.
    const withheld = (label: string) => ({ label, counts: ['', '', '', '', ''], mean: null, figures: undefined });
    const expected = [
      withheld(STATEMENTS[0]!.label),
      { label: STATEMENTS[1]!.label, counts: ['', '1', '', '1', '1'], mean: '3,7', figures: '3 svar · sd 1,2' },
      withheld(STATEMENTS[2]!.label),
    ];
    await expect.poll(drawnRows, { timeout: 10_000 }).toEqual(expected);
    expect(await screen.locator('[data-testid="present-results"] li.row .too-few').allTextContents()).toEqual([
      'För få svar',
      'För få svar',
    ]);

    expect(await tableRows('thead')).toEqual([
      ['Påstående', `1 (${MIN_LABEL})`, '2', '3', '4', `5 (${MAX_LABEL})`, 'Vet ej', 'Medelvärde', 'Antal svar', 'Standardavvikelse'],
    ]);
    expect(await tableRows('tbody')).toEqual([
      [STATEMENTS[0]!.label, 'För få svar'],
      [STATEMENTS[1]!.label, '0', '1', '0', '1', '1', '0', '3,7', '3', '1,2'],
      [STATEMENTS[2]!.label, 'För få svar'],
    ]);
    expect(squash(await screen.locator('[data-testid="present-results"] table caption').textContent())).toBe(`Resultat: ${slide.question}`);
    await screenshot(screen, 'scale-screen-results');
    await expectAccessible(screen);
  });

  it('follows a phone that changes its answer', async () => {
    await tapper.getByTestId('submit-answer').click();
    await answerState(tapper, 'changing');
    await step(tapper, VERKTYG, 1).click();
    expect(await checked(tapper, VERKTYG)).toBe('1');
    await tapper.getByTestId('submit-answer').click();
    await answerState(tapper, 'saved');
    await screenshot(tapper, 'scale-phone-changed');

    // Verktyg is now 1, 5 and 4: mean 3,3, spread 1,7. The others stand, and still three have answered.
    await expect
      .poll(async () => (await drawnRows())[1], { timeout: 10_000 })
      .toEqual({ label: STATEMENTS[1]!.label, counts: ['1', '', '', '1', '1'], mean: '3,3', figures: '3 svar · sd 1,7' });
    expect((await drawnRows()).map((r) => r.mean)).toEqual([null, '3,3', null]);
    expect((await tableRows('tbody'))[1]).toEqual([STATEMENTS[1]!.label, '1', '0', '0', '1', '1', '0', '3,3', '3', '1,7']);
    expect(squash(await screen.getByTestId('answered-count').textContent())).toBe('3 har svarat');
    await screenshot(screen, 'scale-screen-changed');
  });

  it('summarises the mean and n of each statement on the control view', async () => {
    const control = await newPage(NARROW_PHONE, true);
    await control.goto(`${server.url}/app/sessions/${session.id}/control`);
    await control.getByTestId('control-current').filter({ hasText: slide.question }).waitFor();
    const results = control.locator('section', { has: control.getByRole('heading', { name: 'Resultat', exact: true }) });
    const items = async () => (await results.locator('li').allTextContents()).map(squash);
    await expect
      .poll(items, { timeout: 10_000 })
      .toEqual([
        `${STATEMENTS[0]!.label} medel 3,5 · 2 svar · 1 vet ej`,
        `${STATEMENTS[1]!.label} medel 3,3 · 3 svar`,
        `${STATEMENTS[2]!.label} medel 5,0 · 1 svar · 1 vet ej`,
      ]);
    expect(await results.locator('li strong').allTextContents()).toEqual([
      'medel 3,5 · 2 svar · 1 vet ej',
      'medel 3,3 · 3 svar',
      'medel 5,0 · 1 svar · 1 vet ej',
    ]);
    expect(squash(await control.locator('.counts').textContent())).toBe('3 av 3 har svarat');
    await screenshot(control, 'scale-control');
    await results.scrollIntoViewIfNeeded();
    await screenshot(control, 'scale-control-results');
    await expectAccessible(control);
  });

  it('builds a scale slide in the editor that saves by itself and survives a reload', async () => {
    const blank = (await api('POST', '/api/presentations', { title: 'Ny skattning' })) as Presentation;
    const laptop = await newPage(LAPTOP, true);
    await laptop.goto(`${server.url}/app/presentations/${blank.id}`);
    await laptop.getByTestId('slide-list').waitFor();

    await laptop.getByTestId('add-slide-scale').click();
    await laptop.getByTestId('edit-statement').first().waitFor();
    await laptop.getByTestId('edit-question').fill('Hur trygga känner ni er med AI-verktyg?');
    await laptop.getByTestId('edit-statement').nth(0).fill('Jag vet när AI passar för en uppgift');
    await laptop.getByRole('button', { name: 'Lägg till påstående' }).click();
    await laptop.getByTestId('edit-statement').nth(1).fill('Jag vågar pröva nya verktyg');
    await laptop.getByTestId('edit-steps').selectOption('7');
    await laptop.getByLabel('Vid 1', { exact: true }).fill('Inte alls');
    await laptop.getByLabel('Vid 7', { exact: true }).fill('Helt och hållet');
    await laptop.getByLabel('Deltagare får svara ”Vet ej”').check();

    const saved = async () => ((await api('GET', `/api/presentations/${blank.id}`)) as Presentation).slides.find((s) => s.kind === 'scale');
    const built = {
      kind: 'scale',
      question: 'Hur trygga känner ni er med AI-verktyg?',
      statements: [{ label: 'Jag vet när AI passar för en uppgift' }, { label: 'Jag vågar pröva nya verktyg' }],
      steps: 7,
      minLabel: 'Inte alls',
      maxLabel: 'Helt och hållet',
      allowSkip: true,
    };
    await expect.poll(saved, { timeout: 10_000 }).toMatchObject(built);
    await laptop.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ state: 'attached' });
    // The previews follow the form: seven steps on the phone, seven on the big screen's axis.
    expect(await laptop.locator('.phone-preview [data-testid="scale-step"]').count()).toBe(14);
    await screenshot(laptop, 'scale-editor');

    await laptop.reload();
    await laptop.getByTestId('slide-list').waitFor();
    const scaleId = (await saved())!.id;
    await laptop.locator(`[data-testid="slide-item"] [data-slide-id="${scaleId}"]`).click();
    await laptop.getByTestId('edit-steps').waitFor();
    expect(await laptop.getByTestId('edit-question').inputValue()).toBe(built.question);
    expect(await laptop.getByTestId('edit-statement').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))).toEqual(
      built.statements.map((s) => s.label),
    );
    expect(await laptop.getByTestId('edit-steps').inputValue()).toBe('7');
    expect(await laptop.getByLabel('Vid 1', { exact: true }).inputValue()).toBe('Inte alls');
    expect(await laptop.getByLabel('Vid 7', { exact: true }).inputValue()).toBe('Helt och hållet');
    expect(await laptop.getByLabel('Deltagare får svara ”Vet ej”').isChecked()).toBe(true);
    await screenshot(laptop, 'scale-editor-reloaded');
    await expectAccessible(laptop);
  });
});
