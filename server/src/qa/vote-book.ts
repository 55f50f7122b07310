import type { Queryable } from '../db/database.js';
import * as repo from './qa.repository.js';

type Upvote = { questionId: string; participantId: string };
type NewVote = Upvote & { sessionId: string; clientId: string; at: string };

const voteKey = ({ questionId, participantId }: Upvote): string => `${questionId}\u0000${participantId}`;

/**
 * A batch's upvotes while it is decided: the questions and the votes they touch are read in one go, the new votes
 * written in one statement. On PostgreSQL each statement is a round trip, and a batch's requests wait for each other's.
 */
export class VoteBook {
  /** Every vote the batch touches as it stands now: present with its client id, or absent (undefined). */
  private readonly votes = new Map<string, { clientId: string | null }>();
  /** Votes to insert when the batch is written, by key; the request's index goes with each. */
  private readonly pending = new Map<string, { vote: NewVote; index: number }>();

  private constructor(
    private readonly questions: Map<string, repo.VotedQuestion>,
    stored: readonly repo.StoredVote[],
  ) {
    for (const vote of stored) this.votes.set(voteKey(vote), { clientId: vote.clientId });
  }

  /** Reads what these upvotes need. */
  static async read(q: Queryable, upvotes: readonly Upvote[]): Promise<VoteBook> {
    const questionIds = [...new Set(upvotes.map((upvote) => upvote.questionId))];
    const pairs = [...new Map(upvotes.map((upvote) => [voteKey(upvote), upvote])).values()];
    return new VoteBook(await repo.findVotedQuestions(q, questionIds), await repo.findVotes(q, pairs));
  }

  /** The question an upvote is for: read with the batch, or now when it was asked since. */
  async question(q: Queryable, questionId: string): Promise<repo.VotedQuestion | undefined> {
    return this.questions.get(questionId) ?? (await repo.findVotedQuestions(q, [questionId])).get(questionId);
  }

  /** The participant's vote on the question, as the batch has left it so far. */
  vote(upvote: Upvote): { clientId: string | null } | undefined {
    return this.votes.get(voteKey(upvote));
  }

  /** Adds a vote, written with the batch; `index` names the request it answers. */
  add(vote: NewVote, index: number): void {
    this.votes.set(voteKey(vote), { clientId: vote.clientId });
    this.pending.set(voteKey(vote), { vote, index });
  }

  /** Takes a vote back: one of this batch is not written at all, a stored one is deleted now. */
  async remove(q: Queryable, upvote: Upvote): Promise<void> {
    const key = voteKey(upvote);
    this.votes.delete(key);
    if (!this.pending.delete(key)) await repo.deleteVote(q, upvote.questionId, upvote.participantId);
  }

  /** Writes the new votes; returns those another node stored first meanwhile, with the index of their request. */
  async write(q: Queryable): Promise<{ vote: NewVote; index: number }[]> {
    const pending = [...this.pending.values()];
    const stored = new Set(
      (
        await repo.insertVotes(
          q,
          pending.map(({ vote }) => vote),
        )
      ).map(voteKey),
    );
    return pending.filter(({ vote }) => !stored.has(voteKey(vote)));
  }
}
