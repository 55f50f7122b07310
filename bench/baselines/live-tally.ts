import type { Answer, QuestionSlide, Results } from '@ettor/protocol';
import { type SlideCount, countFor } from './tallies.js';

/**
 * The limit baseline's results: kept in memory and updated as each batch commits, so the big screen's
 * results cost the same at 10 participants as at 10,000. The database stays the record; this is a view of it.
 */
export class LiveTally {
  /** Each participant's current answer, so that a change takes the old one away. */
  private readonly answers = new Map<string, Answer>();
  private readonly count: SlideCount;

  constructor(slide: QuestionSlide) {
    this.count = countFor(slide);
  }

  set(participantId: string, answer: Answer): void {
    const previous = this.answers.get(participantId);
    if (previous) this.count.add(previous, -1, participantId);
    this.answers.set(participantId, answer);
    this.count.add(answer, 1, participantId);
  }

  results(): Results {
    return this.count.results(this.answers.size);
  }
}
