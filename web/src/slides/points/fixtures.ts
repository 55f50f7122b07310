// A points slide and its results for the tests: three options, a budget of 100, three people answered.
import type { PointsResults, PointsSlide } from '@ettor/protocol';

export const slide: PointsSlide = {
  id: 'budget',
  kind: 'points',
  question: 'Var ska kommunen satsa?',
  notes: '',
  allowChange: true,
  items: [
    { id: 'skola', label: 'Skolan' },
    { id: 'vard', label: 'Äldrevården' },
    { id: 'buss', label: 'Kollektivtrafiken' },
  ],
  budget: 100,
};

/** Skolan 60 + 20 + 60, Äldrevården 40 + 60, Kollektivtrafiken 20 + 40: everyone spent all 100. */
export const results: PointsResults = {
  kind: 'points',
  slideId: 'budget',
  respondents: 3,
  items: [
    { itemId: 'skola', total: 140, mean: 140 / 3, n: 3 },
    { itemId: 'vard', total: 100, mean: 100 / 3, n: 2 },
    { itemId: 'buss', total: 60, mean: 20, n: 2 },
  ],
};

export const noAnswers: PointsResults = {
  kind: 'points',
  slideId: 'budget',
  respondents: 0,
  items: slide.items.map((item) => ({ itemId: item.id, total: 0, mean: null, n: 0 })),
};
