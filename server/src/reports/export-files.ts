// The export model written as a file: CSV (RFC 4180, UTF-8 with a byte-order mark) or an XLSX workbook.
import type { ExportFormat } from '@ettor/protocol';
import ExcelJS from 'exceljs';
import type { ExportModel, ExportTable } from './export-model.js';
import type { Cell, Row } from './export-table.js';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Text a spreadsheet would run as a formula (or that starts with a control character it acts on) gets a
 * leading apostrophe, so "=HYPERLINK(…)" or "-2+3" stays text in every program that opens the file.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/u.test(text) ? `'${text}` : text;
}

// ---------------------------------------------------------------------------------------------------------
// CSV

const BOM = '\uFEFF';

/** One field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'object') {
    // Shares as percent with one decimal, means and deviations with two: what a reader of a text file wants.
    return cell.format === 'percent' ? String(Math.round(cell.value * 1000) / 10) : String(Math.round(cell.value * 100) / 100);
  }
  const text = neutralise(cell);
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Every table in turn: its heading rows, a blank line, its rows; a blank line between tables; CRLF line ends. */
export function writeCsv(model: ExportModel): Buffer {
  const tables = [model.summary, ...model.questions, ...(model.reactions ? [model.reactions] : [])];
  const lines = tables.flatMap((table, index) => [...(index > 0 ? [''] : []), ...table.heading.map(csvRow), '', ...table.rows.map(csvRow)]);
  return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}

function csvRow(row: Row): string {
  // Trailing empty fields are left off; a spreadsheet reads them as empty either way.
  let end = row.length;
  while (end > 0 && row[end - 1] === null) end -= 1;
  return row.slice(0, end).map(csvField).join(',');
}

// ---------------------------------------------------------------------------------------------------------
// XLSX

const SHEET_NAME_MAX = 31;

/** Names Excel accepts: none of []:*?/\, no apostrophe at either end, at most 31 characters, unique regardless of case. */
export function sheetNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>(['history']);
  return wanted.map((name, index) => {
    const clean =
      name
        .replace(/[[\]:*?/\\\p{Cc}]/gu, ' ')
        .replace(/\s+/gu, ' ')
        .trim()
        .replace(/^'+|'+$/gu, '') || `Blad ${index + 1}`;
    for (let n = 1; ; n += 1) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const candidate = `${truncate(clean, SHEET_NAME_MAX - suffix.length)
        .replace(/'+$/u, '')
        .trimEnd()}${suffix}`;
      if (!taken.has(candidate.toLocaleLowerCase('sv'))) {
        taken.add(candidate.toLocaleLowerCase('sv'));
        return candidate;
      }
    }
  });
}

/** At most `max` UTF-16 units, never cutting a surrogate pair. */
function truncate(text: string, max: number): string {
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

const NUMBER_FORMATS = { percent: '0.0%', decimal: '0.00' } as const;

/** The summary, one sheet per question, and (unless strict) the sheet of responses. */
export async function writeXlsx(model: ExportModel, meta: { title: string; created: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ettor';
  workbook.title = neutralise(meta.title);
  workbook.created = meta.created;
  const tables = [
    model.summary,
    ...model.questions,
    ...(model.reactions ? [model.reactions] : []),
    ...(model.responses ? [model.responses] : []),
  ];
  const names = sheetNames(tables.map((table) => table.name));
  tables.forEach((table, index) => addSheet(workbook, names[index]!, table));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The table's heading, a blank row, then the table; header rows bold and frozen. */
function addSheet(workbook: ExcelJS.Workbook, name: string, table: ExportTable): void {
  const sheet = workbook.addWorksheet(name);
  const heading = [...table.heading, []];
  for (const row of heading) sheet.addRow(row.map(excelValue)).font = { bold: true };
  table.rows.forEach((row, index) => {
    const added = sheet.addRow(row.map(excelValue));
    row.forEach((cell, column) => {
      if (cell !== null && typeof cell === 'object') added.getCell(column + 1).numFmt = NUMBER_FORMATS[cell.format];
    });
    if (index < table.header) added.font = { bold: true };
  });
  const widest = Math.max(1, ...table.rows.map((row) => row.length));
  for (let column = 1; column <= widest; column += 1) sheet.getColumn(column).width = column === 1 ? 36 : 16;
  if (table.header > 0) sheet.views = [{ state: 'frozen', ySplit: heading.length + table.header }];
}

function excelValue(cell: Cell): string | number | null {
  if (cell === null || typeof cell === 'number') return cell;
  if (typeof cell === 'object') return cell.value;
  return neutralise(cell);
}

// ---------------------------------------------------------------------------------------------------------
// The file's name

/** `attachment` with the deck's title and the session's date: an ASCII name for old clients and the exact one in UTF-8. */
export function attachmentHeader(title: string, startedAt: string, format: ExportFormat): string {
  const date = startedAt.slice(0, 10);
  const exact = `${title.replace(/[^\p{L}\p{N} _.-]/gu, '').trim() || 'resultat'}-${date}.${format}`;
  const ascii = `${
    title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z0-9 _.-]/gu, '_')
      .trim() || 'resultat'
  }-${date}.${format}`;
  const encoded = encodeURIComponent(exact).replace(/['()*]/gu, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
