import { checkAnswer, slideSchema, SLIDE_KINDS, type Answer, type QuestionSlide } from '@ettor/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { describeProblem, PHONE_KINDS, startDraft } from './phone-kinds';

const question = (slide: Record<string, unknown>) => slideSchema.parse({ id: 'q', question: 'Fråga?', ...slide }) as QuestionSlide;

const choice = question({
  kind: 'choice',
  options: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
  ],
});
const words = question({ kind: 'wordcloud', maxEntries: 2, maxLength: 12 });
const open = question({ kind: 'open', maxLength: 40 });
const scale = question({
  kind: 'scale',
  steps: 7,
  allowSkip: true,
  statements: [
    { id: 's1', label: 'Ett' },
    { id: 's2', label: 'Två' },
  ],
});

const ranking = question({
  kind: 'ranking',
  items: [
    { id: 'r1', label: 'Ett' },
    { id: 'r2', label: 'Två' },
    { id: 'r3', label: 'Tre' },
  ],
});
const points = question({
  kind: 'points',
  budget: 10,
  items: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
  ],
});
const grid = question({
  kind: 'grid',
  max: 6,
  items: [
    { id: 'g1', label: 'Ett' },
    { id: 'g2', label: 'Två' },
  ],
});
const quiz = question({
  kind: 'quiz',
  options: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
  ],
  correct: ['b'],
});
const pin = question({
  kind: 'pin',
  image: { assetId: 'asset-0001', alt: 'Karta' },
  regions: [{ id: 'n', label: 'Norr', x: 0, y: 0, width: 1, height: 0.5 }],
});

describe('the phone registry', () => {
  beforeAll(() => setLocale('sv'));

  it('has the phone parts of every kind', () => {
    expect(Object.keys(PHONE_KINDS)).toEqual(SLIDE_KINDS);
  });

  it.each([
    [choice, { kind: 'choice', optionIds: ['b'] }],
    [words, { kind: 'wordcloud', entries: ['mod', 'tillit'] }],
    [open, { kind: 'open', text: 'Ett svar' }],
    [
      scale,
      {
        kind: 'scale',
        ratings: [
          { statementId: 's1', value: 6 },
          { statementId: 's2', value: null },
        ],
      },
    ],
    [ranking, { kind: 'ranking', order: ['r3', 'r1', 'r2'] }],
    [
      points,
      {
        kind: 'points',
        allocations: [
          { itemId: 'a', points: 6 },
          { itemId: 'b', points: 4 },
        ],
      },
    ],
    [grid, { kind: 'grid', placements: [{ itemId: 'g2', x: 6, y: 0 }] }],
    [pin, { kind: 'pin', x: 0.25, y: 0.5 }],
    [quiz, { kind: 'quiz', optionIds: ['b'] }],
  ] as [QuestionSlide, Answer][])('starts a $kind draft from the saved answer, which the rules accept unchanged', (slide, saved) => {
    const draft = startDraft(slide, saved);
    expect(draft).toEqual(saved);
    expect(draft).not.toBe(saved);
    expect(checkAnswer(slide, draft)).toEqual({ ok: true, answer: saved });
  });

  it.each([choice, words, open, scale, points, grid, quiz])('starts an empty $kind draft that the rules refuse as empty', (slide) => {
    const check = checkAnswer(slide, startDraft(slide, undefined));
    expect(check.ok ? null : check.problem.code).toBe('empty_answer');
  });

  it('starts a ranking in the slide’s order, a whole answer, and a pin nowhere, which the rules refuse', () => {
    expect(checkAnswer(ranking, startDraft(ranking, undefined))).toEqual({
      ok: true,
      answer: { kind: 'ranking', order: ['r1', 'r2', 'r3'] },
    });
    const check = checkAnswer(pin, startDraft(pin, undefined));
    expect(check.ok ? null : check.problem.code).toBe('out_of_range');
  });

  it('gives a word cloud one field per word it allows, and ignores an answer of another kind', () => {
    expect(startDraft(words, { kind: 'wordcloud', entries: ['mod'] })).toEqual({ kind: 'wordcloud', entries: ['mod', ''] });
    expect(startDraft(words, { kind: 'open', text: 'fel sort' })).toEqual({ kind: 'wordcloud', entries: ['', ''] });
  });

  it("names the slide's own limits in its error texts", () => {
    const problem = (slide: QuestionSlide, answer: Answer) => {
      const check = checkAnswer(slide, answer);
      if (check.ok) throw new Error('expected a problem');
      return describeProblem(check.problem, slide);
    };
    expect(problem(scale, { kind: 'scale', ratings: [{ statementId: 's1', value: 8 }] })).toBe('Välj ett värde från 1 till 7.');
    expect(problem(scale, { kind: 'scale', ratings: [] })).toBe('Välj ett värde för minst ett påstående.');
    expect(problem(words, { kind: 'wordcloud', entries: ['ett alldeles för långt ord'] })).toBe('Varje ord får vara högst 12 tecken.');
    expect(problem(open, { kind: 'open', text: 'x'.repeat(41) })).toBe('Svaret får vara högst 40 tecken.');
    expect(problem(choice, { kind: 'choice', optionIds: ['a', 'b'] })).toBe('Välj bara ett alternativ.');
    expect(
      problem(points, {
        kind: 'points',
        allocations: [
          { itemId: 'a', points: 6 },
          { itemId: 'b', points: 5 },
        ],
      }),
    ).toBe('Du kan fördela högst 10 poäng. Ta bort poäng från något alternativ och skicka igen.');
    expect(problem(pin, startDraft(pin, undefined))).toBe('Markera en punkt på bilden, eller välj ett område i listan.');
    expect(problem(quiz, startDraft(quiz, undefined))).toBe('Välj ett svar först.');
    expect(problem(quiz, { kind: 'quiz', optionIds: ['a', 'b'] })).toBe('Välj bara ett svar.');
    const noSkip = question({ kind: 'scale', statements: [{ id: 's1', label: 'Ett' }] });
    expect(problem(noSkip, { kind: 'scale', ratings: [{ statementId: 's1', value: null }] })).toBe(
      'Här går det inte att svara ”Vet ej”. Välj ett av stegen.',
    );
  });
});
