// The export of every answer kind. A kind missing here does not compile.
import type { AnswerKind, QuestionSlide } from '@ettor/protocol';
import { choiceExport } from './choice.js';
import type { KindExport } from './kind.js';
import { openExport } from './open.js';
import { scaleExport } from './scale.js';
import { wordCloudExport } from './wordcloud.js';

const KIND_EXPORTS: { readonly [K in AnswerKind]: KindExport<K> } = {
  choice: choiceExport,
  wordcloud: wordCloudExport,
  open: openExport,
  scale: scaleExport,
};

/** The export of a question's own kind; the one place where a slide and its kind's export are paired. */
export function exportOf(slide: QuestionSlide): KindExport<AnswerKind> {
  return KIND_EXPORTS[slide.kind] as unknown as KindExport<AnswerKind>;
}
