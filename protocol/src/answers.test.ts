import { describe, expect, it } from 'vitest';
import { type Answer, answerSchema, checkAnswer, type ErrorCode, type Slide, type SlideInput, slideSchema } from './index.js';

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
const A_RING_NFD = 'a\u030A';

const slide = (input: SlideInput): Slide => slideSchema.parse(input);

const single = slide({
  id: 'single',
  kind: 'choice',
  question: 'Pick one',
  options: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
    { id: 'c', label: 'C' },
  ],
});
const multiple = slide({
  id: 'multi',
  kind: 'choice',
  question: 'Pick any',
  allowMultiple: true,
  options: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
    { id: 'c', label: 'C' },
  ],
});
const words = slide({ id: 'words', kind: 'wordcloud', question: 'Words?', maxEntries: 2, maxLength: 5 });
const open = slide({ id: 'open', kind: 'open', question: 'Say', maxLength: 5 });
const content = slide({ id: 'info', kind: 'content', heading: 'Info' });

function accepted(s: Slide, answer: Answer): Answer {
  const result = checkAnswer(s, answer);
  if (!result.ok) throw new Error(`expected acceptance, got ${result.problem.code}: ${result.problem.message}`);
  return result.answer;
}

function refusedWith(s: Slide, answer: Answer): ErrorCode {
  const result = checkAnswer(s, answer);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.answer)}`);
  expect(result.problem.message.length).toBeGreaterThan(0);
  return result.problem.code;
}

describe('checkAnswer: choice', () => {
  it('accepts one known option on a single-select slide', () => {
    expect(accepted(single, { kind: 'choice', optionIds: ['b'] })).toEqual({ kind: 'choice', optionIds: ['b'] });
  });

  it('accepts several options on a multiple-select slide, reordered into slide order', () => {
    expect(accepted(multiple, { kind: 'choice', optionIds: ['c', 'a'] })).toEqual({ kind: 'choice', optionIds: ['a', 'c'] });
    expect(accepted(multiple, { kind: 'choice', optionIds: ['c', 'b', 'a'] })).toEqual({ kind: 'choice', optionIds: ['a', 'b', 'c'] });
  });

  it('refuses an unknown option', () => {
    expect(refusedWith(single, { kind: 'choice', optionIds: ['z'] })).toBe('unknown_option');
    expect(refusedWith(multiple, { kind: 'choice', optionIds: ['a', 'z'] })).toBe('unknown_option');
  });

  it('refuses no option as empty', () => {
    expect(refusedWith(single, { kind: 'choice', optionIds: [] })).toBe('empty_answer');
  });

  it('refuses an option chosen twice', () => {
    expect(refusedWith(multiple, { kind: 'choice', optionIds: ['a', 'a'] })).toBe('duplicate_entry');
    expect(refusedWith(single, { kind: 'choice', optionIds: ['a', 'a'] })).toBe('duplicate_entry');
  });

  it('refuses two options on a single-select slide', () => {
    expect(refusedWith(single, { kind: 'choice', optionIds: ['a', 'b'] })).toBe('too_many_entries');
  });

  it('refuses an answer of another kind', () => {
    expect(refusedWith(single, { kind: 'wordcloud', entries: ['a'] })).toBe('wrong_answer_kind');
    expect(refusedWith(single, { kind: 'open', text: 'a' })).toBe('wrong_answer_kind');
  });
});

describe('checkAnswer: content slide', () => {
  it.each<Answer>([
    { kind: 'choice', optionIds: ['a'] },
    { kind: 'wordcloud', entries: ['a'] },
    { kind: 'open', text: 'a' },
  ])('refuses every answer as not_a_question: %j', (answer) => {
    expect(refusedWith(content, answer)).toBe('not_a_question');
  });
});

describe('checkAnswer: wordcloud', () => {
  it('trims and collapses whitespace inside entries, keeping case', () => {
    const wide = slide({ id: 'w', kind: 'wordcloud', question: 'q', maxEntries: 2 });
    expect(accepted(wide, { kind: 'wordcloud', entries: ['  Hej \t\n då ', 'X'] })).toEqual({
      kind: 'wordcloud',
      entries: ['Hej då', 'X'],
    });
  });

  it('drops entries that are only whitespace', () => {
    expect(accepted(words, { kind: 'wordcloud', entries: ['a', '   ', 'b'] })).toEqual({ kind: 'wordcloud', entries: ['a', 'b'] });
  });

  it('refuses an answer that is only whitespace', () => {
    expect(refusedWith(words, { kind: 'wordcloud', entries: ['   ', '\t\n'] })).toBe('empty_answer');
    expect(refusedWith(words, { kind: 'wordcloud', entries: [''] })).toBe('empty_answer');
  });

  it('refuses more entries than maxEntries', () => {
    expect(refusedWith(words, { kind: 'wordcloud', entries: ['a', 'b', 'c'] })).toBe('too_many_entries');
  });

  it('keeps the same word written twice once, as first written, case- and whitespace-insensitively', () => {
    expect(accepted(words, { kind: 'wordcloud', entries: ['hej', 'hej'] })).toEqual({ kind: 'wordcloud', entries: ['hej'] });
    const longer = slide({ id: 'w', kind: 'wordcloud', question: 'q', maxEntries: 2, maxLength: 20 });
    expect(accepted(longer, { kind: 'wordcloud', entries: ['Förståelse', ' förståelse '] })).toEqual({
      kind: 'wordcloud',
      entries: ['Förståelse'],
    });
    // Three entries of which two are one word fit a limit of two.
    expect(accepted(longer, { kind: 'wordcloud', entries: ['Ledarskap', 'mod', 'ledarskap'] })).toEqual({
      kind: 'wordcloud',
      entries: ['Ledarskap', 'mod'],
    });
  });

  it('keeps NFC and NFD spellings of the same word once', () => {
    expect(accepted(words, { kind: 'wordcloud', entries: [`${A_RING_NFD}r`, '\u00E5r'] })).toEqual({
      kind: 'wordcloud',
      entries: [`${A_RING_NFD}r`],
    });
  });

  it('counts length in graphemes: a + combining ring counts 1', () => {
    // 5 graphemes, 6 code units: fits maxLength 5.
    const fits = `${A_RING_NFD}bcde`;
    expect(fits.length).toBe(6);
    expect(accepted(words, { kind: 'wordcloud', entries: [fits] })).toEqual({ kind: 'wordcloud', entries: [fits] });
    expect(refusedWith(words, { kind: 'wordcloud', entries: ['abcdef'] })).toBe('too_long');
  });

  it('counts length in graphemes: an emoji ZWJ family counts 1', () => {
    const five = FAMILY.repeat(5);
    expect(accepted(words, { kind: 'wordcloud', entries: [five] })).toEqual({ kind: 'wordcloud', entries: [five] });
    expect(refusedWith(words, { kind: 'wordcloud', entries: [FAMILY.repeat(6)] })).toBe('too_long');
  });

  it('refuses lone surrogates as validation_failed', () => {
    expect(refusedWith(words, { kind: 'wordcloud', entries: ['ok', 'a\uD800'] })).toBe('validation_failed');
  });

  it('keeps text byte-identical apart from whitespace: combining marks, ZWJ emoji, RTL', () => {
    const rtl = 'שלום';
    const result = accepted(words, { kind: 'wordcloud', entries: [` ${A_RING_NFD}ngst `, `${FAMILY}\u200D`] });
    expect(result).toEqual({ kind: 'wordcloud', entries: [`${A_RING_NFD}ngst`, `${FAMILY}\u200D`] });
    expect(accepted(words, { kind: 'wordcloud', entries: [rtl] })).toEqual({ kind: 'wordcloud', entries: [rtl] });
  });

  it('refuses an answer of another kind', () => {
    expect(refusedWith(words, { kind: 'open', text: 'a' })).toBe('wrong_answer_kind');
    expect(refusedWith(words, { kind: 'choice', optionIds: ['a'] })).toBe('wrong_answer_kind');
  });
});

describe('checkAnswer: open', () => {
  it('trims the ends only and keeps inner whitespace as typed', () => {
    expect(accepted(open, { kind: 'open', text: '  a  b\n ' })).toEqual({ kind: 'open', text: 'a  b' });
  });

  it('refuses only whitespace as empty_answer', () => {
    expect(refusedWith(open, { kind: 'open', text: '' })).toBe('empty_answer');
    expect(refusedWith(open, { kind: 'open', text: ' \n\t\u00A0' })).toBe('empty_answer');
  });

  it('counts length in graphemes', () => {
    expect(accepted(open, { kind: 'open', text: `${A_RING_NFD}${A_RING_NFD}${A_RING_NFD}${A_RING_NFD}${A_RING_NFD}` }).kind).toBe('open');
    expect(accepted(open, { kind: 'open', text: FAMILY.repeat(5) })).toEqual({ kind: 'open', text: FAMILY.repeat(5) });
    expect(refusedWith(open, { kind: 'open', text: FAMILY.repeat(6) })).toBe('too_long');
    expect(refusedWith(open, { kind: 'open', text: '123456' })).toBe('too_long');
  });

  it('keeps combining marks, ZWJ emoji and RTL text byte-identical', () => {
    const wide = slide({ id: 'o', kind: 'open', question: 'q' });
    const text = `${A_RING_NFD}ngest ${FAMILY} שלום עולם \u200F!`;
    expect(accepted(wide, { kind: 'open', text: `  ${text}  ` })).toEqual({ kind: 'open', text });
  });

  it('refuses lone surrogates as validation_failed', () => {
    expect(refusedWith(open, { kind: 'open', text: '\uDC00' })).toBe('validation_failed');
  });

  it('refuses an answer of another kind', () => {
    expect(refusedWith(open, { kind: 'wordcloud', entries: ['a'] })).toBe('wrong_answer_kind');
  });
});

describe('answerSchema (shape only)', () => {
  it('parses each kind', () => {
    expect(answerSchema.safeParse({ kind: 'choice', optionIds: ['a'] }).success).toBe(true);
    expect(answerSchema.safeParse({ kind: 'wordcloud', entries: ['a', 'b', 'c'] }).success).toBe(true);
    expect(answerSchema.safeParse({ kind: 'open', text: '' }).success).toBe(true);
  });

  it('refuses over-full arrays, unknown fields and unknown kinds; an empty choice is left to the rules', () => {
    expect(answerSchema.safeParse({ kind: 'choice', optionIds: [] }).success).toBe(true);
    expect(answerSchema.safeParse({ kind: 'choice', optionIds: Array.from({ length: 11 }, (_, i) => `o${i}`) }).success).toBe(false);
    expect(answerSchema.safeParse({ kind: 'wordcloud', entries: [] }).success).toBe(false);
    expect(answerSchema.safeParse({ kind: 'wordcloud', entries: ['a', 'b', 'c', 'd'] }).success).toBe(false);
    expect(answerSchema.safeParse({ kind: 'open', text: 'a', extra: 1 }).success).toBe(false);
    expect(answerSchema.safeParse({ kind: 'rating', value: 3 }).success).toBe(false);
  });

  it('refuses huge text before any rule runs', () => {
    expect(answerSchema.safeParse({ kind: 'open', text: 'x'.repeat(4001) }).success).toBe(false);
    expect(answerSchema.safeParse({ kind: 'wordcloud', entries: ['x'.repeat(401)] }).success).toBe(false);
  });
});
