import type { ResultsOf } from '@ettor/protocol';
import { LABELS, listRows } from '../export-table.js';
import { type KindExport, hidesNoPart } from './kind.js';

export const openExport: KindExport<'open'> = {
  name: 'Öppen fråga',
  table: (_slide, groups) =>
    listRows(groups, [LABELS.answer, null], (results) =>
      (results as ResultsOf<'open'>).entries.filter((entry) => !entry.hidden).map((entry) => [entry.text, null]),
    ),
  answerText: (_slide, answer) => answer.text,
  hidesPart: hidesNoPart,
};
