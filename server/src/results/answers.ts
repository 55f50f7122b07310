import type { StoredAnswer } from '../responses/tally.js';

/** One participant's answer to one slide, in the slide's current round. */
export interface ReportAnswer {
  participantId: string;
  slideId: string;
  stored: StoredAnswer;
}

/** slideId → participantId → that participant's one current answer. */
export type CurrentAnswers = ReadonlyMap<string, ReadonlyMap<string, StoredAnswer>>;

/** Whether `a` replaces `b`: the later change wins, and on a tie the greater id, so row order never matters. */
function isLater(a: StoredAnswer, b: StoredAnswer): boolean {
  return a.updatedAt === b.updatedAt ? a.id > b.id : a.updatedAt > b.updatedAt;
}

/** One answer per participant and slide: a participant counts once however many rows the store gave for them. */
export function currentAnswers(answers: readonly ReportAnswer[]): CurrentAnswers {
  const bySlide = new Map<string, Map<string, StoredAnswer>>();
  for (const { participantId, slideId, stored } of answers) {
    const byParticipant = bySlide.get(slideId) ?? new Map<string, StoredAnswer>();
    bySlide.set(slideId, byParticipant);
    const earlier = byParticipant.get(participantId);
    if (earlier === undefined || isLater(stored, earlier)) byParticipant.set(participantId, stored);
  }
  return bySlide;
}
