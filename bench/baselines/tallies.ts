// How the baselines count each kind of answer, as a plain team would: one small counter per kind, fed the
// stored answers. Typical feeds it rows on every results; limit keeps one per slide and feeds it each change.
import {
  type Answer,
  type AnswerKind,
  type AnswerOf,
  type QuestionSlide,
  type ResultsOf,
  type SlideOf,
  inRegion,
  isCorrectAnswer,
  pinCell,
  summariseRatings,
} from '@ettor/protocol';

/** One slide's counts: answers go in (`times` people gave it; negative takes them away), results come out. */
export interface Count<K extends AnswerKind> {
  /** `id` names the answer (its row, or its participant) for kinds whose results list answers one by one. */
  add(answer: AnswerOf<K>, times: number, id: string): void;
  results(respondents: number): ResultsOf<K>;
}

interface KindTally<K extends AnswerKind> {
  /** Whether results list each answer with its id, so equal answers cannot be counted together. */
  listsAnswers: boolean;
  start(slide: SlideOf<K>): Count<K>;
}

/** A kind without a tally here does not compile. */
export const BASELINE_TALLIES: { readonly [K in AnswerKind]: KindTally<K> } = {
  quiz: {
    listsAnswers: false,
    start(slide) {
      const counts = new Map(slide.options.map((option) => [option.id, 0]));
      let correct = 0;
      return {
        add(answer, times) {
          for (const id of answer.optionIds) counts.set(id, (counts.get(id) ?? 0) + times);
          if (isCorrectAnswer(slide, answer.optionIds)) correct += times;
        },
        results: (respondents) => ({
          kind: 'quiz',
          slideId: slide.id,
          respondents,
          counts: [...counts].map(([optionId, count]) => ({ optionId, count })),
          correct,
        }),
      };
    },
  },
  choice: {
    listsAnswers: false,
    start(slide) {
      const counts = new Map(slide.options.map((option) => [option.id, 0]));
      return {
        add(answer, times) {
          for (const id of answer.optionIds) counts.set(id, (counts.get(id) ?? 0) + times);
        },
        results: (respondents) => ({
          kind: 'choice',
          slideId: slide.id,
          respondents,
          counts: [...counts].map(([optionId, count]) => ({ optionId, count })),
        }),
      };
    },
  },
  wordcloud: {
    listsAnswers: false,
    start(slide) {
      const words = new Map<string, { text: string; count: number }>();
      return {
        add(answer, times) {
          for (const entry of answer.entries) {
            const key = entry.trim().toLowerCase();
            const word = words.get(key) ?? { text: entry, count: 0 };
            word.count += times;
            words.set(key, word);
          }
        },
        results(respondents) {
          const list = [...words.values()].filter((w) => w.count > 0).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
          return {
            kind: 'wordcloud',
            slideId: slide.id,
            respondents,
            words: list.map(({ text, count }) => ({ text, count, hidden: false, forms: [] })),
          };
        },
      };
    },
  },
  open: {
    listsAnswers: true,
    start(slide) {
      // A Map keeps insertion order and a changed answer is re-inserted, so the newest is last.
      const texts = new Map<string, string>();
      return {
        add(answer, times, id) {
          texts.delete(id);
          if (times > 0) texts.set(id, answer.text);
        },
        results: (respondents) => ({
          kind: 'open',
          slideId: slide.id,
          respondents,
          entries: [...texts].reverse().map(([id, text]) => ({ id, text, hidden: false })),
        }),
      };
    },
  },
  scale: {
    listsAnswers: false,
    start(slide) {
      const statements = new Map(slide.statements.map((s) => [s.id, { counts: new Array<number>(slide.steps).fill(0), skipped: 0 }]));
      return {
        add(answer, times) {
          for (const { statementId, value } of answer.ratings) {
            const statement = statements.get(statementId);
            if (!statement) continue;
            if (value === null) {
              statement.skipped += times;
              continue;
            }
            const count = statement.counts[value - 1];
            // A rating off the scale has no step to land on: the baselines check nothing, so it counts for nothing.
            if (count !== undefined) statement.counts[value - 1] = count + times;
          }
        },
        results: (respondents) => ({
          kind: 'scale',
          slideId: slide.id,
          respondents,
          statements: [...statements].map(([statementId, { counts, skipped }]) => ({
            statementId,
            counts: [...counts],
            skipped,
            ...summariseRatings(counts),
            hidden: false,
          })),
        }),
      };
    },
  },
  ranking: {
    listsAnswers: false,
    start(slide) {
      const places = new Map(slide.items.map((item) => [item.id, new Array<number>(slide.items.length).fill(0)]));
      return {
        add(answer, times) {
          answer.order.forEach((itemId, index) => {
            const counts = places.get(itemId);
            if (counts && index < counts.length) counts[index] = (counts[index] ?? 0) + times;
          });
        },
        results: (respondents) => ({
          kind: 'ranking',
          slideId: slide.id,
          respondents,
          items: [...places].map(([itemId, counts]) => {
            const n = counts.reduce((sum, count) => sum + count, 0);
            const placeSum = counts.reduce((sum, count, index) => sum + count * (index + 1), 0);
            const points = counts.reduce((sum, count, index) => sum + count * (counts.length - 1 - index), 0);
            return { itemId, places: [...counts], n, meanRank: n > 0 ? placeSum / n : null, points };
          }),
        }),
      };
    },
  },
  points: {
    listsAnswers: false,
    start(slide) {
      const items = new Map(slide.items.map((item) => [item.id, { total: 0, n: 0 }]));
      return {
        add(answer, times) {
          for (const { itemId, points } of answer.allocations) {
            const item = items.get(itemId);
            if (!item || points <= 0) continue;
            item.total += points * times;
            item.n += times;
          }
        },
        results: (respondents) => ({
          kind: 'points',
          slideId: slide.id,
          respondents,
          items: [...items].map(([itemId, { total, n }]) => ({ itemId, total, mean: respondents > 0 ? total / respondents : null, n })),
        }),
      };
    },
  },
  grid: {
    listsAnswers: false,
    start(slide) {
      const items = new Map(slide.items.map((item) => [item.id, { n: 0, x: 0, y: 0, xx: 0, yy: 0 }]));
      const spread = (squares: number, sum: number, n: number) => Math.sqrt(Math.max(0, squares / n - (sum / n) ** 2));
      return {
        add(answer, times) {
          for (const { itemId, x, y } of answer.placements) {
            const item = items.get(itemId);
            if (!item) continue;
            item.n += times;
            item.x += x * times;
            item.y += y * times;
            item.xx += x * x * times;
            item.yy += y * y * times;
          }
        },
        results: (respondents) => ({
          kind: 'grid',
          slideId: slide.id,
          respondents,
          items: [...items].map(([itemId, { n, x, y, xx, yy }]) => ({
            itemId,
            n,
            meanX: n > 0 ? x / n : null,
            meanY: n > 0 ? y / n : null,
            sdX: n > 0 ? spread(xx, x, n) : null,
            sdY: n > 0 ? spread(yy, y, n) : null,
            hidden: false,
          })),
        }),
      };
    },
  },
  pin: {
    listsAnswers: false,
    start(slide) {
      const cells = new Map<string, { column: number; row: number; count: number }>();
      const regions = new Map(slide.regions.map((region) => [region.id, 0]));
      let outside = 0;
      return {
        add(answer, times) {
          const { column, row } = pinCell(answer.x, answer.y);
          const cell = cells.get(`${column}/${row}`) ?? { column, row, count: 0 };
          cell.count += times;
          cells.set(`${column}/${row}`, cell);
          const inside = slide.regions.filter((region) => inRegion(answer, region));
          for (const region of inside) regions.set(region.id, (regions.get(region.id) ?? 0) + times);
          if (inside.length === 0) outside += times;
        },
        results: (respondents) => ({
          kind: 'pin',
          slideId: slide.id,
          respondents,
          cells: [...cells.values()].filter((cell) => cell.count > 0).sort((a, b) => a.row - b.row || a.column - b.column),
          regions: [...regions].map(([regionId, count]) => ({ regionId, count })),
          outside,
        }),
      };
    },
  },
};

/** A slide's counter, taking any answer: one of another kind than the slide's is not counted, as nothing checked it before. */
export type SlideCount = Count<AnswerKind> & { listsAnswers: boolean };

export function countFor(slide: QuestionSlide): SlideCount {
  return countOfKind(slide.kind, slide);
}

/** The one place where a slide and its kind's tally are paired: generic in the kind, so no cast is needed. */
function countOfKind<K extends AnswerKind>(kind: K, slide: SlideOf<K>): SlideCount {
  const tally = BASELINE_TALLIES[kind];
  const count = tally.start(slide);
  const ofKind = (answer: Answer): answer is AnswerOf<K> => answer.kind === kind;
  return {
    listsAnswers: tally.listsAnswers,
    add(answer, times, id) {
      if (ofKind(answer)) count.add(answer, times, id);
    },
    results: (respondents) => count.results(respondents),
  };
}
