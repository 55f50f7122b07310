import { t } from '../../i18n/i18n.svelte';
import type { QuestionPhone } from '../kind';
import ScalePhone from './ScalePhone.svelte';

export const scalePhone: QuestionPhone<'scale'> = {
  Form: ScalePhone,
  draft: (_slide, saved) => ({ kind: 'scale', ratings: (saved?.ratings ?? []).map((rating) => ({ ...rating })) }),
  problems: {
    empty_answer: () => t('error.rateOne'),
    out_of_range: (slide) => t('error.outOfRange', { max: slide.steps }),
  },
  Results: null,
};
