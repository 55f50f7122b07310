// What a session's results export holds, as tables of cells: built from the session report (the one set of
// counting rules) and the deck's labels, then written as CSV or XLSX. Pure. See docs/results-format.md#exports.
import {
  REACTION_EMOJI,
  REACTIONS,
  type ResultSlide,
  type SessionReport,
  type Slide,
  type SlideReport,
  hasResults,
  isQuestionSlide,
} from '@ettor/protocol';
import type { ReportAnswer } from '../results/answers.js';
import { currentAnswers } from '../results/answers.js';
import { type SessionWords, tallyContext } from '../results/report.js';
import { type Group, LABELS, type Row } from './export-table.js';
import { answerExportOf, exportOf } from './kinds/registry.js';

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
  /** How many of each reaction every slide got; null when none did. */
  reactions: ExportTable | null;
  /** Every participant's current answers under a pseudonym; null in strict anonymity mode. */
  responses: ExportTable | null;
}

export interface ExportInput {
  report: SessionReport;
  /** The deck as the report read it, for the labels of options and statements. */
  slides: readonly Slide[];
  /** The answers the report counted from (the current round); their current one per participant is listed. */
  answers: readonly ReportAnswer[];
  words: SessionWords;
  strictAnonymity: boolean;
  /** Whether to list the responses: never in strict anonymity mode. */
  includeResponses: boolean;
  exportedAt: string;
}

/** The tables of an export. */
export function buildExportModel(input: ExportInput): ExportModel {
  const { report } = input;
  const byId = new Map(input.slides.filter(hasResults).map((slide) => [slide.id, slide]));
  const questions = report.slides.flatMap((slideReport, index) => {
    const slide = byId.get(slideReport.slideId);
    return slide ? [questionTable(slideReport, slide, index + 1, report.segmentBy?.question ?? null)] : [];
  });
  return {
    summary: summaryTable(input),
    questions,
    reactions: reactionsTable(report),
    responses: input.includeResponses && !input.strictAnonymity ? responsesTable(input) : null,
  };
}

function reactionsTable({ reactions }: SessionReport): ExportTable | null {
  if (reactions.length === 0) return null;
  return {
    name: 'Reaktioner',
    heading: [['Reaktioner per bild']],
    header: 1,
    rows: [
      ['Bild', ...REACTIONS.map((reaction) => REACTION_EMOJI[reaction])],
      ...reactions.map(({ title, counts }): Row => [title, ...REACTIONS.map((reaction) => counts[reaction] ?? 0)]),
    ],
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
        `Resultat från färre än ${report.anonymityThreshold} deltagare, och delar som skulle avslöja dem, visas som "${LABELS.tooFew}". Svar som presentatören dolde är inte med i resultaten men räknas som svarande; publikens frågor listas alla, dolda med status Dold.`,
      ],
    ],
  };
}

function questionTable(slideReport: SlideReport, slide: ResultSlide, number: number, splitBy: string | null): ExportTable {
  const groups: Group[] = [
    { name: LABELS.everyone, results: slideReport.results },
    ...(slideReport.segments ?? []).map((segment) => ({
      name: segment.optionId === null ? LABELS.notGiven : segment.label,
      results: segment.results,
    })),
  ];
  const heading: Row[] = [
    [`${LABELS.question} ${number}`, slideReport.title],
    [LABELS.kind, exportOf(slide).name],
  ];
  if (slideReport.segments !== null && splitBy !== null) heading.push([LABELS.splitBy, splitBy]);
  return { name: `${number} ${slideReport.title}`, heading, ...exportOf(slide).table(slide, groups) };
}

/** Each participant's current answer to each question, under a pseudonym P1, P2… in order of their first answer. */
function responsesTable(input: ExportInput): ExportTable {
  // Numbered as the sheets are: every slide of the report, in its order.
  const numbers = new Map(input.report.slides.map((slide, index) => [slide.slideId, index + 1]));
  const slides = new Map(input.slides.filter(isQuestionSlide).map((slide) => [slide.id, slide]));
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
        answerExportOf(slide).answerText(slide, stored.answer),
        stored.hidden || answerExportOf(slide).hidesPart(stored.answer, tallyContext(input.words, slide.id)) ? LABELS.yes : null,
      ]),
    ],
  };
}
