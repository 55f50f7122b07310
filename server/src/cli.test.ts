import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type SessionReport, sessionReportSchema } from '@ettor/protocol';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './cli.js';
import { createCore } from './main.js';

/** Runs the CLI in-process against a temporary SQLite directory and captures what it writes, as text and as bytes. */
async function ettor(dataDir: string, ...args: string[]) {
  const out: Buffer[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    out.push(Buffer.from(chunk));
    const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    done?.();
    return true;
  });
  const stderr = vi.spyOn(console, 'error').mockImplementation((...line) => void err.push(line.join(' ')));
  vi.stubEnv('ETTOR_DATA_DIR', dataDir);
  try {
    const code = await runCli(args);
    const bytes = Buffer.concat(out);
    return { code, stdout: bytes.toString('utf8'), bytes, stderr: err.join('\n') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    vi.unstubAllEnvs();
  }
}

describe('ettor CLI', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ettor-cli-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, adds a user, exports their example deck and imports it again', async () => {
    expect((await ettor(dataDir, 'migrate')).code).toBe(0);
    const added = await ettor(dataDir, 'user', 'add', '--email', 'Kim@Example.se', '--password', 'a long password', '--admin');
    expect(added).toMatchObject({ code: 0, stderr: expect.stringContaining('Created admin kim@example.se') });

    const file = path.join(dataDir, 'deck.json');
    const ids = await ettor(dataDir, 'deck', 'import', '--owner', 'kim@example.se', fileFromExample(file));
    expect(ids.code).toBe(0);
    const id = ids.stdout.trim();
    const exported = await ettor(dataDir, 'deck', 'export', id);
    expect(exported.code).toBe(0);
    const deck = JSON.parse(exported.stdout);
    expect(deck).toMatchObject({ format: 'ettor-deck', version: 1, title: 'Hur får vi nollorna att bli ettor?' });
    expect(deck.slides.length).toBeGreaterThan(10);
    expect(deck.slides.find((slide: { kind: string }) => slide.kind === 'scale')).toMatchObject({
      steps: 5,
      allowSkip: true,
      statements: expect.any(Array),
    });
  });

  it('refuses bad input with a message and a non-zero exit, storing nothing', async () => {
    expect((await ettor(dataDir, 'fly')).code).toBe(2);
    expect((await ettor(dataDir, 'user', 'add', '--email', 'x@example.se', '--password', 'short')).code).toBe(2);
    await ettor(dataDir, 'user', 'add', '--email', 'x@example.se', '--password', 'long enough pw');
    expect(await ettor(dataDir, 'user', 'add', '--email', 'x@example.se', '--password', 'long enough pw')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('already exists'),
    });

    const broken = path.join(dataDir, 'broken.json');
    fs.writeFileSync(
      broken,
      '{"format":"ettor-deck","version":1,"title":"X","slides":[{"id":"a","kind":"choice","question":"Q","options":[]}]}',
    );
    expect(await ettor(dataDir, 'deck', 'import', broken, '--owner', 'x@example.se')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('not a valid deck'),
    });
    fs.writeFileSync(broken, '{nope');
    expect(await ettor(dataDir, 'deck', 'import', broken, '--owner', 'x@example.se')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('as JSON'),
    });
    expect((await ettor(dataDir, 'deck', 'import', fileFromExample(broken), '--owner', 'ghost@example.se')).code).toBe(1);
    expect((await ettor(dataDir, 'deck', 'export', 'no-such-id')).code).toBe(1);
  });

  it('writes a session’s results as JSON, split by a question when asked, and refuses what it cannot do', async () => {
    await ettor(dataDir, 'user', 'add', '--email', 'kim@example.se', '--password', 'a long password');
    const file = path.join(dataDir, 'roles.json');
    fs.writeFileSync(file, JSON.stringify(ROLE_DECK));
    const deckId = (await ettor(dataDir, 'deck', 'import', file, '--owner', 'kim@example.se')).stdout.trim();
    const { sessionId, slideIds } = await runSession(dataDir, deckId, [
      ['tj', 'ja'],
      ['tj', 'ja'],
      ['tj', 'nej'],
      ['chef', 'ja'],
      ['chef', 'nej'],
      ['chef', 'nej'],
    ]);
    const [role, ai] = slideIds;
    const counts = (yes: number, no: number) => [
      { optionId: 'ja', count: yes },
      { optionId: 'nej', count: no },
    ];

    const whole = await ettor(dataDir, 'results', sessionId);
    expect(whole).toMatchObject({ code: 0, stderr: '' });
    const report: SessionReport = sessionReportSchema.parse(JSON.parse(whole.stdout));
    expect(report).toMatchObject({
      session: { id: sessionId, presentationId: deckId, status: 'live', participants: 6, answers: 12 },
      presentationTitle: 'Roller',
      anonymityThreshold: 3,
      segmentBy: null,
    });
    expect(report.slides.map((slide) => [slide.slideId, slide.segments])).toEqual([
      [role, null],
      [ai, null],
    ]);
    expect(report.slides[1]?.results).toEqual({ kind: 'choice', slideId: ai, respondents: 6, counts: counts(3, 3) });

    const split = await ettor(dataDir, 'results', sessionId, '--segment-by', role!);
    expect(split.code).toBe(0);
    expect(sessionReportSchema.parse(JSON.parse(split.stdout)).slides[1]?.segments).toEqual([
      {
        optionId: 'tj',
        label: 'Tjänsteperson',
        respondents: 3,
        results: { kind: 'choice', slideId: ai, respondents: 3, counts: counts(2, 1) },
      },
      { optionId: 'chef', label: 'Chef', respondents: 3, results: { kind: 'choice', slideId: ai, respondents: 3, counts: counts(1, 2) } },
      { optionId: null, label: '', respondents: 0, results: { kind: 'choice', slideId: ai, respondents: 0, counts: counts(0, 0) } },
    ]);

    expect(await ettor(dataDir, 'results', sessionId, '--format', 'pdf')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('Unknown format "pdf": use json, csv or xlsx.'),
    });
    expect(await ettor(dataDir, 'results', sessionId, '--form', 'csv')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Unknown option '--form'"),
    });
    expect((await ettor(dataDir, 'results')).code).toBe(2);
    expect((await ettor(dataDir, 'results', sessionId, 'extra')).code).toBe(2);
    expect((await ettor(dataDir, 'results', sessionId, '--segment-by')).code).toBe(2);
    expect(await ettor(dataDir, 'results', 'no-such-session')).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'There is no session no-such-session.',
    });
    expect(await ettor(dataDir, 'results', sessionId, '--segment-by', 'nope')).toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringContaining('not in this presentation'),
    });
  });

  it('writes a session’s results as CSV and as an XLSX workbook, with the numbers of the JSON report', async () => {
    await ettor(dataDir, 'user', 'add', '--email', 'kim@example.se', '--password', 'a long password');
    const file = path.join(dataDir, 'roles.json');
    fs.writeFileSync(file, JSON.stringify(ROLE_DECK));
    const deckId = (await ettor(dataDir, 'deck', 'import', file, '--owner', 'kim@example.se')).stdout.trim();
    const { sessionId, slideIds } = await runSession(dataDir, deckId, [
      ['tj', 'ja'],
      ['tj', 'ja'],
      ['tj', 'nej'],
      ['chef', 'ja'],
      ['chef', 'nej'],
      ['chef', 'nej'],
    ]);

    const csv = await ettor(dataDir, 'results', sessionId, '--segment-by', slideIds[0]!, '--format', 'csv');
    expect(csv).toMatchObject({ code: 0, stderr: '' });
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.stdout.slice(1).split('\r\n');
    expect(lines).toContain('Alternativ,Antal,Andel (%),Antal,Andel (%),Antal,Andel (%),Antal,Andel (%)');
    expect(lines).toContain(',Alla,,Tjänsteperson,,Chef,,Ej angivet');
    expect(lines).toContain('Ja,3,50,2,66.7,1,33.3,0');
    expect(lines).toContain('Nej,3,50,1,33.3,2,66.7,0');
    expect(lines).toContain('Svarande,6,,3,,3,,0');

    const xlsx = await ettor(dataDir, 'results', sessionId, '--format', 'xlsx');
    expect(xlsx).toMatchObject({ code: 0, stderr: '' });
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Sammanfattning',
      '1 Vilken roll har du',
      '2 Använder du AI',
      'Svar per deltagare',
    ]);
    const json = sessionReportSchema.parse(JSON.parse((await ettor(dataDir, 'results', sessionId)).stdout));
    const ai = workbook.getWorksheet('2 Använder du AI')!;
    const results = json.slides[1]?.results;
    if (results?.kind !== 'choice') throw new Error('no results');
    // Heading (two rows), a blank row, the group and column headers, then one row per option.
    expect([ai.getCell('A6').value, ai.getCell('B6').value, ai.getCell('C6').value]).toEqual(['Ja', results.counts[0]!.count, 3 / 6]);
    expect([ai.getCell('A7').value, ai.getCell('B7').value]).toEqual(['Nej', results.counts[1]!.count]);
    expect([ai.getCell('A8').value, ai.getCell('B8').value]).toEqual(['Svarande', results.respondents]);
    expect(workbook.getWorksheet('Svar per deltagare')!.getCell('A4').value).toBe('P1');
  });

  it('refuses to write a workbook to a terminal', async () => {
    const tty = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
    Object.defineProperty(process.stdout, 'isTTY', { value: true, configurable: true });
    try {
      expect(await ettor(dataDir, 'results', 'any-session', '--format', 'xlsx')).toMatchObject({
        code: 2,
        stdout: '',
        stderr: expect.stringContaining('An XLSX workbook is binary; redirect it to a file'),
      });
    } finally {
      if (tty) Object.defineProperty(process.stdout, 'isTTY', tty);
      else delete (process.stdout as { isTTY?: boolean }).isTTY;
    }
  });
});

/** A deck of two single-choice questions, whose k of 3 lets six people's results show. */
const ROLE_DECK = {
  format: 'ettor-deck',
  version: 1,
  title: 'Roller',
  anonymityThreshold: 3,
  slides: [
    {
      id: 'roll',
      kind: 'choice',
      question: 'Vilken roll har du?',
      options: [
        { id: 'tj', label: 'Tjänsteperson' },
        { id: 'chef', label: 'Chef' },
      ],
    },
    {
      id: 'ai',
      kind: 'choice',
      question: 'Använder du AI?',
      options: [
        { id: 'ja', label: 'Ja' },
        { id: 'nej', label: 'Nej' },
      ],
    },
  ],
};

/** Starts a session of the deck and has one participant per row answer its two questions, through the services phones reach. */
async function runSession(dataDir: string, deckId: string, rows: readonly (readonly [string, string])[]) {
  const core = await createCore({ databaseUrl: undefined, dataDir, signupOpenByDefault: false });
  try {
    const owner = await core.store.db.selectFrom('presentations').select('owner_id').where('id', '=', deckId).executeTakeFirstOrThrow();
    const session = await core.sessions.start(owner.owner_id, deckId);
    const slideIds = (await core.presentations.get(owner.owner_id, deckId)).slides.map((slide) => slide.id);
    for (const [index, row] of rows.entries()) {
      const participant = await core.participants.resolve(session.id, undefined);
      for (const [slide, optionId] of row.entries()) {
        // Refused answers throw, so every one of these was stored.
        await core.responses.submit({
          sessionId: session.id,
          participantId: participant.id,
          clientId: `client-${index}-${slide}`,
          slideId: slideIds[slide]!,
          answer: { kind: 'choice', optionIds: [optionId] },
        });
      }
    }
    return { sessionId: session.id, slideIds };
  } finally {
    await core.close();
  }
}

function fileFromExample(target: string): string {
  fs.copyFileSync(new URL('./presentations/example-deck.json', import.meta.url), target);
  return target;
}
