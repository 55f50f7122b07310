import fs from 'node:fs';
import type { DeckFileInput, Presentation, ServerMessage, SessionInfo, ShareLink } from '@ettor/protocol';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  type AxeViolation,
  LAPTOP,
  PHONE,
  SCREENSHOTS,
  axeViolations,
  browserSkipReason,
  launchChromium,
  presenterContext,
  screenshot,
} from './support/browser.js';
import { audienceSocket } from './support/phone.js';
import { type RunningServer, signUpPresenter, startBuiltServer } from './support/server.js';
import { PROTOCOL_VERSION } from '@ettor/protocol';

const NARROW_PHONE = { ...PHONE, viewport: { width: 360, height: 760 } };

const ROLE_QUESTION = 'Vilken roll har du?';
const AI_QUESTION = 'Använder du AI i arbetet?';
const OPEN_QUESTION = 'Vad vill du lära dig mer om?';
/** An answer a spreadsheet would run as a formula, and one it would read as a sum: both must stay text in the files. */
const FORMULA = '=HYPERLINK("https://example.com/elak","Klicka här")';
const PHONE_NUMBER = '+46 70 123 45 67';

const DECK: DeckFileInput = {
  format: 'ettor-deck',
  version: 1,
  title: 'AI i förvaltningen',
  anonymityThreshold: 3,
  slides: [
    {
      id: 'roll',
      kind: 'choice',
      question: ROLE_QUESTION,
      options: [
        { id: 'tj', label: 'Tjänsteperson' },
        { id: 'chef', label: 'Chef' },
      ],
    },
    {
      id: 'ai',
      kind: 'choice',
      question: AI_QUESTION,
      options: [
        { id: 'ja', label: 'Ja' },
        { id: 'nej', label: 'Nej' },
      ],
    },
    { id: 'lara', kind: 'open', question: OPEN_QUESTION },
  ],
};

/** Six people: three officials (two use AI) and three managers (one does); the officials answer the open question. */
const PEOPLE = [
  { role: 'tj', ai: 'ja', open: FORMULA },
  { role: 'tj', ai: 'ja', open: PHONE_NUMBER },
  { role: 'tj', ai: 'nej', open: 'Hur vi upphandlar AI-tjänster' },
  { role: 'chef', ai: 'nej' },
  { role: 'chef', ai: 'nej' },
  { role: 'chef', ai: 'ja' },
] as const;

const AI_ROWS_ALL = [
  ['Ja', '3', '50 %'],
  ['Nej', '3', '50 %'],
];
const AI_ROWS_OFFICIALS = [
  ['Ja', '2', '67 %'],
  ['Nej', '1', '33 %'],
];

const describeViolations = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');

async function expectAccessible(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

async function fullScreenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(500);
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/gu, ' ').trim();

const tableRows = (scope: Locator) =>
  scope
    .locator('table tbody tr')
    .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent?.replace(/\s+/gu, ' ').trim() ?? '')));

/** A presenter's socket that moves the session to a slide and waits until the server says it is there. */
async function hostSocket(url: string, cookie: string, sessionId: string) {
  const socket = new WebSocket(`${url.replace(/^http/u, 'ws')}/live`, { headers: { cookie } });
  const messages: ServerMessage[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as ServerMessage));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'host', v: PROTOCOL_VERSION, sessionId }));
  const until = async (done: () => boolean, what: string) => {
    for (let waited = 0; !done(); waited += 50) {
      if (waited > 10_000) throw new Error(`no ${what} within 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await until(() => messages.some((m) => m.type === 'welcome'), 'welcome');
  return {
    async show(slideId: string): Promise<void> {
      socket.send(JSON.stringify({ type: 'goto', slideId }));
      await until(
        () => messages.some((m) => (m.type === 'state' || m.type === 'welcome') && m.state.slide?.id === slideId && m.state.votingOpen),
        `slide ${slideId}`,
      );
    },
    close: () => socket.close(),
  };
}

/** What a download link gave: the file's bytes and the name the browser would save it under. */
async function download(page: Page, testId: string): Promise<{ bytes: Buffer; name: string }> {
  const [file] = (await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()])) as [Download, unknown];
  const path = await file.path();
  return { bytes: fs.readFileSync(path), name: file.suggestedFilename() };
}

/** Every sheet of a workbook as rows of cell values. */
async function readWorkbook(bytes: Buffer): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

describe.skipIf(browserSkipReason)('exports, printing and share links of a session’s results', () => {
  let server: RunningServer;
  let browser: Browser;
  let cookie: string;
  let api: Awaited<ReturnType<typeof signUpPresenter>>['api'];
  let deck: Presentation;
  let session: SessionInfo;
  let laptop: Page;
  let link: ShareLink;
  let sharedUrl: string;
  const contexts: BrowserContext[] = [];
  const ids = { roll: '', ai: '', lara: '' };

  const question = (page: Page, slideId: string) => page.locator(`[data-testid="report-question"][data-slide-id="${slideId}"]`);
  const segment = (page: Page, slideId: string, optionId: string) =>
    question(page, slideId).locator(`[data-testid="report-segment"][data-group="segment"][data-option-id="${optionId}"]`);

  async function stranger(options: Parameters<Browser['newContext']>[0]): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    server = await startBuiltServer();
    ({ cookie, api } = await signUpPresenter(server.url));
    deck = (await api('POST', '/api/presentations/import', DECK)) as Presentation;
    for (const slide of deck.slides) {
      if (slide.kind === 'open') ids.lara = slide.id;
      else if (slide.kind === 'choice') ids[slide.question === ROLE_QUESTION ? 'roll' : 'ai'] = slide.id;
    }
    expect(deck.anonymityThreshold).toBe(3);

    // The session is run over sockets: the answers are what this test is about, not the phones.
    session = (await api('POST', `/api/presentations/${deck.id}/sessions`)) as SessionInfo;
    const host = await hostSocket(server.url, cookie, session.id);
    const phones = await Promise.all(PEOPLE.map(() => audienceSocket(server.url, session.code)));
    try {
      for (const [slide, answerOf] of [
        [ids.roll, (p: (typeof PEOPLE)[number]) => ({ kind: 'choice', optionIds: [p.role] })],
        [ids.ai, (p: (typeof PEOPLE)[number]) => ({ kind: 'choice', optionIds: [p.ai] })],
        [ids.lara, (p: (typeof PEOPLE)[number]) => ('open' in p ? { kind: 'open', text: p.open } : null)],
      ] as const) {
        await host.show(slide);
        for (const [i, phone] of phones.entries()) {
          const answer = answerOf(PEOPLE[i]!);
          if (answer) expect((await phone.answer(slide, answer, `p${i}-${slide}`)).type).toBe('ack');
        }
      }
    } finally {
      for (const phone of phones) phone.close();
      host.close();
    }
    await api('POST', `/api/sessions/${session.id}/end`);

    browser = await launchChromium();
    const context = await presenterContext(browser, server.url, cookie, LAPTOP);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    contexts.push(context);
    laptop = await context.newPage();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('downloads the results as XLSX and CSV through the page’s links, split as the page shows them', async () => {
    await laptop.goto(`${server.url}/app/sessions/${session.id}/results?segmentBy=${ids.roll}`);
    await segment(laptop, ids.ai, 'tj').waitFor();
    expect(await tableRows(segment(laptop, ids.ai, 'tj'))).toEqual(AI_ROWS_OFFICIALS);
    const exports = laptop.getByTestId('report-export');
    expect(await exports.getByRole('heading', { level: 2 }).textContent()).toBe('Exportera');
    expect(await laptop.getByTestId('export-xlsx').getAttribute('href')).toBe(
      `/api/sessions/${session.id}/export?format=xlsx&segmentBy=${ids.roll}`,
    );
    await screenshot(laptop, 'sharing-results-actions');

    const xlsx = await download(laptop, 'export-xlsx');
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(xlsx.name).toMatch(/\.xlsx$/u);
    const sheets = await readWorkbook(xlsx.bytes);
    expect([...sheets.keys()]).toContain('Svar per deltagare');
    const aiSheet = [...sheets.values()].find((rows) => rows.some((row) => row.includes(AI_QUESTION)))!;
    // Everyone, then the officials, then the managers: count and share each.
    const yes = aiSheet.find((row) => row[0] === 'Ja')!;
    expect(yes.slice(0, 5)).toEqual(['Ja', 3, 0.5, 2, 2 / 3]);
    const cells = [...sheets.values()].flat(2).filter((cell): cell is string => typeof cell === 'string');
    expect(cells).toContain(`'${FORMULA}`);
    expect(cells).toContain(`'${PHONE_NUMBER}`);
    expect(cells.filter((cell) => /^[=+\-@]/u.test(cell))).toEqual([]);

    const csv = await download(laptop, 'export-csv');
    expect(csv.name).toMatch(/\.csv$/u);
    const text = csv.bytes.toString('utf8');
    expect(text.length).toBeGreaterThan(100);
    expect(text.split('\r\n')).toContain('Ja,3,50,2,66.7,1,33.3,0');
    expect(text).toContain(`'${PHONE_NUMBER}`);
    expect(text).toContain(`"'=HYPERLINK(`);
    expect(text).not.toMatch(/(^|[\n,])"?=HYPERLINK/u);
  });

  it('prints one question a page, with the charts and their tables and without the page’s controls', async () => {
    // A sheet of A4 at 96 dpi, less the page's margins: the width the report is laid out at on paper.
    await laptop.setViewportSize({ width: 720, height: 1000 });
    await laptop.emulateMedia({ media: 'print' });
    try {
      expect(await laptop.locator('.app-header').isVisible()).toBe(false);
      expect(await laptop.getByTestId('segment-by').isVisible()).toBe(false);
      expect(await laptop.getByTestId('share-links').isVisible()).toBe(false);
      expect(await laptop.getByTestId('export-xlsx').isVisible()).toBe(false);
      // Each page names the deck, when it ran and k, since a page may be read on its own.
      const lines = await laptop.locator('.print-line').allTextContents();
      expect(lines).toHaveLength(3);
      for (const line of lines) expect(line).toMatch(new RegExp(`^${DECK.title} · .+ · Resultat med färre än 3 svar visas inte$`, 'u'));
      // Drawn and tabled both: the numbers read without colour.
      const chart = question(laptop, ids.ai).getByTestId('report-chart').first();
      expect(await chart.locator('.bars ol').isVisible()).toBe(true);
      expect(await chart.locator('table').isVisible()).toBe(true);
      await fullScreenshot(laptop, 'sharing-print');
    } finally {
      await laptop.emulateMedia({ media: 'screen' });
      await laptop.setViewportSize(LAPTOP.viewport);
    }
    // A PDF of it has a page per question (more when a question's groups need it).
    const pdf = await laptop.pdf({ format: 'A4' });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/gu)?.length ?? 0).toBeGreaterThanOrEqual(3);
    fs.writeFileSync(new URL('sharing-print.pdf', SCREENSHOTS), pdf);
  });

  it('makes a share link, copies it, and explains what it shows', async () => {
    const share = laptop.getByTestId('share-links');
    expect(squash(await share.textContent())).toContain('döljer grupper med färre än 3 svar');
    await laptop.getByTestId('share-create').click();
    await share.getByTestId('share-link').waitFor();
    expect(squash(await share.getByRole('status').textContent())).toContain('Länken är skapad.');
    link = ((await api('GET', `/api/sessions/${session.id}/share-links`)) as ShareLink[])[0]!;
    sharedUrl = `${server.url}${link.path}`;
    expect(await share.getByTestId('share-url').inputValue()).toBe(sharedUrl);

    await share.getByTestId('share-copy').click();
    await share.getByRole('status').getByText('Länken är kopierad.').waitFor();
    expect(await laptop.evaluate(() => navigator.clipboard.readText())).toBe(sharedUrl);
    await share.scrollIntoViewIfNeeded();
    await screenshot(laptop, 'sharing-share-link');
    await expectAccessible(laptop);
  });

  it('opens the link without signing in: the same numbers, the split, noindex, and no way into the app', async () => {
    const page = await stranger(LAPTOP);
    await page.goto(sharedUrl);
    await page.getByTestId('shared-report').waitFor();
    expect(page.url()).toBe(sharedUrl);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Resultat: ${DECK.title}`);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
    expect(await page.locator('a[href^="/app"], a[href="/"]').count()).toBe(0);
    expect(await page.getByTestId('logout').count()).toBe(0);
    expect(await tableRows(question(page, ids.ai))).toEqual(AI_ROWS_ALL);
    expect(await tableRows(question(page, ids.ai))).toEqual(
      await tableRows(question(laptop, ids.ai).getByTestId('report-segment').first()),
    );

    await page.getByLabel('Dela upp efter').selectOption({ label: ROLE_QUESTION });
    await segment(page, ids.ai, 'tj').waitFor();
    expect(new URL(page.url()).search).toBe(`?segmentBy=${ids.roll}`);
    expect(await tableRows(segment(page, ids.ai, 'tj'))).toEqual(AI_ROWS_OFFICIALS);
    await fullScreenshot(page, 'sharing-shared-page');
    await expectAccessible(page);

    const phone = await stranger(NARROW_PHONE);
    await phone.goto(`${sharedUrl}?segmentBy=${ids.roll}`);
    await segment(phone, ids.ai, 'tj').getByTestId('report-table').waitFor();
    expect(await tableRows(segment(phone, ids.ai, 'tj'))).toEqual(AI_ROWS_OFFICIALS);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(phone, 'sharing-shared-phone');
    await fullScreenshot(phone, 'sharing-shared-phone-page');
    await expectAccessible(phone);
  });

  it('revokes the link after asking, and the link then says it is gone', async () => {
    const share = laptop.getByTestId('share-links');
    let asked = '';
    laptop.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await share.getByTestId('share-revoke').click();
    await share.getByTestId('share-link').waitFor({ state: 'detached' });
    expect(asked).toContain('Återkalla länken?');
    expect(squash(await share.getByRole('status').textContent())).toContain('Länken är återkallad.');
    expect(await api('GET', `/api/sessions/${session.id}/share-links`)).toEqual([]);

    const page = await stranger(LAPTOP);
    await page.goto(sharedUrl);
    await page.getByTestId('shared-gone').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Länken finns inte eller har återkallats');
    expect(await page.getByTestId('results-page').count()).toBe(0);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
    expect((await fetch(`${server.url}/api/shared/${link.token}/report`)).status).toBe(404);
    await screenshot(page, 'sharing-shared-gone');
    await expectAccessible(page);
  });

  it('turns on strict anonymity in the editor, and the XLSX then holds aggregates only', async () => {
    await laptop.goto(`${server.url}/app/presentations/${deck.id}`);
    await laptop.getByTestId('slide-list').waitFor();
    await laptop.getByTestId('deck-settings').locator('summary').click();
    const box = laptop.getByLabel('Strikt anonymitet: exportera bara sammanställningar');
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await laptop.locator('[data-testid="strict-status"][data-state="saved"]').waitFor();
    expect(((await api('GET', `/api/presentations/${deck.id}`)) as Presentation).strictAnonymity).toBe(true);
    await screenshot(laptop, 'sharing-editor-strict');
    await expectAccessible(laptop);

    await laptop.goto(`${server.url}/app/sessions/${session.id}/results`);
    await question(laptop, ids.ai).waitFor();
    expect(squash(await laptop.getByTestId('report-export').textContent())).toContain('strikt anonymitet');
    const sheets = await readWorkbook((await download(laptop, 'export-xlsx')).bytes);
    expect([...sheets.keys()]).not.toContain('Svar per deltagare');
    const aiSheet = [...sheets.values()].find((rows) => rows.some((row) => row.includes(AI_QUESTION)))!;
    expect(aiSheet.find((row) => row[0] === 'Ja')!.slice(0, 3)).toEqual(['Ja', 3, 0.5]);
  });
});
