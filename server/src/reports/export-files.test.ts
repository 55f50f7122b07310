import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { attachmentHeader, neutralise, sheetNames, writeCsv, writeXlsx } from './export-files.js';
import type { ExportModel } from './export-model.js';

const MODEL: ExportModel = {
  summary: { name: 'Sammanfattning', heading: [['Sammanfattning']], header: 0, rows: [['Presentation', 'Test, "med" citat']] },
  questions: [
    {
      name: '1 Vad: är [det]?',
      heading: [['Fråga 1', 'Vad: är [det]?']],
      header: 1,
      rows: [
        ['Ord', 'Antal', null],
        ['=HYPERLINK("http://x","klick")', 2, null],
        ['-2+3', 1, { value: 2 / 3, format: 'percent' }],
        ['rad\nbrytning', null, { value: Math.sqrt(2), format: 'decimal' }],
      ],
    },
  ],
  reactions: null,
  responses: null,
};

describe('export files', () => {
  it('neutralises text a spreadsheet would run, and nothing else', () => {
    for (const text of ['=1+1', '+46 70', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(text)).toBe(`'${text}`);
    for (const text of ['Tid', '2-3', ' =1', "'quoted", '', 'a=b']) expect(neutralise(text)).toBe(text);
  });

  it('writes RFC 4180 CSV with a byte-order mark, CRLF, quoting and neutralised formulas', () => {
    const bytes = writeCsv(MODEL);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1)).toBe(
      [
        'Sammanfattning',
        '',
        'Presentation,"Test, ""med"" citat"',
        '',
        'Fråga 1,Vad: är [det]?',
        '',
        'Ord,Antal',
        `"'=HYPERLINK(""http://x"",""klick"")",2`,
        "'-2+3,1,66.7",
        '"rad\nbrytning",,1.41',
        '',
      ].join('\r\n'),
    );
  });

  it('names sheets as Excel allows: no []:*?/\\, at most 31 characters, unique regardless of case', () => {
    expect(
      sheetNames([
        'Sammanfattning',
        '1 Vad: är [det]?',
        "'Citat'",
        'x'.repeat(40),
        'X'.repeat(40),
        '???',
        'History',
        `2 ${'å'.repeat(28)}😀`,
      ]),
    ).toEqual([
      'Sammanfattning',
      '1 Vad är det',
      'Citat',
      'x'.repeat(31),
      `${'X'.repeat(27)} (2)`,
      'Blad 6',
      'History (2)',
      `2 ${'å'.repeat(28)}`,
    ]);
  });

  it('writes a workbook whose numbers keep their precision and whose text is neutralised', async () => {
    const workbook = new ExcelJS.Workbook();
    const bytes = await writeXlsx(MODEL, { title: 'Test', created: new Date('2026-03-12T10:00:00Z') });
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Sammanfattning', '1 Vad är det']);
    const sheet = workbook.getWorksheet('1 Vad är det')!;
    // The heading, a blank row, then the table.
    expect(sheet.getCell('A3').value).toBe('Ord');
    expect(sheet.getCell('A4').value).toBe('\'=HYPERLINK("http://x","klick")');
    expect(sheet.getCell('A5').value).toBe("'-2+3");
    expect(sheet.getCell('C5').value).toBe(2 / 3);
    expect(sheet.getCell('C5').numFmt).toBe('0.0%');
    expect(sheet.getCell('C6').value).toBe(Math.sqrt(2));
    expect(sheet.getCell('A6').value).toBe('rad\nbrytning');
  });

  it('names the file after the deck and the day, in ASCII and in UTF-8', () => {
    expect(attachmentHeader('Kompetens: Östergötland (2026)', '2026-03-12T09:00:00.000Z', 'xlsx')).toBe(
      `attachment; filename="Kompetens_ Ostergotland _2026_-2026-03-12.xlsx"; filename*=UTF-8''Kompetens%20%C3%96sterg%C3%B6tland%202026-2026-03-12.xlsx`,
    );
    expect(attachmentHeader('"";', '2026-03-12T09:00:00.000Z', 'csv')).toBe(
      `attachment; filename="___-2026-03-12.csv"; filename*=UTF-8''resultat-2026-03-12.csv`,
    );
  });
});
