import type { Problem } from '../../error-codes.js';
import type { QaQuestion, QaResults, QaSlide, Slide } from '../../slides.js';
import { hasLoneSurrogate, textLength } from '../../text.js';
import { type KindRules, withoutAssets, withoutSources } from '../kind.js';

export const QA_LIMITS = {
  /** Longest question a slide may allow. */
  maxLength: 500,
  /** Longest name someone may sign a question with. */
  nameLength: 40,
  /** Questions one person may ask a minute: a room's worth of real questions, not a script's. */
  askedPerMinute: 5,
  /**
   * Most questions one result lists: the most upvoted, the newest, the pinned one and those awaiting approval, each
   * part capped. The whole list is in the export; a room of thousands asks more than a screen or a phone can show.
   */
  listedPerPart: 100,
  /**
   * Most questions a phone's list gets: the most upvoted and the newest, this many each. A list of hundreds sent every
   * second to thousands of phones costs more than the phones can show.
   */
  phonePerPart: 25,
} as const;

/** What the presenter can do to one question. */
export const QA_ACTIONS = ['show', 'hide', 'answer', 'unanswer', 'pin', 'unpin'] as const;
export type QaAction = (typeof QA_ACTIONS)[number];

/** How the presenter's list orders questions. */
export type QaOrder = 'votes' | 'newest';

const problem = (code: Problem['code'], message: string): Problem => ({ code, message });

/** A question as it will be stored (trimmed), or the first rule it breaks. Pure: the phone checks before sending. */
export function checkQuestion(
  slide: QaSlide,
  text: string,
  name: string | undefined,
): { ok: true; text: string; name: string | null } | { ok: false; problem: Problem } {
  if (hasLoneSurrogate(text) || (name !== undefined && hasLoneSurrogate(name))) {
    return { ok: false, problem: problem('validation_failed', 'The text contains broken characters.') };
  }
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, problem: problem('empty_answer', 'Write a question first.') };
  if (textLength(trimmed) > slide.maxLength) {
    return { ok: false, problem: problem('too_long', `A question may be at most ${slide.maxLength} characters.`) };
  }
  const signed = name?.trim() ?? '';
  if (signed !== '' && !slide.names) {
    return { ok: false, problem: problem('validation_failed', 'Questions here are anonymous; leave the name out.') };
  }
  if (textLength(signed) > QA_LIMITS.nameLength) {
    return { ok: false, problem: problem('too_long', `A name may be at most ${QA_LIMITS.nameLength} characters.`) };
  }
  return { ok: true, text: trimmed, name: signed === '' ? null : signed };
}

/** The Q&A phones may ask from any slide of a session: the first in the deck that allows it, or null. */
export function anytimeQa(deck: readonly Slide[]): QaSlide | null {
  return deck.find((slide): slide is QaSlide => slide.kind === 'qa' && slide.anytime) ?? null;
}

/** Whether anyone but the presenter may see a question: shown, not hidden nor awaiting approval. */
export const isPublicQuestion = (question: QaQuestion): boolean => question.status === 'shown';

/** Most votes first; among equal votes the older first, so a new question does not jump a standing one. */
export function byVotes(a: QaQuestion, b: QaQuestion): number {
  return b.votes - a.votes || a.askedAt.localeCompare(b.askedAt) || a.id.localeCompare(b.id);
}

export function byNewest(a: QaQuestion, b: QaQuestion): number {
  return b.askedAt.localeCompare(a.askedAt) || a.id.localeCompare(b.id);
}

/** The questions in the order the presenter chose. */
export function orderQuestions(questions: readonly QaQuestion[], order: QaOrder): QaQuestion[] {
  return [...questions].sort(order === 'votes' ? byVotes : byNewest);
}

/**
 * The questions a result lists, most upvoted first: of those shown, up to `listedPerPart` most upvoted, as many newest
 * and the pinned one; as many awaiting approval (oldest first, as they queue); as many hidden (newest first), so the
 * presenter can show them again. Pure; `all` in any order.
 */
export function listedQuestions(all: readonly QaQuestion[]): QaQuestion[] {
  const { listedPerPart } = QA_LIMITS;
  const withStatus = (status: QaQuestion['status']) => all.filter((question) => question.status === status);
  const shown = withStatus('shown');
  const listed = new Map<string, QaQuestion>();
  for (const question of [
    ...shown.filter((question) => question.pinned),
    ...[...shown].sort(byVotes).slice(0, listedPerPart),
    ...[...shown].sort(byNewest).slice(0, listedPerPart),
    ...withStatus('pending')
      .sort((a, b) => -byNewest(a, b))
      .slice(0, listedPerPart),
    ...withStatus('hidden').sort(byNewest).slice(0, listedPerPart),
  ]) {
    listed.set(question.id, question);
  }
  return [...listed.values()].sort(byVotes);
}

/** The questions phones list: the pinned one, the most upvoted and the newest, most upvoted first. */
function forPhonesOnly(results: QaResults): QaResults {
  const { phonePerPart } = QA_LIMITS;
  const listed = new Map<string, QaQuestion>();
  for (const question of [
    ...results.questions.filter((question) => question.pinned),
    ...[...results.questions].sort(byVotes).slice(0, phonePerPart),
    ...[...results.questions].sort(byNewest).slice(0, phonePerPart),
  ]) {
    listed.set(question.id, question);
  }
  return { ...results, questions: [...listed.values()].sort(byVotes) };
}

export const qaRules: KindRules<'qa'> = {
  hasResults: true,
  answers: null,
  withoutHidden: (results: QaResults): QaResults => ({
    ...results,
    total: results.total - results.pending - results.hidden,
    pending: 0,
    hidden: 0,
    questions: results.questions.filter(isPublicQuestion),
  }),
  forPhonesOnly,
  splitsBySegment: true,
  blank: (id) => ({ id, kind: 'qa', question: '' }),
  title: (slide) => slide.question,
  ...withoutAssets,
  ...withoutSources,
};
