// The cells and shared layouts of an export's tables, which every kind's export (./kinds/) fills in.
import type { Results } from '@ettor/protocol';

/** A number shown as a share (a fraction, 0..1) or with two decimals; plain numbers are counts. */
export interface FormattedNumber {
  value: number;
  format: 'percent' | 'decimal';
}

/** Text, a number, or nothing (an empty cell). */
export type Cell = string | number | FormattedNumber | null;
export type Row = Cell[];

/** The exports' words. Swedish for now: the deck has no language of its own yet. */
export const LABELS = {
  summary: 'Sammanfattning',
  responses: 'Svar per deltagare',
  tooFew: 'För få svar',
  notGiven: 'Ej angivet',
  everyone: 'Alla',
  question: 'Fråga',
  kind: 'Typ',
  splitBy: 'Uppdelat på',
  respondents: 'Svarande',
  option: 'Alternativ',
  count: 'Antal',
  share: 'Andel (%)',
  word: 'Ord',
  answer: 'Svar',
  statement: 'Påstående',
  dontKnow: 'Vet ej',
  n: 'n',
  mean: 'Medelvärde',
  sd: 'Standardavvikelse',
  participant: 'Deltagare',
  time: 'Tid (UTC)',
  questionNumber: 'Fråga nr',
  hidden: 'Dold',
  yes: 'Ja',
  no: 'Nej',
  removedOption: '(borttaget alternativ)',
  removedStatement: '(borttaget påstående)',
  columns: 'Kolumner',
  unavailable: 'Kartan kan inte ritas',
} as const;

export const percent = (count: number, of: number): Cell => (of > 0 ? { value: count / of, format: 'percent' } : null);
export const decimal = (value: number | null): Cell => (value === null ? null : { value, format: 'decimal' });

/** One column group of a question's table: everyone, or one segment. */
export interface Group {
  name: string;
  results: Results | null;
}

export interface FixedRow {
  label: string;
  values: (results: Results) => Cell[];
}

/**
 * Rows that are the same for every group (options, statements): the row labels once, then each group's
 * columns side by side under its name. A withheld group reads "För få svar" in its first column.
 */
export function fixedRows(groups: readonly Group[], labelHeader: Row, columns: readonly string[], rows: readonly FixedRow[]) {
  const blank = (): Cell[] => columns.map(() => null);
  const tooFew = (): Cell[] => [LABELS.tooFew, ...columns.slice(1).map(() => null)];
  const out: Row[] = [
    [null, ...groups.flatMap((group) => [group.name, ...columns.slice(1).map(() => null)])],
    [...labelHeader, ...groups.flatMap(() => columns)],
    ...rows.map((row) => [row.label, ...groups.flatMap((group) => (group.results ? row.values(group.results) : tooFew()))]),
    [LABELS.respondents, ...groups.flatMap((group) => (group.results ? [group.results.respondents, ...blank().slice(1)] : tooFew()))],
  ];
  return { rows: out, header: 2 };
}

/**
 * Rows that differ per group (words, open answers, a Q&A's questions): each group as wide as `columns`, its respondents
 * on top, then its own list. A withheld group reads "För få svar" for its respondents and lists nothing.
 */
export function listRows(
  groups: readonly Group[],
  columns: readonly [string, string | null, ...(string | null)[]],
  list: (results: Results) => Cell[][],
) {
  const padded = (cells: readonly Cell[]): Cell[] => [...cells, ...columns.slice(cells.length).map(() => null)];
  const lists = groups.map((group) => (group.results ? list(group.results) : []));
  const length = Math.max(0, ...lists.map((rows) => rows.length));
  const out: Row[] = [
    groups.flatMap((group) => padded([group.name])),
    groups.flatMap((group) => padded([LABELS.respondents, group.results ? group.results.respondents : LABELS.tooFew])),
    groups.flatMap(() => [...columns]),
    ...Array.from({ length }, (_, index) => lists.flatMap((rows) => padded(rows[index] ?? []))),
  ];
  return { rows: out, header: 3 };
}
