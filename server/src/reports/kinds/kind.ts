// What an export needs of each kind with results; ./registry.ts holds one per kind.
import type { AnswerKind, AnswerOf, ResultKind, SlideOf } from '@ettor/protocol';
import type { TallyContext } from '../../responses/tally.js';
import type { Group, Row } from '../export-table.js';

export interface ResultExport<K extends ResultKind> {
  /** The kind's name in an export. */
  name: string;
  /** The slide's table: its rows and how many of them are column headers, each group side by side. */
  table(slide: SlideOf<K>, groups: readonly Group[]): { rows: Row[]; header: number };
}

/** A question's export: its results, and its answers as the sheet of responses lists them. */
export interface KindExport<K extends AnswerKind> extends ResultExport<K> {
  /** An answer as a person reads it. */
  answerText(slide: SlideOf<K>, answer: AnswerOf<K>): string;
  /** Whether the presenter hid part of the answer from the screen besides the answer as a whole (a word, as the tally counts it). */
  hidesPart(answer: AnswerOf<K>, context: TallyContext): boolean;
}

export const hidesNoPart = (): boolean => false;
