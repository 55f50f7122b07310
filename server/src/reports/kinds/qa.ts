import type { QaQuestion, ResultsOf } from '@ettor/protocol';
import { type Row, LABELS } from '../export-table.js';
import type { ResultExport } from './kind.js';

const STATUS: Record<QaQuestion['status'], string> = { pending: 'Väntar på godkännande', shown: 'Visad', hidden: LABELS.hidden };

/** Every question asked, most upvoted first, with who signed it, its votes and what the presenter did with it. */
export const qaExport: ResultExport<'qa'> = {
  name: 'Frågor från publiken',
  table(_slide, groups) {
    // A Q&A is not split by group: its one group is everyone.
    const results = groups[0]?.results as ResultsOf<'qa'> | null | undefined;
    if (!results) return { rows: [[LABELS.tooFew]], header: 0 };
    const rows: Row[] = [
      [LABELS.question, 'Namn', 'Röster', 'Status', 'Besvarad', LABELS.time],
      ...results.questions.map((question): Row => [
        question.text,
        question.name ?? 'Anonym',
        question.votes,
        STATUS[question.status],
        question.answered ? LABELS.yes : LABELS.no,
        question.askedAt,
      ]),
    ];
    return { rows, header: 1 };
  },
};
