import { t } from '../../i18n/i18n.svelte';
import type { QuestionPhone } from '../kind';
import { Lazy } from '../lazy.svelte';
import { arrange } from './order';

export const rankingPhone: QuestionPhone<'ranking'> = {
  Form: new Lazy(() => import('./RankingPhone.svelte')),
  // An answer is the whole order, so a phone starts from the saved one or the slide's own, never from "unranked".
  draft: (slide, saved) => ({ kind: 'ranking', order: arrange(slide.items, saved?.order ?? []) }),
  problems: {
    empty_answer: () => t('ranking.error.empty'),
    too_few_entries: (slide) => t('ranking.error.tooFew', { count: slide.items.length }),
    duplicate_entry: () => t('ranking.error.duplicate'),
  },
  Results: null,
};
