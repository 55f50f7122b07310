// How the baselines count each kind of answer, as a plain team would: one small counter per kind, fed the
// stored answers. Typical feeds it rows on every results; limit keeps one per slide and feeds it each change.
import {
  type Answer,
  type AnswerKind,
  type AnswerOf,
  type QuestionSlide,
  type ResultsOf,
  type SlideOf,
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
            words: list.map(({ text, count }) => ({ text, count, hidden: false })),
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
