import { type RankingResults, type RankingSlide, slideSchema } from '@ettor/protocol';

export const slide = slideSchema.parse({
  id: 'prio',
  kind: 'ranking',
  question: 'Vad är viktigast för kommunen?',
  items: [
    { id: 'ekonomi', label: 'Ekonomi' },
    { id: 'kompetens', label: 'Kompetens' },
    { id: 'samverkan', label: 'Samverkan' },
    { id: 'ny', label: '' },
  ],
}) as RankingSlide;

/** Four people ranked the first three; the fourth item was added afterwards and has no answers. */
export const results: RankingResults = {
  kind: 'ranking',
  slideId: 'prio',
  respondents: 4,
  items: [
    { itemId: 'ekonomi', places: [1, 2, 1, 0], n: 4, meanRank: 2, points: 8 },
    { itemId: 'kompetens', places: [3, 1, 0, 0], n: 4, meanRank: 1.25, points: 11 },
    { itemId: 'samverkan', places: [0, 1, 3, 0], n: 4, meanRank: 2.75, points: 5 },
    { itemId: 'ny', places: [0, 0, 0, 0], n: 0, meanRank: null, points: 0 },
  ],
};
