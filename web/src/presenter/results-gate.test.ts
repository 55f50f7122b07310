import type { ChoiceSlide, QaSlide, QuizSlide } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { slide as board } from '../slides/leaderboard/fixtures';
import { resultsGate, type GateInput } from './results-gate';

const CHOICE: ChoiceSlide = {
  kind: 'choice',
  id: 'choice',
  question: 'Hur ofta?',
  options: [{ id: 'a', label: 'Ofta' }],
  allowMultiple: false,
  allowChange: true,
  showResultsOnPhones: true,
  notes: '',
};
const QUIZ: QuizSlide = {
  kind: 'quiz',
  id: 'quiz',
  question: 'Vilket år?',
  options: [{ id: 'a', label: '1971' }],
  correct: ['a'],
  multiple: false,
  seconds: 20,
  points: 1000,
  speedPoints: true,
  allowChange: false,
  notes: '',
};
const QA: QaSlide = {
  kind: 'qa',
  id: 'qa',
  question: 'Frågor?',
  anytime: true,
  approveFirst: false,
  names: true,
  maxLength: 280,
  notes: '',
};

const gate = (input: Partial<GateInput>) =>
  resultsGate({ slide: CHOICE, shown: true, respondents: 4, votingOpen: true, blindWhileOpen: false, ...input });

describe('what takes the place of a question’s results', () => {
  it('shows the results when they are shown, answered or not: a question’s own view invites the first answer', () => {
    expect(gate({})).toBe('results');
    expect(gate({ votingOpen: false })).toBe('results');
    expect(gate({ respondents: 0 })).toBe('results');
  });

  it('shows how many answered while the presenter holds the results back', () => {
    expect(gate({ shown: false })).toBe('waiting');
    expect(gate({ shown: false, votingOpen: false })).toBe('waiting');
    expect(gate({ shown: false, respondents: 0, votingOpen: false })).toBe('waiting');
  });

  it('invites the room to answer while the results are held back, no one has answered and answers are open', () => {
    expect(gate({ shown: false, respondents: 0 })).toBe('invite');
  });

  it('keeps an open quiz’s options, which give nothing away, and holds its figures back once it closes', () => {
    const quiz = { slide: QUIZ, blindWhileOpen: true, shown: false };
    expect(gate(quiz)).toBe('results');
    expect(gate({ ...quiz, respondents: 0 })).toBe('results');
    expect(gate({ ...quiz, votingOpen: false })).toBe('waiting');
    expect(gate({ ...quiz, shown: true, votingOpen: false })).toBe('results');
  });

  it('never holds back a Q&A’s questions or a leaderboard: they are content of their own', () => {
    for (const slide of [QA, board]) {
      expect(gate({ slide, shown: false, respondents: 0 })).toBe('results');
    }
  });
});
