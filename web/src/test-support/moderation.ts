import type { Moderation } from '../slides/kind';

/** A control view's moderation that does nothing, for summaries that offer none. */
export const noModeration: Moderation = {
  hideAnswer: () => undefined,
  hideWord: () => undefined,
  mergeWord: () => undefined,
  splitWord: () => undefined,
  moderateQuestion: () => undefined,
  moderateNickname: () => undefined,
};
