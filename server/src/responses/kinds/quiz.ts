import { isCorrectAnswer } from '@ettor/protocol';
import { type KindTally, addCount, noShownText } from './kind.js';

interface QuizCounts {
  respondents: number;
  /** Every option id chosen, on the slide now or not, so an option put back keeps its count. */
  options: Map<string, number>;
  /** Each distinct set of options chosen (ids joined by a space), so the right ones can be counted as the slide is now. */
  choices: Map<string, number>;
}

function count(counts: QuizCounts, optionIds: readonly string[], sign: 1 | -1): void {
  counts.respondents += sign;
  for (const id of optionIds) addCount(counts.options, id, sign);
  addCount(counts.choices, optionIds.join(' '), sign);
}

export const quizTally: KindTally<'quiz', QuizCounts, readonly string[]> = {
  empty: () => ({ respondents: 0, options: new Map(), choices: new Map() }),
  ...noShownText,
  held: ({ answer }) => answer.optionIds,
  add: (counts, optionIds) => count(counts, optionIds, 1),
  remove: (counts, optionIds) => count(counts, optionIds, -1),
  results(slide, counts) {
    let correct = 0;
    for (const [choice, n] of counts.choices) if (isCorrectAnswer(slide, choice.split(' '))) correct += n;
    return {
      kind: 'quiz',
      slideId: slide.id,
      respondents: counts.respondents,
      counts: slide.options.map(({ id }) => ({ optionId: id, count: counts.options.get(id) ?? 0 })),
      correct,
    };
  },
};
