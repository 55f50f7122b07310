import type { Answer, ChoiceAnswer, OpenAnswer, WordCloudAnswer } from './answers.js';
import type { Problem } from './error-codes.js';
import type { ChoiceSlide, OpenSlide, Slide, WordCloudSlide } from './slides.js';
import { cleanText, hasLoneSurrogate, textLength, wordKey } from './text.js';

export type AnswerCheck = { ok: true; answer: Answer } | { ok: false; problem: Problem };

const fail = (code: Problem['code'], message: string): AnswerCheck => ({ ok: false, problem: { code, message } });

/**
 * Applies a slide's answer rules and returns the answer as it will be stored (text cleaned),
 * or the first rule it breaks. Pure: the phone runs it before sending, the server before storing.
 */
export function checkAnswer(slide: Slide, answer: Answer): AnswerCheck {
  if (slide.kind === 'content') return fail('not_a_question', 'This slide does not take answers.');
  if (slide.kind === 'choice' && answer.kind === 'choice') return checkChoice(slide, answer);
  if (slide.kind === 'wordcloud' && answer.kind === 'wordcloud') return checkWords(slide, answer);
  if (slide.kind === 'open' && answer.kind === 'open') return checkOpen(slide, answer);
  return fail('wrong_answer_kind', `This slide takes a ${slide.kind} answer, not ${answer.kind}.`);
}

function checkChoice(slide: ChoiceSlide, answer: ChoiceAnswer): AnswerCheck {
  const known = new Set(slide.options.map((o) => o.id));
  const picked = [...new Set(answer.optionIds)];
  if (picked.length !== answer.optionIds.length) return fail('duplicate_entry', 'An option was chosen twice.');
  if (picked.some((id) => !known.has(id))) return fail('unknown_option', 'That option is not on this slide.');
  if (!slide.allowMultiple && picked.length > 1) return fail('too_many_entries', 'Choose one option only.');
  const ordered = slide.options.filter((o) => picked.includes(o.id)).map((o) => o.id);
  return { ok: true, answer: { kind: 'choice', optionIds: ordered } };
}

function checkWords(slide: WordCloudSlide, answer: WordCloudAnswer): AnswerCheck {
  if (answer.entries.some(hasLoneSurrogate)) return fail('validation_failed', 'The text contains broken characters.');
  const entries = answer.entries.map(cleanText).filter((entry) => entry.length > 0);
  if (entries.length === 0) return fail('empty_answer', 'Write at least one word.');
  if (entries.length > slide.maxEntries) {
    return fail('too_many_entries', `At most ${slide.maxEntries} entries are allowed.`);
  }
  if (entries.some((entry) => textLength(entry) > slide.maxLength)) {
    return fail('too_long', `Each entry may be at most ${slide.maxLength} characters.`);
  }
  if (new Set(entries.map(wordKey)).size !== entries.length) {
    return fail('duplicate_entry', 'The same word was written twice.');
  }
  return { ok: true, answer: { kind: 'wordcloud', entries } };
}

function checkOpen(slide: OpenSlide, answer: OpenAnswer): AnswerCheck {
  if (hasLoneSurrogate(answer.text)) return fail('validation_failed', 'The text contains broken characters.');
  const text = answer.text.trim();
  if (text.length === 0) return fail('empty_answer', 'Write an answer first.');
  if (textLength(text) > slide.maxLength) {
    return fail('too_long', `The answer may be at most ${slide.maxLength} characters.`);
  }
  return { ok: true, answer: { kind: 'open', text } };
}
