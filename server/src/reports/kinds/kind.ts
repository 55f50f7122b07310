// What an export needs of each answer kind; ./registry.ts holds one per kind.
import type { AnswerKind, AnswerOf, SlideOf } from '@ettor/protocol';
import type { Group, Row } from '../export-table.js';

export interface KindExport<K extends AnswerKind> {
  /** The kind's name in an export. */
  name: string;
  /** The question's table: its rows and how many of them are column headers, each group side by side. */
  table(slide: SlideOf<K>, groups: readonly Group[]): { rows: Row[]; header: number };
  /** An answer as a person reads it. */
  answerText(slide: SlideOf<K>, answer: AnswerOf<K>): string;
  /** Whether the presenter hid part of the answer from the screen besides the answer as a whole (a word). */
  hidesPart(answer: AnswerOf<K>, hiddenWords: ReadonlySet<string>): boolean;
}

export const hidesNoPart = (): boolean => false;
