import { type ResultsOf, wordKey } from '@ettor/protocol';
import { LABELS, listRows } from '../export-table.js';
import type { KindExport } from './kind.js';

export const wordCloudExport: KindExport<'wordcloud'> = {
  name: 'Ordmoln',
  table: (_slide, groups) =>
    listRows(groups, [LABELS.word, LABELS.count], (results) =>
      (results as ResultsOf<'wordcloud'>).words.filter((word) => !word.hidden).map((word) => [word.text, word.count]),
    ),
  answerText: (_slide, answer) => answer.entries.join('; '),
  hidesPart: (answer, hiddenWords) => answer.entries.some((entry) => hiddenWords.has(wordKey(entry))),
};
