import { describe, expect, it } from 'vitest';
import { KIND_RULES, checkAnswer, forPhones, timeLimitOf } from '../registry.js';
import { type QuizSlide, slideSchema } from '../../slides.js';
import { isCorrectAnswer, quizPoints } from './rules.js';
import { quizzesBefore, showsScores } from '../leaderboard/rules.js';

const quiz = (over: Partial<QuizSlide> = {}): QuizSlide =>
  slideSchema.parse({
    id: 'q',
    kind: 'quiz',
    question: 'Vilket år kom Digitaliseringskommissionens betänkande?',
    options: [
      { id: 'a', label: '2011' },
      { id: 'b', label: '2014' },
      { id: 'c', label: '2016' },
    ],
    correct: ['b'],
    ...over,
  }) as QuizSlide;

describe('a quiz slide', () => {
  it('counts down 20 s from 1000 points with speed points, and takes one final answer, unless set otherwise', () => {
    expect(quiz()).toMatchObject({ seconds: 20, points: 1000, speedPoints: true, multiple: false, allowChange: false });
    expect(timeLimitOf(quiz())).toBe(20);
    expect(timeLimitOf(quiz({ seconds: null }))).toBeNull();
  });

  it('refuses a right answer that is not an option, named twice, or a countdown out of range', () => {
    const base = {
      id: 'q',
      kind: 'quiz',
      question: '',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    };
    expect(() => slideSchema.parse({ ...base, correct: ['x'] })).toThrow();
    expect(() => slideSchema.parse({ ...base, correct: ['a', 'a'] })).toThrow();
    expect(() => slideSchema.parse({ ...base, seconds: 4 })).toThrow();
    expect(() => slideSchema.parse({ ...base, correct: [] })).not.toThrow();
  });

  it('never tells phones the right answer', () => {
    expect(forPhones(quiz({ notes: 'hemligt' }))).toMatchObject({ correct: [], notes: '' });
  });

  it('checks answers as a choice question does, with its own codes', () => {
    expect(checkAnswer(quiz(), { kind: 'quiz', optionIds: ['c', 'b'] })).toMatchObject({
      ok: false,
      problem: { code: 'too_many_entries' },
    });
    expect(checkAnswer(quiz(), { kind: 'quiz', optionIds: [] })).toMatchObject({ ok: false, problem: { code: 'empty_answer' } });
    expect(checkAnswer(quiz(), { kind: 'quiz', optionIds: ['x'] })).toMatchObject({ ok: false, problem: { code: 'unknown_option' } });
    expect(checkAnswer(quiz(), { kind: 'quiz', optionIds: ['b', 'b'] })).toMatchObject({ ok: false, problem: { code: 'duplicate_entry' } });
    expect(checkAnswer(quiz({ multiple: true }), { kind: 'quiz', optionIds: ['c', 'a'] })).toEqual({
      ok: true,
      answer: { kind: 'quiz', optionIds: ['a', 'c'] },
    });
    expect(KIND_RULES.quiz.answers.resultsOnPhones(quiz())).toBe(false);
  });
});

describe('quiz points', () => {
  it('gives the right answer all its points at once and half at the last moment; a wrong one none', () => {
    expect(quizPoints(quiz(), ['b'], 0)).toBe(1000);
    expect(quizPoints(quiz(), ['b'], 0.5)).toBe(750);
    expect(quizPoints(quiz(), ['b'], 1)).toBe(500);
    expect(quizPoints(quiz(), ['b'], 3)).toBe(500);
    expect(quizPoints(quiz(), ['a'], 0)).toBe(0);
    expect(quizPoints(quiz({ speedPoints: false }), ['b'], 0.9)).toBe(1000);
    expect(quizPoints(quiz(), ['b'], null)).toBe(1000);
  });

  it('takes exactly the right options when several may be chosen, and any right one when one may', () => {
    const several = quiz({ multiple: true, correct: ['a', 'c'] });
    expect(isCorrectAnswer(several, ['a', 'c'])).toBe(true);
    expect(isCorrectAnswer(several, ['a'])).toBe(false);
    expect(isCorrectAnswer(several, ['a', 'b', 'c'])).toBe(false);
    expect(isCorrectAnswer(quiz({ correct: ['a', 'c'] }), ['c'])).toBe(true);
    expect(isCorrectAnswer(quiz({ correct: [] }), ['a'])).toBe(false);
  });
});

describe('leaderboards', () => {
  const board = slideSchema.parse({ id: 'top', kind: 'leaderboard', heading: 'Topplista' });
  it('add up the quizzes before them, and phones hear their score after a quiz closes and on a leaderboard', () => {
    const deck = [quiz({ id: 'q1' }), board, quiz({ id: 'q2' })];
    expect(quizzesBefore('top', deck)).toEqual(['q1']);
    expect(quizzesBefore('q2', deck)).toEqual(['q1']);
    expect(showsScores(quiz(), true)).toBe(false);
    expect(showsScores(quiz(), false)).toBe(true);
    expect(showsScores(board, true)).toBe(true);
  });
});
