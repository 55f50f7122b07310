// What a session's results export holds, as tables of cells: built from the session report (the one set of
// counting rules) and the deck's labels, then written as CSV or XLSX. Pure. See docs/results-format.md#exports.
import {
  type Answer,
  type QuestionSlide,
  type Results,
  type ResultsOf,
  type SessionReport,
  type Slide,
  type SlideReport,
  isQuestionSlide,
  wordKey,
} from '@ettor/protocol';
import type { ReportAnswer } from '../results/answers.js';
import { currentAnswers } from '../results/answers.js';

/** A number shown as a share (a fraction, 0..1) or with two decimals; plain numbers are counts. */
export interface FormattedNumber {
  value: number;
  format: 'percent' | 'decimal';
}

/** Text, a number, or nothing (an empty cell). */
export type Cell = string | number | FormattedNumber | null;
export type Row = Cell[];

export interface ExportTable {
  /** The sheet's name before it is made safe for a workbook. */
  name: string;
  /** Rows that describe the table (the question, its kind); a CSV section opens with them. */
  heading: Row[];
  /** The table itself; rows `header` of them are column headers. */
  rows: Row[];
  header: number;
}

export interface ExportModel {
  summary: ExportTable;
  questions: ExportTable[];
  /** Every participant's current answers under a pseudonym; null in strict anonymity mode. */
  responses: ExportTable | null;
}

export interface ExportInput {
  report: SessionReport;
  /** The deck as the report read it, for the labels of options and statements. */
  slides: readonly Slide[];
  /** The answers the report counted from (the current round); their current one per participant is listed. */
  answers: readonly ReportAnswer[];
  hiddenWords: ReadonlyMap<string, ReadonlySet<string>>;
  strictAnonymity: boolean;
  /** Whether to list the responses: never in strict anonymity mode. */
  includeResponses: boolean;
  exportedAt: string;
}

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
  kinds: { choice: 'Flerval', wordcloud: 'Ordmoln', open: 'Öppen fråga', scale: 'Skala' },
} as const;

const percent = (count: number, of: number): Cell => (of > 0 ? { value: count / of, format: 'percent' } : null);
const decimal = (value: number | null): Cell => (value === null ? null : { value, format: 'decimal' });

interface Group {
  name: string;
  results: Results | null;
}

/** The tables of an export. */
export function buildExportModel(input: ExportInput): ExportModel {
  const { report } = input;
  const byId = new Map(input.slides.filter(isQuestionSlide).map((slide) => [slide.id, slide]));
  const questions = report.slides.flatMap((slideReport, index) => {
    const slide = byId.get(slideReport.slideId);
    return slide ? [questionTable(slideReport, slide, index + 1, report.segmentBy?.question ?? null)] : [];
  });
  return {
    summary: summaryTable(input),
    questions,
    responses: input.includeResponses && !input.strictAnonymity ? responsesTable(input) : null,
  };
}

function summaryTable({ report, strictAnonymity, exportedAt }: ExportInput): ExportTable {
  const { session } = report;
  return {
    name: LABELS.summary,
    heading: [[LABELS.summary]],
    header: 0,
    rows: [
      ['Presentation', report.presentationTitle],
      ['Session', session.id],
      ['Status', session.status === 'live' ? 'Pågår' : 'Avslutad'],
      ['Startad (UTC)', session.startedAt],
      ['Avslutad (UTC)', session.endedAt],
      ['Deltagare', session.participants],
      ['Svar', session.answers],
      ['Anonymitetsgräns (k)', report.anonymityThreshold],
      [LABELS.splitBy, report.segmentBy?.question ?? 'Ingen uppdelning'],
      ['Strikt anonymitet', strictAnonymity ? LABELS.yes : LABELS.no],
      ['Exporterad (UTC)', exportedAt],
      [
        'Obs',
        `Resultat från färre än ${report.anonymityThreshold} deltagare, och delar som skulle avslöja dem, visas som "${LABELS.tooFew}". Svar som presentatören dolde är inte med i resultaten men räknas som svarande.`,
      ],
    ],
  };
}

function questionTable(slideReport: SlideReport, slide: QuestionSlide, number: number, splitBy: string | null): ExportTable {
  const groups: Group[] = [
    { name: LABELS.everyone, results: slideReport.results },
    ...(slideReport.segments ?? []).map((segment) => ({
      name: segment.optionId === null ? LABELS.notGiven : segment.label,
      results: segment.results,
    })),
  ];
  const heading: Row[] = [
    [`${LABELS.question} ${number}`, slideReport.title],
    [LABELS.kind, LABELS.kinds[slide.kind]],
  ];
  if (slideReport.segments !== null && splitBy !== null) heading.push([LABELS.splitBy, splitBy]);
  return { name: `${number} ${slideReport.title}`, heading, ...grid(slide, groups) };
}

function grid(slide: QuestionSlide, groups: readonly Group[]): { rows: Row[]; header: number } {
  switch (slide.kind) {
    case 'choice':
      return fixedRows(
        groups,
        [LABELS.option],
        [LABELS.count, LABELS.share],
        slide.options.map((option) => ({
          label: option.label,
          values: (results) => {
            const { counts, respondents } = results as ResultsOf<'choice'>;
            const count = counts.find((entry) => entry.optionId === option.id)?.count ?? 0;
            return [count, percent(count, respondents)];
          },
        })),
      );
    case 'scale': {
      const steps = Array.from({ length: slide.steps }, (_, step) => {
        const end = step === 0 ? slide.minLabel : step === slide.steps - 1 ? slide.maxLabel : '';
        return end ? `${step + 1} (${end})` : String(step + 1);
      });
      return fixedRows(
        groups,
        [LABELS.statement],
        [...steps, LABELS.dontKnow, LABELS.n, LABELS.mean, LABELS.sd],
        slide.statements.map((statement) => ({
          label: statement.label,
          values: (results) => {
            const found = (results as ResultsOf<'scale'>).statements.find((entry) => entry.statementId === statement.id);
            if (!found) return [...steps.map(() => 0), 0, 0, null, null];
            return [...found.counts, found.skipped, found.n, decimal(found.mean), decimal(found.sd)];
          },
        })),
      );
    }
    case 'wordcloud':
      return listRows(groups, [LABELS.word, LABELS.count], (results) =>
        (results as ResultsOf<'wordcloud'>).words.filter((word) => !word.hidden).map((word) => [word.text, word.count]),
      );
    case 'open':
      return listRows(groups, [LABELS.answer, null], (results) =>
        (results as ResultsOf<'open'>).entries.filter((entry) => !entry.hidden).map((entry) => [entry.text, null]),
      );
  }
}

interface FixedRow {
  label: string;
  values: (results: Results) => Cell[];
}

/**
 * Rows that are the same for every group (options, statements): the row labels once, then each group's
 * columns side by side under its name. A withheld group reads "För få svar" in its first column.
 */
function fixedRows(groups: readonly Group[], labelHeader: Row, columns: readonly string[], rows: readonly FixedRow[]) {
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
 * Rows that differ per group (words, open answers): each group two columns wide, its respondents on top,
 * then its own list. A withheld group reads "För få svar" for its respondents and lists nothing.
 */
function listRows(groups: readonly Group[], columns: readonly [string, string | null], list: (results: Results) => Cell[][]) {
  const lists = groups.map((group) => (group.results ? list(group.results) : []));
  const length = Math.max(0, ...lists.map((rows) => rows.length));
  const out: Row[] = [
    groups.flatMap((group) => [group.name, null]),
    groups.flatMap((group) => [LABELS.respondents, group.results ? group.results.respondents : LABELS.tooFew]),
    groups.flatMap(() => [...columns]),
    ...Array.from({ length }, (_, index) => lists.flatMap((rows) => rows[index] ?? [null, null])),
  ];
  return { rows: out, header: 3 };
}

/** Each participant's current answer to each question, under a pseudonym P1, P2… in order of their first answer. */
function responsesTable(input: ExportInput): ExportTable {
  const questions = input.slides.filter(isQuestionSlide);
  const numbers = new Map(questions.map((slide, index) => [slide.id, index + 1]));
  const slides = new Map(questions.map((slide) => [slide.id, slide]));
  const rows = [...currentAnswers(input.answers)].flatMap(([slideId, byParticipant]) => {
    const slide = slides.get(slideId);
    return slide ? [...byParticipant].map(([participantId, stored]) => ({ participantId, slide, stored })) : [];
  });
  rows.sort((a, b) =>
    a.stored.updatedAt === b.stored.updatedAt ? (a.stored.id < b.stored.id ? -1 : 1) : a.stored.updatedAt < b.stored.updatedAt ? -1 : 1,
  );
  const pseudonyms = new Map<string, string>();
  const pseudonym = (participantId: string): string => {
    const known = pseudonyms.get(participantId);
    if (known) return known;
    const made = `P${pseudonyms.size + 1}`;
    pseudonyms.set(participantId, made);
    return made;
  };
  const reportTitles = new Map(input.report.slides.map((slide) => [slide.slideId, slide.title]));
  return {
    name: LABELS.responses,
    heading: [[LABELS.responses]],
    header: 1,
    rows: [
      [LABELS.participant, LABELS.time, LABELS.questionNumber, LABELS.question, LABELS.answer, LABELS.hidden],
      ...rows.map(({ participantId, slide, stored }) => [
        pseudonym(participantId),
        stored.updatedAt,
        numbers.get(slide.id) ?? null,
        reportTitles.get(slide.id) ?? '',
        answerText(slide, stored.answer),
        isHidden(slide, stored.answer, stored.hidden, input.hiddenWords.get(slide.id)) ? LABELS.yes : null,
      ]),
    ],
  };
}

/** An answer as a person reads it: option labels, words, the text, or each statement's step. */
export function answerText(slide: QuestionSlide, answer: Answer): string {
  if (slide.kind === 'choice' && answer.kind === 'choice') {
    return answer.optionIds.map((id) => slide.options.find((option) => option.id === id)?.label ?? LABELS.removedOption).join('; ');
  }
  if (answer.kind === 'wordcloud') return answer.entries.join('; ');
  if (answer.kind === 'open') return answer.text;
  if (slide.kind === 'scale' && answer.kind === 'scale') {
    return answer.ratings
      .map((rating) => {
        const label = slide.statements.find((statement) => statement.id === rating.statementId)?.label ?? LABELS.removedStatement;
        return `${label}: ${rating.value ?? LABELS.dontKnow.toLowerCase()}`;
      })
      .join('; ');
  }
  return '';
}

/** Whether the presenter hid the answer from the screen: an open answer, or a word of a word-cloud answer. */
function isHidden(slide: QuestionSlide, answer: Answer, hidden: boolean, hiddenWords: ReadonlySet<string> | undefined): boolean {
  if (hidden) return true;
  return slide.kind === 'wordcloud' && answer.kind === 'wordcloud' && answer.entries.some((entry) => hiddenWords?.has(wordKey(entry)));
}
