import type { Answer, Results, Slide } from '@ettor/protocol';

/**
 * The limit baseline's results: kept in memory and updated as each batch commits, so the big screen's
 * results cost the same at 10 participants as at 10,000. The database stays the record; this is a view of it.
 */
export class LiveTally {
  /** Each participant's current answer; a Map keeps insertion order, and a change re-inserts, so it is oldest-first. */
  private readonly answers = new Map<string, Answer>();
  private readonly counts = new Map<string, number>();
  private readonly words = new Map<string, { text: string; count: number }>();

  constructor(private readonly slide: Slide) {
    if (slide.kind === 'choice') for (const option of slide.options) this.counts.set(option.id, 0);
  }

  set(participantId: string, answer: Answer): void {
    const previous = this.answers.get(participantId);
    if (previous) this.apply(previous, -1);
    this.answers.delete(participantId);
    this.answers.set(participantId, answer);
    this.apply(answer, 1);
  }

  results(): Results | undefined {
    const { slide } = this;
    const respondents = this.answers.size;
    if (slide.kind === 'choice') return { kind: 'choice', slideId: slide.id, respondents, counts: [...this.counts].map(([optionId, count]) => ({ optionId, count })) };
    if (slide.kind === 'wordcloud') {
      const words = [...this.words.values()].filter((w) => w.count > 0).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
      return { kind: 'wordcloud', slideId: slide.id, respondents, words: words.map((w) => ({ ...w, hidden: false })) } as Results;
    }
    if (slide.kind === 'open') {
      const entries: { id: string; text: string; hidden: boolean }[] = [];
      for (const [id, answer] of this.answers) if (answer.kind === 'open') entries.push({ id, text: answer.text, hidden: false });
      return { kind: 'open', slideId: slide.id, respondents, entries: entries.reverse() } as Results;
    }
    return undefined;
  }

  private apply(answer: Answer, sign: 1 | -1): void {
    if (answer.kind === 'choice') for (const id of answer.optionIds) this.counts.set(id, (this.counts.get(id) ?? 0) + sign);
    if (answer.kind === 'wordcloud') {
      for (const entry of answer.entries) {
        const key = entry.trim().toLowerCase();
        const word = this.words.get(key) ?? { text: entry, count: 0 };
        word.count += sign;
        this.words.set(key, word);
      }
    }
  }
}
