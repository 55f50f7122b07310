import { t } from '../../i18n/i18n.svelte';
import type { QuestionPhone } from '../kind';
import { Lazy } from '../lazy.svelte';

export const pointsPhone: QuestionPhone<'points'> = {
  Form: new Lazy(() => import('./PointsPhone.svelte')),
  // Points on items since removed from the slide are dropped, or the rules would refuse the whole answer.
  draft: (slide, saved) => ({
    kind: 'points',
    allocations: (saved?.allocations ?? [])
      .filter((allocation) => slide.items.some((item) => item.id === allocation.itemId))
      .map((allocation) => ({ ...allocation })),
  }),
  problems: {
    empty_answer: () => t('points.error.empty'),
    out_of_range: (slide) => t('points.error.outOfRange', { budget: slide.budget }),
    over_budget: (slide) => t('points.error.overBudget', { budget: slide.budget }),
  },
  Results: null,
};
