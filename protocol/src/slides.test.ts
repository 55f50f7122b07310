import { describe, expect, it } from 'vitest';
import { CHOICE_LIMITS, isQuestionSlide, LIMITS, OPEN_LIMITS, slideSchema, slideTitle, WORDCLOUD_LIMITS } from './index.js';

const options = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i + 1}`, label: `Option ${i + 1}` }));

const refused = (input: unknown) => {
  const result = slideSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues ?? [];
};

describe('slideSchema: every kind parses with its defaults', () => {
  it('content', () => {
    expect(slideSchema.parse({ id: 'intro', kind: 'content' })).toEqual({
      id: 'intro',
      kind: 'content',
      layout: 'auto',
      notes: '',
      heading: '',
      body: '',
      bullets: [],
      quote: null,
      bigNumber: null,
      image: null,
      source: '',
    });
  });

  it('content with every part, nested defaults applied', () => {
    const slide = slideSchema.parse({
      id: 'facts',
      kind: 'content',
      heading: 'Facts',
      bullets: ['one', 'two'],
      quote: { text: 'To be' },
      bigNumber: { value: '42 %' },
      image: { assetId: 'asset-0001' },
    });
    expect(slide).toMatchObject({
      quote: { text: 'To be', attribution: '' },
      bigNumber: { value: '42 %', caption: '' },
      image: { assetId: 'asset-0001', alt: '' },
    });
  });

  it('choice', () => {
    expect(slideSchema.parse({ id: 'role', kind: 'choice', question: 'Your role?', options: options(2) })).toEqual({
      id: 'role',
      kind: 'choice',
      notes: '',
      question: 'Your role?',
      allowChange: true,
      options: options(2),
      allowMultiple: false,
      showResultsOnPhones: false,
    });
  });

  it('choice with 10 options and explicit flags', () => {
    const slide = slideSchema.parse({
      id: 'q',
      kind: 'choice',
      question: 'Pick',
      options: options(CHOICE_LIMITS.maxOptions),
      allowMultiple: true,
      allowChange: false,
      showResultsOnPhones: true,
    });
    expect(slide).toMatchObject({ allowMultiple: true, allowChange: false, showResultsOnPhones: true });
  });

  it('wordcloud', () => {
    expect(slideSchema.parse({ id: 'words', kind: 'wordcloud', question: 'One word?' })).toEqual({
      id: 'words',
      kind: 'wordcloud',
      notes: '',
      question: 'One word?',
      allowChange: true,
      maxEntries: 3,
      maxLength: 25,
      approveFirst: false,
    });
  });

  it('open', () => {
    expect(slideSchema.parse({ id: 'open_1', kind: 'open', question: 'Thoughts?' })).toEqual({
      id: 'open_1',
      kind: 'open',
      notes: '',
      question: 'Thoughts?',
      allowChange: true,
      maxLength: 280,
      approveFirst: false,
    });
  });

  it('accepts ids of letters, digits, - and _ up to 64 characters', () => {
    expect(slideSchema.safeParse({ id: 'A-z_09', kind: 'content' }).success).toBe(true);
    expect(slideSchema.safeParse({ id: 'x'.repeat(64), kind: 'content' }).success).toBe(true);
  });

  it('accepts a question at exactly the length limit', () => {
    const q = 'q'.repeat(LIMITS.questionLength);
    expect(slideSchema.safeParse({ id: 'q', kind: 'open', question: q }).success).toBe(true);
  });
});

describe('slideSchema: invalid slides are refused', () => {
  it('an unknown field', () => {
    const issues = refused({ id: 'a', kind: 'content', colour: 'red' });
    expect(issues[0]?.code).toBe('unrecognized_keys');
  });

  it('an unknown field on a question slide and inside an option', () => {
    refused({ id: 'a', kind: 'open', question: 'q', shuffle: true });
    refused({ id: 'a', kind: 'choice', question: 'q', options: [...options(2), { id: 'x', label: 'X', correct: true }] });
  });

  it('an unknown kind, or no kind', () => {
    refused({ id: 'a', kind: 'poll', question: 'q' });
    refused({ id: 'a', question: 'q' });
  });

  it('fields of another kind', () => {
    refused({ id: 'a', kind: 'open', question: 'q', options: options(2) });
    refused({ id: 'a', kind: 'content', question: 'q' });
  });

  it('a question slide without a question', () => {
    refused({ id: 'a', kind: 'wordcloud' });
  });

  it('a choice slide with 1 option or with 11 options', () => {
    refused({ id: 'a', kind: 'choice', question: 'q', options: options(1) });
    refused({ id: 'a', kind: 'choice', question: 'q', options: options(CHOICE_LIMITS.maxOptions + 1) });
    refused({ id: 'a', kind: 'choice', question: 'q', options: [] });
  });

  it('duplicate option ids', () => {
    const issues = refused({
      id: 'a',
      kind: 'choice',
      question: 'q',
      options: [
        { id: 'same', label: 'A' },
        { id: 'same', label: 'B' },
      ],
    });
    expect(issues.some((issue) => issue.message === 'option ids must be unique')).toBe(true);
  });

  it('an over-long question', () => {
    refused({ id: 'a', kind: 'open', question: 'q'.repeat(LIMITS.questionLength + 1) });
  });

  it('an over-long option label', () => {
    refused({
      id: 'a',
      kind: 'choice',
      question: 'q',
      options: [
        { id: 'a', label: 'x'.repeat(121) },
        { id: 'b', label: 'B' },
      ],
    });
  });

  it.each(['', 'has space', 'å', 'a/b', 'a.b', 'x'.repeat(65), '<script>'])('bad slide id %j', (id) => {
    refused({ id, kind: 'content' });
  });

  it('bad option id characters', () => {
    refused({
      id: 'a',
      kind: 'choice',
      question: 'q',
      options: [
        { id: 'a b', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    });
  });

  it('wordcloud maxEntries 0 or 4', () => {
    refused({ id: 'a', kind: 'wordcloud', question: 'q', maxEntries: 0 });
    refused({ id: 'a', kind: 'wordcloud', question: 'q', maxEntries: 4 });
    refused({ id: 'a', kind: 'wordcloud', question: 'q', maxEntries: 1.5 });
  });

  it('wordcloud and open maxLength out of range', () => {
    refused({ id: 'a', kind: 'wordcloud', question: 'q', maxLength: 0 });
    refused({ id: 'a', kind: 'wordcloud', question: 'q', maxLength: WORDCLOUD_LIMITS.maxLength + 1 });
    refused({ id: 'a', kind: 'open', question: 'q', maxLength: OPEN_LIMITS.maxLength + 1 });
  });

  it('wrong types', () => {
    refused({ id: 'a', kind: 'choice', question: 'q', options: options(2), allowMultiple: 'yes' });
    refused({ id: 7, kind: 'content' });
    refused({ id: 'a', kind: 'content', bullets: 'one' });
    refused(null);
    refused('slide');
  });

  it('too many bullets, an empty quote, a bad asset id', () => {
    refused({ id: 'a', kind: 'content', bullets: Array.from({ length: LIMITS.bullets + 1 }, () => 'b') });
    refused({ id: 'a', kind: 'content', quote: { text: '' } });
    refused({ id: 'a', kind: 'content', image: { assetId: 'short' } });
  });
});

describe('slide helpers', () => {
  it('isQuestionSlide', () => {
    expect(isQuestionSlide(slideSchema.parse({ id: 'a', kind: 'content' }))).toBe(false);
    expect(isQuestionSlide(slideSchema.parse({ id: 'a', kind: 'open', question: 'q' }))).toBe(true);
  });

  it('slideTitle', () => {
    expect(slideTitle(slideSchema.parse({ id: 'a', kind: 'open', question: 'Why?' }))).toBe('Why?');
    expect(slideTitle(slideSchema.parse({ id: 'a', kind: 'content', heading: 'H', body: 'B' }))).toBe('H');
    expect(slideTitle(slideSchema.parse({ id: 'a', kind: 'content', quote: { text: 'Q' }, body: 'B' }))).toBe('Q');
    expect(slideTitle(slideSchema.parse({ id: 'a', kind: 'content', bigNumber: { value: '7' }, body: 'B' }))).toBe('7');
    expect(slideTitle(slideSchema.parse({ id: 'a', kind: 'content', body: 'B' }))).toBe('B');
  });
});
