// The results of the question kinds that draw none on phones, as plain rows, for someone following the big screen from
// afar. Loaded only when they do, and importing nothing at run time (the texts come in as `say`), so the phone's first
// download stays as it was.
import type { AnswerKind, QuestionSlide, Results, ResultsOf, SlideOf } from '@ettor/protocol';
import type { formatDecimal, t } from '../i18n/i18n.svelte';

/** One line of results as a list reads it: what, and how it stands ('' for an open answer, which is all text). */
export interface FollowRow {
  label: string;
  value: string;
}

/** The page's texts and numbers, in its language. */
export interface Say {
  t: typeof t;
  decimal: typeof formatDecimal;
}

type RowsOf<K extends AnswerKind> = (slide: SlideOf<K>, results: ResultsOf<K>, say: Say) => FollowRow[];

/** Question kinds whose phone parts draw no results of their own; a choice question's do. */
export type ListedKind = Exclude<AnswerKind, 'choice'>;

const answers = ({ t }: Say, count: number): string => t('follow.count', { count });
const labelOf = (items: readonly { id: string; label: string }[], id: string): string => items.find((item) => item.id === id)?.label ?? '';

/** A kind missing here does not compile. */
export const FOLLOW_ROWS: { readonly [K in ListedKind]: RowsOf<K> } = {
  wordcloud: (_slide, results, say) => results.words.map((word) => ({ label: word.text, value: answers(say, word.count) })),
  open: (_slide, results) => results.entries.map((entry) => ({ label: entry.text, value: '' })),
  scale: (slide, results, say) =>
    results.statements.map((statement) => ({
      label: labelOf(slide.statements, statement.statementId),
      value: statement.hidden
        ? say.t('split.tooFewYet')
        : statement.mean === null
          ? answers(say, 0)
          : say.t('follow.mean', { mean: say.decimal(statement.mean), steps: slide.steps }),
    })),
  ranking: (slide, results, say) =>
    [...results.items]
      .sort((a, b) => (a.meanRank ?? Infinity) - (b.meanRank ?? Infinity))
      .map((item) => ({
        label: labelOf(slide.items, item.itemId),
        value: item.meanRank === null ? answers(say, 0) : say.t('follow.rank', { rank: say.decimal(item.meanRank) }),
      })),
  points: (slide, results, say) =>
    results.items.map((item) => ({
      label: labelOf(slide.items, item.itemId),
      value: item.mean === null ? answers(say, 0) : say.t('follow.points', { points: say.decimal(item.mean) }),
    })),
  grid: (slide, results, say) =>
    results.items.map((item) => ({
      label: labelOf(slide.items, item.itemId),
      value: item.hidden
        ? say.t('split.tooFewYet')
        : item.meanX === null || item.meanY === null
          ? answers(say, 0)
          : say.t('follow.place', {
              x: slide.x.label || 'x',
              meanX: say.decimal(item.meanX),
              y: slide.y.label || 'y',
              meanY: say.decimal(item.meanY),
            }),
    })),
  pin: (slide, results, say) =>
    slide.regions.length === 0
      ? []
      : [
          ...results.regions.map((region) => ({ label: labelOf(slide.regions, region.regionId), value: answers(say, region.count) })),
          { label: say.t('follow.outside'), value: answers(say, results.outside) },
        ],
  quiz: (slide, results, say) =>
    results.counts.map((count) => ({ label: labelOf(slide.options, count.optionId), value: answers(say, count.count) })),
};

/** A question's results as rows; the registry pairs each kind with its rows, which TypeScript cannot follow through a union. */
export function followRows(slide: QuestionSlide, results: Results, say: Say): FollowRow[] {
  const rows = (FOLLOW_ROWS as Partial<Record<AnswerKind, RowsOf<ListedKind>>>)[slide.kind];
  return rows ? rows(slide as SlideOf<ListedKind>, results as ResultsOf<ListedKind>, say) : [];
}
