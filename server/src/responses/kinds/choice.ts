import { type KindTally, addCount, noShownText } from './kind.js';

interface ChoiceCounts {
  respondents: number;
  /** Every option id chosen, on the slide now or not, so an option put back keeps its count. */
  options: Map<string, number>;
}

function count(counts: ChoiceCounts, optionIds: readonly string[], sign: 1 | -1): void {
  counts.respondents += sign;
  for (const id of optionIds) addCount(counts.options, id, sign);
}

export const choiceTally: KindTally<'choice', ChoiceCounts, readonly string[]> = {
  empty: () => ({ respondents: 0, options: new Map() }),
  ...noShownText,
  held: ({ answer }) => answer.optionIds,
  add: (counts, optionIds) => count(counts, optionIds, 1),
  remove: (counts, optionIds) => count(counts, optionIds, -1),
  results: (slide, counts) => ({
    kind: 'choice',
    slideId: slide.id,
    respondents: counts.respondents,
    counts: slide.options.map(({ id }) => ({ optionId: id, count: counts.options.get(id) ?? 0 })),
  }),
};
