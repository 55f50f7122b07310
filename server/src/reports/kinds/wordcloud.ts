import type { ResultsOf } from '@ettor/protocol';
import { countedWordKey } from '@ettor/protocol/words';
import { LABELS, listRows } from '../export-table.js';
import type { KindExport } from './kind.js';

export const wordCloudExport: KindExport<'wordcloud'> = {
  name: 'Ordmoln',
  table: (_slide, groups) =>
    listRows(groups, [LABELS.word, LABELS.count], (results) =>
      (results as ResultsOf<'wordcloud'>).words.filter((word) => !word.hidden).map((word) => [word.text, word.count]),
    ),
  answerText: (_slide, answer) => answer.entries.join('; '),
  hidesPart: (answer, { hiddenWords, language, wordGroups }) =>
    answer.entries.some((entry) => hiddenWords.has(countedWordKey(entry, language, wordGroups))),
};
