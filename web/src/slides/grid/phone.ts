import { t } from '../../i18n/i18n.svelte';
import type { QuestionPhone } from '../kind';
import { Lazy } from '../lazy.svelte';

export const gridPhone: QuestionPhone<'grid'> = {
  Form: new Lazy(() => import('./GridPhone.svelte')),
  draft: (_slide, saved) => ({ kind: 'grid', placements: (saved?.placements ?? []).map((placement) => ({ ...placement })) }),
  problems: {
    empty_answer: () => t('grid.error.placeOne'),
    out_of_range: (slide) => t('grid.error.outOfRange', { max: slide.max }),
    unknown_option: () => t('grid.error.unknownItem'),
  },
  Results: null,
};
