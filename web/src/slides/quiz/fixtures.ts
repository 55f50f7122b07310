// A quiz question for the tests: three options, the second right, a 20-second countdown; five answered, two of them right.
import type { QuizResults, QuizSlide } from '@ettor/protocol';

export const slide: QuizSlide = {
  id: 'quiz',
  kind: 'quiz',
  question: 'Vilket år blev kommunen en egen kommun?',
  options: [
    { id: 'a', label: '1863' },
    { id: 'b', label: '1971' },
    { id: 'c', label: '1992' },
  ],
  correct: ['b'],
  multiple: false,
  seconds: 20,
  points: 1000,
  speedPoints: true,
  allowChange: false,
  notes: '',
};

/** Two right answers are asked for; only choosing both scores. */
export const multiple: QuizSlide = {
  ...slide,
  id: 'quiz-flera',
  question: 'Vilka nämnder finns i kommunen?',
  options: [
    { id: 'a', label: 'Kulturnämnden' },
    { id: 'b', label: 'Månnämnden' },
    { id: 'c', label: 'Barn- och utbildningsnämnden' },
    { id: 'd', label: 'Havsnämnden' },
  ],
  correct: ['a', 'c'],
  multiple: true,
};

export const results: QuizResults = {
  kind: 'quiz',
  slideId: 'quiz',
  respondents: 5,
  correct: 2,
  counts: [
    { optionId: 'a', count: 3 },
    { optionId: 'b', count: 2 },
    { optionId: 'c', count: 0 },
  ],
};
