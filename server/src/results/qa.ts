// A Q&A's results: its questions with their upvotes, as many as a screen can use, and the counts of all of them.
import { type QaQuestion, type QaResults, type QaSlide, byVotes, listedQuestions } from '@ettor/protocol';

/** A question as stored, with its upvotes counted and who asked it (which is never sent to anyone). */
export interface StoredQuestion extends QaQuestion {
  slideId: string;
  participantId: string;
}

/** A stored question as it is sent: without who asked it. */
export function sentQuestion({ slideId: _slideId, participantId: _participantId, ...question }: StoredQuestion): QaQuestion {
  return question;
}

export interface QaInput {
  slide: QaSlide;
  /** The slide's questions (others are left out). */
  questions: readonly StoredQuestion[];
  /** Only as many as a screen can use (listedQuestions()), rather than every one. */
  live: boolean;
}

/** Pure. The respondents are the people who asked; upvoting is not answering. */
export function buildQa({ slide, questions, live }: QaInput): QaResults {
  const own = questions.filter((question) => question.slideId === slide.id);
  return {
    kind: 'qa',
    slideId: slide.id,
    respondents: new Set(own.map((question) => question.participantId)).size,
    total: own.length,
    pending: own.filter((question) => question.status === 'pending').length,
    hidden: own.filter((question) => question.status === 'hidden').length,
    questions: live ? listedQuestions(own.map(sentQuestion)) : own.map(sentQuestion).sort(byVotes),
  };
}
