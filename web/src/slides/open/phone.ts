import { t } from '../../i18n/i18n.svelte';
import type { QuestionPhone } from '../kind';
import OpenPhone from './OpenPhone.svelte';

export const openPhone: QuestionPhone<'open'> = {
  Form: OpenPhone,
  draft: (_slide, saved) => ({ kind: 'open', text: saved?.text ?? '' }),
  problems: { too_long: (slide) => t('error.tooLongText', { max: slide.maxLength }) },
  Results: null,
};
