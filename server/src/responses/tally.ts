import type { AnswerKind, QuestionSlide, Results } from '@ettor/protocol';
import type { StoredAnswer, TallyContext } from './kinds/kind.js';
import { tallyOf } from './kinds/registry.js';

export type { StoredAnswer, TallyContext } from './kinds/kind.js';

/** A Swedish deck with nothing hidden. */
export const NO_CONTEXT: TallyContext = {
  hiddenWords: new Set(),
  language: 'sv',
  filterOffensive: true,
  shownWords: new Set(),
  wordGroups: new Map(),
};

/** What one answer added, and to which kind's counts. */
interface Contribution {
  kind: AnswerKind;
  held: unknown;
}

/**
 * A slide's results kept up to date answer by answer, so that a delivery costs the size of the result, not
 * the number of answers. Each kind's answers are counted by that kind's tally, whatever the slide's kind, and
 * the counts keep everything an answer said: results() then depends on the slide alone, and no new version of
 * the slide calls for a recount.
 */
export class SlideTally {
  private readonly held = new Map<string, Contribution>();
  private readonly counts = new Map<AnswerKind, unknown>();

  constructor(
    private slide: QuestionSlide,
    private readonly context: TallyContext = NO_CONTEXT,
  ) {}

  /** The slide whose results these are; a new version of the same slide (e.g. edited options) takes effect on the next results(). */
  setSlide(slide: QuestionSlide): void {
    this.slide = slide;
  }

  /** Adds an answer, or replaces the earlier answer with the same id (a changed answer, or the same row seen twice). Idempotent. */
  upsert(stored: StoredAnswer): void {
    const previous = this.held.get(stored.id);
    if (previous !== undefined) tallyOf(previous.kind).remove(this.countsOf(previous.kind), previous.held);
    const { kind } = stored.answer;
    const tally = tallyOf(kind);
    const contribution: Contribution = { kind, held: tally.held(stored, this.context) };
    this.held.set(stored.id, contribution);
    tally.add(this.countsOf(kind), contribution.held);
  }

  /** Number of distinct answer ids held. */
  get size(): number {
    return this.held.size;
  }

  results(): Results {
    const { kind } = this.slide;
    return tallyOf(kind).results(this.slide, this.countsOf(kind), this.context);
  }

  private countsOf(kind: AnswerKind): unknown {
    let counts = this.counts.get(kind);
    if (counts === undefined) this.counts.set(kind, (counts = tallyOf(kind).empty()));
    return counts;
  }
}

/**
 * Results of a slide from its stored answers; a later answer with the same id replaces an earlier one.
 * Pure: the same answers always give the same results.
 */
export function tally(slide: QuestionSlide, answers: readonly StoredAnswer[], context: TallyContext = NO_CONTEXT): Results {
  const tallied = new SlideTally(slide, context);
  for (const stored of answers) tallied.upsert(stored);
  return tallied.results();
}
