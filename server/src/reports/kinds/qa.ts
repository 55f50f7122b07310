import type { QaQuestion, ResultsOf } from '@ettor/protocol';
import { type Row, LABELS, listRows } from '../export-table.js';
import type { ResultExport } from './kind.js';

const STATUS: Record<QaQuestion['status'], string> = { pending: 'Väntar på godkännande', shown: 'Visad', hidden: LABELS.hidden };

/** Every question asked (in a group, those its people asked), most upvoted first, with its name, votes and what the presenter did. */
export const qaExport: ResultExport<'qa'> = {
  name: 'Frågor från publiken',
  table: (_slide, groups) =>
    listRows(groups, [LABELS.question, 'Namn', 'Röster', 'Status', 'Besvarad', LABELS.time], (results) =>
      (results as ResultsOf<'qa'>).questions.map((question): Row => [
        question.text,
        question.name ?? 'Anonym',
        question.votes,
        STATUS[question.status],
        question.answered ? LABELS.yes : LABELS.no,
        question.askedAt,
      ]),
    ),
};
