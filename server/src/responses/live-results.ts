import { type QuestionSlide, type Results, type Slide, isQuestionSlide } from '@ettor/protocol';
import type { TallyContext } from './kinds/kind.js';
import { SlideTally, type StoredAnswer } from './tally.js';

/** What a slide's tally starts from: its answers in the current round, as stored. */
export interface SlideAnswers {
  slide: QuestionSlide;
  round: number;
  answers: StoredAnswer[];
  context: TallyContext;
}

export type LoadSlideAnswers = (sessionId: string, slideId: string) => Promise<SlideAnswers | undefined>;

interface Loading {
  status: 'loading';
  loaded: Promise<SlideTally | undefined>;
  /** Answers announced while the store was being read. */
  early: { round: number; answers: StoredAnswer[] }[];
  /** The latest version of the slide shown while the store was being read. */
  shown?: { slide: QuestionSlide; round: number };
}

type Entry = { status: 'ready'; round: number; tally: SlideTally } | Loading;

/**
 * One session's results on this node: each slide's round is read from the store once, then kept up to date
 * from the answers each commit announces, so a delivery costs the size of the result, not of every answer.
 */
export class LiveResults {
  private readonly slides = new Map<string, Entry>();

  constructor(
    private readonly sessionId: string,
    private readonly load: LoadSlideAnswers,
  ) {}

  async results(slideId: string): Promise<Results | undefined> {
    const entry = this.slides.get(slideId) ?? this.startLoading(slideId);
    const tally = entry.status === 'ready' ? entry.tally : await entry.loaded;
    return tally?.results();
  }

  /** Answers a commit added to a slide's round. Unknown slides wait until they are first asked for. */
  stored(slideId: string, round: number, answers: readonly StoredAnswer[]): void {
    const entry = this.slides.get(slideId);
    if (!entry) return;
    if (entry.status === 'loading') {
      entry.early.push({ round, answers: [...answers] });
      return;
    }
    // A later round means a reset this node has not heard of yet; an earlier one is already cleared.
    if (round > entry.round) this.slides.delete(slideId);
    else if (round === entry.round) for (const answer of answers) entry.tally.upsert(answer);
  }

  /** Results changed in a way answers alone do not say (moderation, a new round): count again when next asked. */
  recount(slideId: string): void {
    this.slides.delete(slideId);
  }

  /** Every slide is counted from the store again when next asked: events between nodes may have been lost. */
  recountAll(): void {
    this.slides.clear();
  }

  /** The current slide as the session state shows it: an edit takes effect, and a new round recounts. */
  slideShown(slide: Slide | null, round: number): void {
    if (!slide || !isQuestionSlide(slide)) return;
    const entry = this.slides.get(slide.id);
    if (entry?.status === 'loading') entry.shown = { slide, round };
    if (entry?.status !== 'ready') return;
    if (entry.round !== round) this.slides.delete(slide.id);
    else entry.tally.setSlide(slide);
  }

  private startLoading(slideId: string): Loading {
    const entry: Loading = {
      status: 'loading',
      early: [],
      loaded: this.load(this.sessionId, slideId).then(
        (found) => {
          if (!found) {
            if (this.slides.get(slideId) === entry) this.slides.delete(slideId);
            return undefined;
          }
          const tally = new SlideTally(entry.shown?.slide ?? found.slide, found.context);
          for (const answer of found.answers) tally.upsert(answer);
          // Answers committed while the store was read may or may not be in what it returned; upserting is idempotent.
          for (const early of entry.early) if (early.round === found.round) for (const answer of early.answers) tally.upsert(answer);
          const stale =
            entry.early.some((early) => early.round > found.round) || (entry.shown !== undefined && entry.shown.round !== found.round);
          // Only the entry still asked for is kept: a recount meanwhile means this read may be out of date.
          if (this.slides.get(slideId) === entry) {
            if (stale) this.slides.delete(slideId);
            else this.slides.set(slideId, { status: 'ready', round: found.round, tally });
          }
          return tally;
        },
        (error: unknown) => {
          if (this.slides.get(slideId) === entry) this.slides.delete(slideId);
          throw error;
        },
      ),
    };
    this.slides.set(slideId, entry);
    return entry;
  }
}
