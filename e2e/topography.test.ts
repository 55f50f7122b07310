import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Presentation, SessionInfo, SessionReport, ShareLink, TopographyResults } from '@ettor/protocol';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIG_SCREEN, LAPTOP, PHONE, browserSkipReason, launchChromium, presenterContext, screenshot } from './support/browser.js';
import { audienceSocket, showSlide } from './support/phone.js';
import { type RestartableServer, restartableServer, signUpPresenter } from './support/server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Twelve people in three roles rate the four parts of digital competence (1–4, null = "vet ej") with k = 3:
 * - knowledge and motivation: everyone rates, every group shown;
 * - skills: two politicians say "vet ej", leaving one rating, which is hidden; alone it is under k, so the next
 *   smallest group (the managers, 4) is hidden with it, or the total minus the officials would give it away;
 * - understanding: one manager says "vet ej", leaving three: still k, all shown.
 */
type Ratings = [number | null, number | null, number | null, number | null];
const PEOPLE: { role: 'civil-servant' | 'manager' | 'politician'; ratings: Ratings }[] = [
  { role: 'civil-servant', ratings: [4, 4, 3, 4] },
  { role: 'civil-servant', ratings: [3, 4, 4, 4] },
  { role: 'civil-servant', ratings: [4, 3, 4, 3] },
  { role: 'civil-servant', ratings: [2, 3, 3, 4] },
  { role: 'civil-servant', ratings: [3, 2, 2, 3] },
  { role: 'manager', ratings: [3, 3, 2, 4] },
  { role: 'manager', ratings: [2, 2, null, 3] },
  { role: 'manager', ratings: [3, 2, 3, 3] },
  { role: 'manager', ratings: [4, 3, 3, 4] },
  { role: 'politician', ratings: [1, 2, 2, 3] },
  { role: 'politician', ratings: [2, null, 1, 2] },
  { role: 'politician', ratings: [2, null, 3, 1] },
];
const ROLES = [
  { id: 'civil-servant', label: 'Tjänsteperson' },
  { id: 'manager', label: 'Chef' },
  { id: 'politician', label: 'Förtroendevald politiker' },
] as const;
const HIDDEN: Record<string, number[]> = { manager: [1], politician: [1] };

/** The mean of the ratings given, "vet ej" left out: worked out here, not by Ettor. */
function meanOf(values: (number | null)[]): { mean: number; n: number } {
  const given = values.filter((value): value is number => value !== null);
  return { mean: given.reduce((sum, value) => sum + value, 0) / given.length, n: given.length };
}
const ratingsOf = (role: string | null, statement: number) =>
  PEOPLE.filter((person) => role === null || person.role === role).map((person) => person.ratings[statement] ?? null);
const decimal = (value: number) => value.toFixed(1).replace('.', ',');
const cellText = (role: string | null, statement: number) => {
  if (role !== null && HIDDEN[role]?.includes(statement)) return 'För få svar';
  const { mean, n } = meanOf(ratingsOf(role, statement));
  return `${decimal(mean)} (${n} svar)`;
};

/** The map as its table reads, worked out from PEOPLE: a row per role, "Ej angivet" (no one) and "Alla". */
const EXPECTED_ROWS = [
  ...ROLES.map(({ id, label }) => [label, ...[0, 1, 2, 3].map((statement) => cellText(id, statement)), String(ratingsOf(id, 0).length)]),
  ['Annan roll', 'Inga svar', 'Inga svar', 'Inga svar', 'Inga svar', '0'],
  ['Ej angivet', 'Inga svar', 'Inga svar', 'Inga svar', 'Inga svar', '0'],
  ['Alla', ...[0, 1, 2, 3].map((statement) => cellText(null, statement)), '12'],
];

const tableRowsOf = (table: Locator) =>
  table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent?.replace(/\s+/gu, ' ').trim() ?? '')));
const tableRows = (scope: Locator) =>
  scope
    .locator('[data-testid="topography-table"] tbody tr')
    .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent?.replace(/\s+/gu, ' ').trim() ?? '')));

/** Reads until what is read is what is expected (the page fills as results arrive), or 10 s have passed; returns the last read. */
async function settled<T>(read: () => Promise<T>, expected: T): Promise<T> {
  const deadline = Date.now() + 10_000;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

const mapReads = (scope: Locator, expected: string[][]) => settled(() => tableRows(scope), expected);

/** The numbers of a topography as the API gives them: per row, per statement, the mean (null where hidden or empty) and n. */
const figures = (results: TopographyResults) => [
  ...results.rows.map((row) => [row.label, ...row.cells.map((cell) => [cell.hidden ? 'hidden' : cell.mean, cell.n])]),
  ['Alla', ...results.columns.map(({ total }) => [total.hidden ? 'hidden' : total.mean, total.n])],
];
const expectedFigures = () => [
  ...ROLES.map(({ id, label }) => [
    label,
    ...[0, 1, 2, 3].map((statement) => {
      if (HIDDEN[id]?.includes(statement)) return ['hidden', 0];
      const { mean, n } = meanOf(ratingsOf(id, statement));
      return [expect.closeTo(mean, 10), n];
    }),
  ]),
  ['Annan roll', ...[0, 1, 2, 3].map(() => [null, 0])],
  ['', ...[0, 1, 2, 3].map(() => [null, 0])],
  [
    'Alla',
    ...[0, 1, 2, 3].map((statement) => {
      const { mean, n } = meanOf(ratingsOf(null, statement));
      return [expect.closeTo(mean, 10), n];
    }),
  ],
];

describe.skipIf(browserSkipReason)('the decision-makers template’s competence map, from the room to every export', () => {
  let server: RestartableServer;
  let browser: Browser;
  let cookie: string;
  let api: Awaited<ReturnType<typeof signUpPresenter>>['api'];
  let deck: Presentation;
  let session: SessionInfo;
  let mapId: string;
  let mapHeading: string;
  const contexts: BrowserContext[] = [];
  const sockets: { close(): void }[] = [];

  const get = (path: string) => fetch(server.url + path, { headers: { cookie } });

  /** Each person joins the session on a socket of their own and answers the role and the self-assessment. */
  async function answerAll(run: SessionInfo, people: typeof PEOPLE): Promise<void> {
    const role = deck.slides.find((slide) => slide.kind === 'choice' && slide.question === 'Vilken roll har du?')!;
    const scale = deck.slides.find((slide) => slide.kind === 'scale')!;
    if (scale.kind !== 'scale') throw new Error('the template has no scale');
    for (const [index, person] of people.entries()) {
      const socket = await audienceSocket(server.url, run.code);
      sockets.push(socket);
      expect(await socket.answer(role.id, { kind: 'choice', optionIds: [person.role] }, `role-answer-${index}`)).toMatchObject({
        type: 'ack',
      });
      const ratings = scale.statements.map((statement, at) => ({ statementId: statement.id, value: person.ratings[at] ?? null }));
      expect(await socket.answer(scale.id, { kind: 'scale', ratings }, `scale-answer-${index}`)).toMatchObject({ type: 'ack' });
    }
  }

  beforeAll(async () => {
    server = await restartableServer();
    ({ cookie, api } = await signUpPresenter(server.url));
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.dispose();
  });

  it('fills the heatmap on the big screen and the phones as twelve people answer, hiding what k protects', async () => {
    deck = (await api('POST', '/api/templates/decision-makers-sv/presentations')) as Presentation;
    deck = (await api('PATCH', `/api/presentations/${deck.id}`, { anonymityThreshold: 3 })) as Presentation;
    const role = deck.slides.find((slide) => slide.kind === 'choice' && slide.question === 'Vilken roll har du?')!;
    const scale = deck.slides.find((slide) => slide.kind === 'scale')!;
    const map = deck.slides.find((slide) => slide.kind === 'topography' && slide.segmentBy === role.id)!;
    if (map.kind !== 'topography' || scale.kind !== 'scale') throw new Error('the template has no map by role');
    mapId = map.id;
    mapHeading = map.heading;

    session = (await api('POST', `/api/presentations/${deck.id}/sessions`)) as SessionInfo;
    const bigScreen = await presenterContext(browser, server.url, cookie, BIG_SCREEN);
    contexts.push(bigScreen);
    const screen = await bigScreen.newPage();
    await screen.goto(`${server.url}/app/sessions/${session.id}/present`);
    await showSlide(screen, deck, mapId);
    await screen.getByTestId('topography-legend').filter({ hasText: 'Väntar på svar' }).waitFor();

    // One phone in a browser looks at the map; twelve simulated ones answer.
    const phoneContext = await browser.newContext(PHONE);
    contexts.push(phoneContext);
    const phone = await phoneContext.newPage();
    await phone.goto(`${server.url}/${session.code}`);
    for (const [index, person] of PEOPLE.entries()) {
      const socket = await audienceSocket(server.url, session.code);
      sockets.push(socket);
      expect(await socket.answer(role.id, { kind: 'choice', optionIds: [person.role] }, `role-answer-${index}`)).toMatchObject({
        type: 'ack',
      });
      const ratings = scale.statements.map((statement, at) => ({ statementId: statement.id, value: person.ratings[at] ?? null }));
      expect(await socket.answer(scale.id, { kind: 'scale', ratings }, `scale-answer-${index}`)).toMatchObject({ type: 'ack' });
    }

    const onScreen = screen.getByTestId('present-results');
    expect(await mapReads(onScreen, EXPECTED_ROWS)).toEqual(EXPECTED_ROWS);
    // Hidden cells carry no number and no colour of a value.
    const hidden = onScreen.locator('[data-testid="topography-cell"][data-state="hidden"]');
    expect(await hidden.count()).toBe(2);
    expect(await hidden.allTextContents()).toEqual(['För få svar', 'För få svar']);
    await screen.getByTestId('topography-legend').filter({ hasText: 'Kan vägleda andra' }).waitFor();
    await screenshot(screen, 'topography-big-screen');

    // A phone is too narrow for the map: one block per statement, a line per group, the same numbers.
    const phoneBlocks = () =>
      phone
        .locator('[data-testid="topography-phone"] tbody')
        .evaluateAll((blocks) =>
          blocks.map((block) =>
            Array.from(block.querySelectorAll('tr'), (row) =>
              Array.from(row.children, (cell) => cell.textContent?.replace(/\s+/gu, ' ').trim()),
            ),
          ),
        );
    const onPhone = (statement: number) => [
      [scale.statements[statement]?.label],
      ...EXPECTED_ROWS.map((row) => {
        const text = row[statement + 1] ?? '';
        const shown = /^(\S+) \((\d+) svar\)$/u.exec(text);
        return [row[0], shown ? `${shown[1]} n = ${shown[2]}` : text === 'Inga svar' ? '– Inga svar' : text];
      }),
    ];
    const blocks = [0, 1, 2, 3].map(onPhone);
    expect(await settled(phoneBlocks, blocks)).toEqual(blocks);
    await screenshot(phone, 'topography-phone');
  });

  it('keeps the same numbers after the session ends: on the results page, in the API and in the CLI', async () => {
    await api('POST', `/api/sessions/${session.id}/end`);
    const report = (await api('GET', `/api/sessions/${session.id}/report`)) as SessionReport;
    const map = report.slides.find((slide) => slide.slideId === mapId);
    expect(map).toMatchObject({ kind: 'topography', title: mapHeading, segments: null });
    expect(figures(map?.results as TopographyResults)).toEqual(expectedFigures());

    const laptopContext = await presenterContext(browser, server.url, cookie, LAPTOP);
    contexts.push(laptopContext);
    const laptop = await laptopContext.newPage();
    await laptop.goto(`${server.url}/app/sessions/${session.id}/results`);
    const question = laptop.locator(`[data-testid="report-question"][data-slide-id="${mapId}"]`);
    await question.waitFor();
    expect(await mapReads(question, EXPECTED_ROWS)).toEqual(EXPECTED_ROWS);
    await question.scrollIntoViewIfNeeded();
    await screenshot(laptop, 'topography-results-page');

    const cli = spawnSync(process.execPath, ['server/bin/ettor.js', 'results', session.id, '--format', 'json'], {
      cwd: ROOT,
      env: { ...process.env, ETTOR_DATA_DIR: server.dataDir, ETTOR_LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    expect(cli.status, cli.stderr).toBe(0);
    const fromCli = JSON.parse(cli.stdout) as SessionReport;
    expect(figures(fromCli.slides.find((slide) => slide.slideId === mapId)?.results as TopographyResults)).toEqual(expectedFigures());
  });

  it('exports the same numbers as XLSX (read back with exceljs) and CSV', async () => {
    const xlsx = await get(`/api/sessions/${session.id}/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets.find((candidate) => candidate.name.endsWith(mapHeading));
    expect(sheet, workbook.worksheets.map((s) => s.name).join(', ')).toBeDefined();
    const rows = new Map<string, unknown[]>();
    sheet!.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (typeof values[0] === 'string') rows.set(values[0], values.slice(1));
    });
    // Each statement is two columns: the mean and n; a withheld cell reads "För få svar".
    const sheetRow = (role: string | null) =>
      [0, 1, 2, 3].flatMap((statement) => {
        if (role !== null && HIDDEN[role]?.includes(statement)) return ['För få svar', undefined];
        const { mean, n } = meanOf(ratingsOf(role, statement));
        return [expect.closeTo(mean, 10), n];
      });
    for (const { id, label } of ROLES) expect(rows.get(label), label).toEqual(sheetRow(id));
    expect(rows.get('Alla')).toEqual(sheetRow(null));

    const csv = await (await get(`/api/sessions/${session.id}/export?format=csv`)).text();
    // The map's own section, after its heading; the role question's section has rows by the same names.
    const lines = csv.split(/\r\n/u);
    const section = lines.slice(lines.findIndex((line) => line.includes(mapHeading)));
    const csvRow = (label: string) => section.find((line) => line.startsWith(`${label},`));
    const csvCells = (role: string | null) =>
      [0, 1, 2, 3]
        .flatMap((statement) => {
          if (role !== null && HIDDEN[role]?.includes(statement)) return ['För få svar', ''];
          const { mean, n } = meanOf(ratingsOf(role, statement));
          return [String(Math.round(mean * 100) / 100), String(n)];
        })
        .join(',');
    for (const { id, label } of ROLES) expect(csvRow(label)).toBe(`${label},${csvCells(id)}`);
    expect(csvRow('Alla')).toBe(`Alla,${csvCells(null)}`);
  });

  it('shows the map through a share link, which is gone once revoked', async () => {
    const link = (await api('POST', `/api/sessions/${session.id}/share-links`)) as ShareLink;
    const shared = await fetch(`${server.url}/api/shared/${link.token}/report`);
    expect(shared.status).toBe(200);
    const report = (await shared.json()) as SessionReport;
    expect(figures(report.slides.find((slide) => slide.slideId === mapId)?.results as TopographyResults)).toEqual(expectedFigures());

    const visitorContext = await browser.newContext(LAPTOP);
    contexts.push(visitorContext);
    const visitor = await visitorContext.newPage();
    await visitor.goto(server.url + link.path);
    const question = visitor.locator(`[data-testid="report-question"][data-slide-id="${mapId}"]`);
    await question.waitFor();
    expect(await mapReads(question, EXPECTED_ROWS)).toEqual(EXPECTED_ROWS);

    expect(
      (await fetch(`${server.url}/api/sessions/${session.id}/share-links/${link.id}`, { method: 'DELETE', headers: { cookie } })).status,
    ).toBe(204);
    expect((await fetch(`${server.url}/api/shared/${link.token}/report`)).status).toBe(404);
  });

  it('compares the run with one a year later, cell by cell, the change told by sign, arrow and words', async () => {
    // The same room a year later rates its knowledge one step higher (4 stays 4); everything else is as it was.
    const later = PEOPLE.map(({ role, ratings: [knowledge, ...rest] }) => ({
      role,
      ratings: [knowledge === null ? null : Math.min(4, knowledge + 1), ...rest] as Ratings,
    }));
    const second = (await api('POST', `/api/presentations/${deck.id}/sessions`)) as SessionInfo;
    await answerAll(second, later);
    await api('POST', `/api/sessions/${second.id}/end`);

    const laptopContext = await presenterContext(browser, server.url, cookie, LAPTOP);
    contexts.push(laptopContext);
    const laptop = await laptopContext.newPage();
    await laptop.goto(`${server.url}/app/compare?sessions=${second.id},${session.id}`);
    const change = laptop.locator(`[data-testid="compare-question"][data-slide-id="${mapId}"] [data-testid="compare-topography-change"]`);
    await change.waitFor();
    const rows = await tableRowsOf(change);
    const knowledgeChange = (role: string) => {
      const before = meanOf(ratingsOf(role, 0)).mean;
      const after = meanOf(later.filter((person) => person.role === role).map((person) => person.ratings[0] ?? null)).mean;
      const delta = decimal(after - before);
      return `+${delta} ▲ökning med ${delta}`;
    };
    for (const { id, label } of ROLES) {
      const row = rows.find((cells) => cells[0] === label);
      expect(row?.[1], label).toBe(knowledgeChange(id));
      expect(row?.[2], label).toBe(HIDDEN[id]?.includes(1) ? 'för få svar' : '±0,0oförändrat');
    }
    await change.scrollIntoViewIfNeeded();
    await screenshot(laptop, 'topography-compare');
  });
});
