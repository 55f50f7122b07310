import {
  type Presentation,
  type SessionInfo,
  type SessionReport,
  type ShareLink,
  sessionReportSchema,
  sharedReportSchema,
  shareLinkSchema,
} from '@ettor/protocol';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

const HYPERLINK = '=HYPERLINK("http://x","klick")';

/** A role question to split by, one question of each kind and a topography of the scale by role, with k = 3. */
const DECK = {
  format: 'ettor-deck',
  version: 1,
  title: 'Kompetenskartan Östergötland',
  anonymityThreshold: 3,
  slides: [
    {
      id: 'roll',
      kind: 'choice',
      question: 'Vilken roll har du?',
      options: [
        { id: 'tj', label: 'Tjänsteperson' },
        { id: 'chef', label: 'Chef' },
        { id: 'pol', label: 'Politiker' },
      ],
    },
    {
      id: 'ai',
      kind: 'choice',
      question: 'Använder du AI i arbetet?',
      options: [
        { id: 'ja', label: 'Ja' },
        { id: 'nej', label: 'Nej' },
      ],
    },
    {
      id: 'skala',
      kind: 'scale',
      question: 'Hur väl stämmer det?',
      statements: [
        { id: 'kunskap', label: 'Jag har kunskaperna' },
        { id: 'fardighet', label: 'Jag har färdigheterna' },
      ],
      minLabel: 'Inte alls',
      maxLabel: 'Helt',
      allowSkip: true,
    },
    { id: 'ord', kind: 'wordcloud', question: 'Vad behövs?', maxLength: 40 },
    { id: 'fritt', kind: 'open', question: 'Något mer?', notes: 'Talarens egna anteckningar' },
    { id: 'karta', kind: 'topography', heading: 'Kompetenskarta', segmentBy: 'roll', scaleSlideId: 'skala' },
  ],
};

const choice = (optionId: string) => ({ kind: 'choice', optionIds: [optionId] });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/u;

type Value = string | number | null;

/** A worksheet's values, row by row from row 1, empty cells null and trailing ones left off. */
function valuesOf(sheet: ExcelJS.Worksheet): Value[][] {
  const rows: Value[][] = [];
  for (let n = 1; n <= sheet.rowCount; n += 1) {
    const values = sheet.getRow(n).values as unknown[];
    const row = Array.from({ length: Math.max(0, values.length - 1) }, (_, index) => (values[index + 1] ?? null) as Value);
    while (row.length > 0 && row.at(-1) === null) row.pop();
    rows.push(row);
  }
  return rows;
}

const rowStarting = (rows: Value[][], first: Value) => rows.find((row) => row[0] === first);

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

describe.each(dialects)('result exports and share links on $name', (dialect) => {
  let server: TestServer;
  let owner: HttpClient;
  let other: HttpClient;
  let deck: Presentation;
  let session: SessionInfo;
  let report: SessionReport;
  const ids: Record<string, string> = {};

  /** GET as bytes, with the client's cookie. */
  const download = async (path: string, as: HttpClient | null = owner) => {
    const response = await fetch(server.url + path, { headers: as?.cookieHeader ? { cookie: as.cookieHeader } : {} });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const exportPath = (query: string, sessionId = session.id) => `/api/sessions/${sessionId}/export${query}`;
  const slideOf = (body: SessionReport, id: string) => body.slides.find((slide) => slide.slideId === ids[id])!;

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect, { signupOpenByDefault: true });
    owner = await signedUpClient(server.url, 'owner@example.se');
    other = await signedUpClient(server.url, 'other@example.se');
    deck = (await owner.post('/api/presentations/import', DECK)).body as Presentation;
    DECK.slides.forEach((slide, index) => (ids[slide.id] = deck.slides[index]!.id));

    session = (await owner.post(`/api/presentations/${deck.id}/sessions`)).body as SessionInfo;
    const host = await LiveClient.host(server.wsUrl, session.id, owner.cookieHeader);
    const phones = await Promise.all(Array.from({ length: 11 }, () => LiveClient.join(server.wsUrl, session.code)));
    const answer = async (phone: number, slide: string, given: unknown) =>
      expect(await phones[phone]!.answer(ids[slide]!, given), `phone ${phone} on ${slide}`).toMatchObject({ type: 'ack' });
    try {
      // Four officials, three managers, two politicians and two who never say: the last two groups are
      // under k and hidden, but together they are k or more, so no one else is withheld for them.
      for (const [phone, role] of ['tj', 'tj', 'tj', 'tj', 'chef', 'chef', 'chef', 'pol', 'pol'].entries()) {
        await answer(phone, 'roll', choice(role));
      }
      for (const [phone, option] of ['ja', 'ja', 'ja', 'nej', 'ja', 'nej', 'nej', 'ja', 'nej', 'ja', 'ja'].entries()) {
        await answer(phone, 'ai', choice(option));
      }
      const ratings: [number | null, number | null][] = [
        [5, 1],
        [4, 2],
        [4, 3],
        [null, 4],
        [2, 5],
        [3, null],
        [3, 2],
      ];
      for (const [phone, [kunskap, färdighet]] of ratings.entries()) {
        await answer(phone, 'skala', {
          kind: 'scale',
          ratings: [
            { statementId: 'kunskap', value: kunskap },
            { statementId: 'fardighet', value: färdighet },
          ],
        });
      }
      for (const [phone, entries] of [[HYPERLINK, 'Tid'], ['Tid'], ['Pengar'], ['Tid', 'Pengar']].entries()) {
        await answer(phone, 'ord', { kind: 'wordcloud', entries });
      }
      for (const [phone, text] of [
        [0, '-2+3'],
        [1, 'Mer utbildning'],
        [4, 'Hemligt namn'],
        [5, 'Tid att lära'],
      ] as const) {
        await answer(phone, 'fritt', { kind: 'open', text });
      }

      const wordHidden = host.nextMatching(
        (m) => m.type === 'results' && m.results.kind === 'wordcloud' && m.results.words.some((w) => w.text === 'Pengar' && w.hidden),
      );
      host.send({ type: 'goto', slideId: ids.ord });
      host.send({ type: 'hide-word', slideId: ids.ord, word: 'pengar', hidden: true });
      await wordHidden;

      const openShown = host.nextMatching((m) => m.type === 'results' && m.results.kind === 'open' && m.results.entries.length === 4);
      host.send({ type: 'goto', slideId: ids.fritt });
      const shown = await openShown;
      const secret =
        shown.type === 'results' && shown.results.kind === 'open'
          ? shown.results.entries.find((e) => e.text === 'Hemligt namn')
          : undefined;
      const answerHidden = host.nextMatching(
        (m) => m.type === 'results' && m.results.kind === 'open' && m.results.entries.some((e) => e.text === 'Hemligt namn' && e.hidden),
      );
      host.send({ type: 'hide-answer', slideId: ids.fritt, answerId: secret!.id, hidden: true });
      await answerHidden;
    } finally {
      host.close();
      for (const phone of phones) phone.close();
    }
    report = sessionReportSchema.parse((await owner.get(`/api/sessions/${session.id}/report?segmentBy=${ids.roll}`)).body);
  });
  afterAll(async () => server?.stop());

  it.skipIf(dialect.skipReason)('the report the exports are checked against', () => {
    expect(slideOf(report, 'ai').results).toMatchObject({ respondents: 11 });
    expect(slideOf(report, 'ai').segments?.map((segment) => [segment.label, segment.respondents, segment.results !== null])).toEqual([
      ['Tjänsteperson', 4, true],
      ['Chef', 3, true],
      ['Politiker', 0, false],
      ['', 0, false],
    ]);
  });

  it.skipIf(dialect.skipReason)(
    'exports a live session as XLSX: a summary, a sheet per question with the numbers of the report, and anonymous responses',
    async () => {
      const response = await download(exportPath(`?format=xlsx&segmentBy=${ids.roll}`));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(XLSX);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const day = session.startedAt.slice(0, 10);
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="Kompetenskartan Ostergotland-${day}.xlsx"; filename*=UTF-8''Kompetenskartan%20%C3%96sterg%C3%B6tland-${day}.xlsx`,
      );

      const workbook = await workbookOf(response.bytes);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        'Sammanfattning',
        '1 Vilken roll har du',
        '2 Använder du AI i arbetet',
        '3 Hur väl stämmer det',
        '4 Vad behövs',
        '5 Något mer',
        '6 Kompetenskarta',
        'Svar per deltagare',
      ]);

      const summary = valuesOf(workbook.getWorksheet('Sammanfattning')!);
      expect(summary.slice(0, 12)).toEqual([
        ['Sammanfattning'],
        [],
        ['Presentation', 'Kompetenskartan Östergötland'],
        ['Session', session.id],
        ['Status', 'Pågår'],
        ['Startad (UTC)', session.startedAt],
        ['Avslutad (UTC)'],
        ['Deltagare', 11],
        ['Svar', report.session.answers],
        ['Anonymitetsgräns (k)', 3],
        ['Uppdelat på', 'Vilken roll har du?'],
        ['Strikt anonymitet', 'Nej'],
      ]);

      // Choice: counts and shares for everyone and per role; the hidden roles read "För få svar".
      const ai = valuesOf(workbook.getWorksheet('2 Använder du AI i arbetet')!);
      expect(ai.slice(0, 6)).toEqual([
        ['Fråga 2', 'Använder du AI i arbetet?'],
        ['Typ', 'Flerval'],
        ['Uppdelat på', 'Vilken roll har du?'],
        [],
        [null, 'Alla', null, 'Tjänsteperson', null, 'Chef', null, 'Politiker', null, 'Ej angivet'],
        ['Alternativ', 'Antal', 'Andel (%)', 'Antal', 'Andel (%)', 'Antal', 'Andel (%)', 'Antal', 'Andel (%)', 'Antal', 'Andel (%)'],
      ]);
      const counts = (slide: SessionReport['slides'][number]['results']) =>
        slide?.kind === 'choice' ? slide.counts.map((entry) => entry.count) : [];
      const [everyone, officials, managers] = [
        slideOf(report, 'ai').results,
        slideOf(report, 'ai').segments![0]!.results,
        slideOf(report, 'ai').segments![1]!.results,
      ];
      expect(counts(everyone)).toEqual([7, 4]);
      expect(counts(officials)).toEqual([3, 1]);
      expect(counts(managers)).toEqual([1, 2]);
      expect(rowStarting(ai, 'Ja')).toEqual(['Ja', 7, 7 / 11, 3, 3 / 4, 1, 1 / 3, 'För få svar', null, 'För få svar']);
      expect(rowStarting(ai, 'Nej')).toEqual(['Nej', 4, 4 / 11, 1, 1 / 4, 2, 2 / 3, 'För få svar', null, 'För få svar']);
      expect(rowStarting(ai, 'Svarande')).toEqual(['Svarande', 11, null, 4, null, 3, null, 'För få svar', null, 'För få svar']);

      // Scale: each statement's steps, "vet ej", n, mean and sd, exactly as in the report.
      const scale = valuesOf(workbook.getWorksheet('3 Hur väl stämmer det')!);
      expect(scale[5]?.slice(0, 10)).toEqual([
        'Påstående',
        '1 (Inte alls)',
        '2',
        '3',
        '4',
        '5 (Helt)',
        'Vet ej',
        'n',
        'Medelvärde',
        'Standardavvikelse',
      ]);
      const scaleResults = slideOf(report, 'skala').results;
      if (scaleResults?.kind !== 'scale') throw new Error('no scale results');
      for (const [index, label] of ['Jag har kunskaperna', 'Jag har färdigheterna'].entries()) {
        const statement = scaleResults.statements[index]!;
        expect(rowStarting(scale, label)?.slice(0, 10)).toEqual([
          label,
          ...statement.counts,
          statement.skipped,
          statement.n,
          statement.mean,
          statement.sd,
        ]);
      }
      expect(scaleResults.statements[0]).toMatchObject({ counts: [0, 1, 2, 2, 1], skipped: 1, n: 6, mean: 3.5 });
      // Politicians and "not given" rated nothing: empty, not withheld.
      expect(rowStarting(scale, 'Jag har kunskaperna')?.slice(37)).toEqual([0, 0, 0, 0, 0, 0, 0]);

      // Topography: a mean and an n per statement and role. Knowledge: 3 and 3 rated, both shown. Skills: managers' 2
      // are under k, and showing the officials' 4 beside the total would give them away, so both are withheld.
      const map = valuesOf(workbook.getWorksheet('6 Kompetenskarta')!);
      expect(rowStarting(map, 'Typ')).toEqual(['Typ', 'Kompetenstopografi']);
      expect(rowStarting(map, 'Kolumner')).toEqual(['Kolumner', 'Hur väl stämmer det?']);
      expect(rowStarting(map, 'Vilken roll har du?')).toEqual(['Vilken roll har du?', 'Medelvärde', 'n', 'Medelvärde', 'n']);
      expect(rowStarting(map, 'Tjänsteperson')).toEqual(['Tjänsteperson', expect.closeTo(13 / 3, 10), 3, 'För få svar']);
      expect(rowStarting(map, 'Chef')).toEqual(['Chef', expect.closeTo(8 / 3, 10), 3, 'För få svar']);
      expect(rowStarting(map, 'Politiker')).toEqual(['Politiker', null, 0, null, 0]);
      expect(rowStarting(map, 'Ej angivet')).toEqual(['Ej angivet', null, 0, null, 0]);
      expect(rowStarting(map, 'Alla')).toEqual(['Alla', 3.5, 6, expect.closeTo(17 / 6, 10), 6]);
      expect(slideOf(report, 'karta')).toMatchObject({ kind: 'topography', title: 'Kompetenskarta', segments: null });

      // Word cloud: the hidden word is left out, the formula is text.
      const words = valuesOf(workbook.getWorksheet('4 Vad behövs')!);
      expect(words.slice(4, 9)).toEqual([
        ['Alla', null, 'Tjänsteperson', null, 'Chef', null, 'Politiker', null, 'Ej angivet'],
        ['Svarande', 4, 'Svarande', 4, 'Svarande', 0, 'Svarande', 0, 'Svarande', 0],
        ['Ord', 'Antal', 'Ord', 'Antal', 'Ord', 'Antal', 'Ord', 'Antal', 'Ord', 'Antal'],
        ['Tid', 3, 'Tid', 3],
        [`'${HYPERLINK}`, 1, `'${HYPERLINK}`, 1],
      ]);
      expect(words.flat()).not.toContain('Pengar');

      // Open answers: the hidden one is left out; the officials (2) and managers (2) are under k.
      const open = valuesOf(workbook.getWorksheet('5 Något mer')!);
      expect(open.slice(5)).toEqual([
        ['Svarande', 4, 'Svarande', 'För få svar', 'Svarande', 'För få svar', 'Svarande', 0, 'Svarande', 0],
        ['Svar', null, 'Svar', null, 'Svar', null, 'Svar', null, 'Svar'],
        ['Tid att lära'],
        ['Mer utbildning'],
        ["'-2+3"],
      ]);

      // Responses: pseudonyms in order of first answer, never a participant id; hidden answers marked.
      const responses = valuesOf(workbook.getWorksheet('Svar per deltagare')!);
      expect(responses[2]).toEqual(['Deltagare', 'Tid (UTC)', 'Fråga nr', 'Fråga', 'Svar', 'Dold']);
      const rows = responses.slice(3);
      expect(rows).toHaveLength(report.session.answers);
      expect(rows[0]).toEqual(['P1', expect.any(String), 1, 'Vilken roll har du?', 'Tjänsteperson']);
      expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(Array.from({ length: 11 }, (_, index) => `P${index + 1}`)));
      expect(JSON.stringify(responses)).not.toMatch(UUID);
      const times = rows.map((row) => String(row[1]));
      expect(times).toEqual([...times].sort());
      /** One participant's answers by question number, found by one of their answers. */
      const answersOf = (question: number, answer: string) => {
        const who = rows.find((row) => row[2] === question && row[4] === answer)?.[0];
        return Object.fromEntries(rows.filter((row) => row[0] === who).map((row) => [row[2], row.slice(3)]));
      };
      expect(answersOf(5, "'-2+3")).toEqual({
        1: ['Vilken roll har du?', 'Tjänsteperson'],
        2: ['Använder du AI i arbetet?', 'Ja'],
        3: ['Hur väl stämmer det?', 'Jag har kunskaperna: 5; Jag har färdigheterna: 1'],
        4: ['Vad behövs?', `'${HYPERLINK}; Tid`],
        5: ['Något mer?', "'-2+3"],
      });
      expect(answersOf(5, 'Hemligt namn')).toMatchObject({ 1: ['Vilken roll har du?', 'Chef'], 5: ['Något mer?', 'Hemligt namn', 'Ja'] });
      expect(answersOf(3, 'Jag har kunskaperna: vet ej; Jag har färdigheterna: 4')).toMatchObject({
        4: ['Vad behövs?', 'Tid; Pengar', 'Ja'],
      });
      expect(rows.filter((row) => row[5] === 'Ja').map((row) => row[4])).toEqual(
        expect.arrayContaining(['Pengar', 'Tid; Pengar', 'Hemligt namn']),
      );
    },
  );

  it.skipIf(dialect.skipReason)('exports CSV: UTF-8 with a BOM, comma-separated sections of aggregates, formulas neutralised', async () => {
    const response = await download(exportPath(`?format=csv&segmentBy=${ids.roll}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Kompetenskartan Ostergotland-\d{4}-\d\d-\d\d\.csv"/u,
    );
    expect([...response.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = response.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.slice(0, 4)).toEqual(['Sammanfattning', '', 'Presentation,Kompetenskartan Östergötland', `Session,${session.id}`]);
    const section = (heading: string) => lines.slice(lines.indexOf(heading));
    expect(section('Fråga 2,Använder du AI i arbetet?').slice(0, 10)).toEqual([
      'Fråga 2,Använder du AI i arbetet?',
      'Typ,Flerval',
      'Uppdelat på,Vilken roll har du?',
      '',
      ',Alla,,Tjänsteperson,,Chef,,Politiker,,Ej angivet',
      'Alternativ,Antal,Andel (%),Antal,Andel (%),Antal,Andel (%),Antal,Andel (%),Antal,Andel (%)',
      'Ja,7,63.6,3,75,1,33.3,För få svar,,För få svar',
      'Nej,4,36.4,1,25,2,66.7,För få svar,,För få svar',
      'Svarande,11,,4,,3,,För få svar,,För få svar',
      '',
    ]);
    expect(section('Fråga 3,Hur väl stämmer det?')[6]).toBe(
      [
        'Jag har kunskaperna',
        '0,1,2,2,1,1,6,3.5,0.96', // everyone
        '0,0,0,2,1,1,3,4.33,0.47', // officials
        '0,1,2,0,0,0,3,2.67,0.47', // managers
        '0,0,0,0,0,0,0,,', // politicians: no one, no mean
        '0,0,0,0,0,0,0', // not given, its empty mean and sd left off the line's end
      ].join(','),
    );
    expect(lines).toContain(`"'=HYPERLINK(""http://x"",""klick"")",1,"'=HYPERLINK(""http://x"",""klick"")",1`);
    expect(lines).toContain("'-2+3");
    // Aggregates only: no hidden answers, no responses.
    expect(lines.join('\n')).not.toMatch(/Hemligt namn|Pengar|Svar per deltagare|P1/u);
  });

  it.skipIf(dialect.skipReason)('refuses a bad format or query, and another presenter’s session', async () => {
    for (const query of ['', '?format=pdf', '?format=CSV', '?format=csv&format=xlsx', '?format=csv&extra=1', '?format=csv&segmentBy=']) {
      const refused = await owner.get(exportPath(query));
      expect([refused.status, refused.body?.error?.code], query).toEqual([400, 'validation_failed']);
    }
    expect((await owner.get(exportPath(`?format=csv&segmentBy=${ids.skala}`))).body.error.code).toBe('validation_failed');
    expect((await owner.get(exportPath('?format=csv&segmentBy=nope'))).body.error.code).toBe('unknown_slide');
    expect((await other.get(exportPath('?format=xlsx'))).body).toEqual({
      error: { code: 'not_found', message: 'There is no such session.' },
    });
    expect((await owner.get(exportPath('?format=csv', 'no-such-session'))).status).toBe(404);
    expect((await download(exportPath('?format=xlsx'), null)).status).toBe(401);
  });

  it.skipIf(dialect.skipReason)('exports an ended session the same way', async () => {
    const live = await download(exportPath('?format=csv'));
    await owner.post(`/api/sessions/${session.id}/end`);
    const ended = await download(exportPath('?format=csv'));
    expect(ended.status).toBe(200);
    const withoutTimes = (bytes: Buffer) =>
      bytes
        .toString('utf8')
        .split('\r\n')
        .filter((line) => !/^(Status|Avslutad|Exporterad)/u.test(line));
    expect(withoutTimes(ended.bytes)).toEqual(withoutTimes(live.bytes));
    expect(ended.bytes.toString('utf8')).toContain('Status,Avslutad');
  });

  it.skipIf(dialect.skipReason)(
    'shares a read-only report: the owner’s without what was hidden, noindex and uncached, until revoked',
    async () => {
      const anyone = new HttpClient(server.url);
      const created = await owner.post(`/api/sessions/${session.id}/share-links`);
      expect(created.status).toBe(201);
      const link: ShareLink = shareLinkSchema.parse(created.body);
      expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/u);
      expect(link.path).toBe(`/app/shared/${link.token}`);
      const second: ShareLink = (await owner.post(`/api/sessions/${session.id}/share-links`)).body;
      expect(second.token).not.toBe(link.token);
      expect((await owner.get(`/api/sessions/${session.id}/share-links`)).body).toEqual([second, link]);

      for (const query of ['', `?segmentBy=${ids.roll}`]) {
        const own = sessionReportSchema.parse((await owner.get(`/api/sessions/${session.id}/report${query}`)).body);
        const shared = await anyone.get(`/api/shared/${link.token}/report${query}`);
        expect(shared.status).toBe(200);
        expect(shared.headers.get('x-robots-tag')).toContain('noindex');
        expect(shared.headers.get('cache-control')).toBe('no-store');
        expect(shared.headers.get('x-ratelimit-limit')).toBe('60');
        const { questions, ...body } = sharedReportSchema.parse(shared.body);
        // The deck's questions come along for the charts' labels, without the presenter's notes.
        expect(questions.map((slide) => slide.id)).toEqual(own.slides.map((slide) => slide.slideId));
        expect(questions.every((slide) => slide.notes === '')).toBe(true);
        // The same report, but for the word and the answer the presenter hid.
        const untouched = (slides: SessionReport['slides']) => slides.filter((slide) => ![ids.ord, ids.fritt].includes(slide.slideId));
        expect(untouched(body.slides)).toEqual(untouched(own.slides));
        expect({ ...body, slides: [] }).toEqual({ ...own, slides: [] });
        expect(slideOf(body, 'ord').results).toMatchObject({
          respondents: 4,
          words: [
            { text: 'Tid', count: 3 },
            { text: HYPERLINK, count: 1 },
          ],
        });
        expect(slideOf(body, 'fritt').results).toMatchObject({ respondents: 4 });
        expect(JSON.stringify(body)).not.toMatch(/Hemligt namn|Pengar/u);
        expect(JSON.stringify(own)).toMatch(/Hemligt namn/u);
      }
      expect((await anyone.get(`/api/shared/${link.token}/report?segmentBy=nope`)).body.error.code).toBe('unknown_slide');
      expect((await anyone.get(`/api/shared/${link.token}/report?segmentBy=${ids.ai}&x=1`)).body.error.code).toBe('validation_failed');

      // Only the owner lists, makes and revokes links.
      for (const [as, status] of [
        [other, 404],
        [anyone, 401],
      ] as const) {
        expect((await as.get(`/api/sessions/${session.id}/share-links`)).status).toBe(status);
        expect((await as.post(`/api/sessions/${session.id}/share-links`)).status).toBe(status);
        expect((await as.delete(`/api/sessions/${session.id}/share-links/${link.id}`)).status).toBe(status);
      }
      const elsewhere = (await other.post(`/api/presentations/${(await other.post('/api/presentations/import', DECK)).body.id}/sessions`))
        .body;
      expect((await other.delete(`/api/sessions/${elsewhere.id}/share-links/${link.id}`)).body.error.code).toBe('not_found');
      expect((await anyone.get(`/api/shared/${link.token}/report`)).status).toBe(200);

      const revoked = await owner.delete(`/api/sessions/${session.id}/share-links/${link.id}`);
      expect(revoked.status).toBe(204);
      const gone = await anyone.get(`/api/shared/${link.token}/report`);
      const never = await anyone.get(`/api/shared/${'x'.repeat(43)}/report`);
      expect(gone.status).toBe(404);
      expect(gone.body).toEqual({ error: { code: 'not_found', message: 'There is no such link, or it has been revoked.' } });
      expect(never.body).toEqual(gone.body);
      expect(gone.headers.get('x-robots-tag')).toContain('noindex');
      expect((await owner.get(`/api/sessions/${session.id}/share-links`)).body).toEqual([second]);
      expect((await owner.delete(`/api/sessions/${session.id}/share-links/${link.id}`)).status).toBe(404);
      expect((await anyone.get(`/api/shared/${second.token}/report`)).status).toBe(200);
      expect((await anyone.get('/api/shared/not a token/report')).status).toBe(404);
    },
  );

  it.skipIf(dialect.skipReason)(
    'in strict anonymity mode exports aggregates only; the setting is kept by duplicate, export and import',
    async () => {
      expect(deck.strictAnonymity).toBe(false);
      const strict = await owner.patch(`/api/presentations/${deck.id}`, { strictAnonymity: true });
      expect(strict.status).toBe(200);
      expect(strict.body).toEqual({ ...deck, strictAnonymity: true, updatedAt: expect.any(String) });
      expect((await owner.patch(`/api/presentations/${deck.id}`, { strictAnonymity: 'yes' })).body.error.code).toBe('validation_failed');

      const workbook = await workbookOf((await download(exportPath('?format=xlsx'))).bytes);
      expect(workbook.worksheets.map((sheet) => sheet.name)).not.toContain('Svar per deltagare');
      expect(workbook.worksheets).toHaveLength(7);
      expect(rowStarting(valuesOf(workbook.getWorksheet('Sammanfattning')!), 'Strikt anonymitet')).toEqual(['Strikt anonymitet', 'Ja']);
      expect(JSON.stringify(workbook.worksheets.map(valuesOf))).not.toMatch(/Hemligt namn|"P1"/u);

      const copy = (await owner.post(`/api/presentations/${deck.id}/duplicate`)).body as Presentation;
      expect(copy.strictAnonymity).toBe(true);
      const file = (await owner.get(`/api/presentations/${deck.id}/export`)).body;
      expect(file).toMatchObject({ strictAnonymity: true, anonymityThreshold: 3 });
      expect(((await other.post('/api/presentations/import', file)).body as Presentation).strictAnonymity).toBe(true);
      const { strictAnonymity: _left, ...older } = file as Record<string, unknown>;
      expect(((await other.post('/api/presentations/import', older)).body as Presentation).strictAnonymity).toBe(false);
      expect(((await owner.post('/api/presentations', { title: 'Ny' })).body as Presentation).strictAnonymity).toBe(false);
      await owner.patch(`/api/presentations/${deck.id}`, { strictAnonymity: false });
    },
  );
});
