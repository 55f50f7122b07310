import { t } from '../../i18n/i18n.svelte';
import type { QuestionPhone } from '../kind';
import WordCloudPhone from './WordCloudPhone.svelte';

export const wordCloudPhone: QuestionPhone<'wordcloud'> = {
  Form: WordCloudPhone,
  // One field per word the slide allows, the saved words filled in.
  draft: (slide, saved) => ({
    kind: 'wordcloud',
    entries: Array.from({ length: slide.maxEntries }, (_, index) => saved?.entries[index] ?? ''),
  }),
  problems: {
    too_long: (slide) => t('error.tooLongEntry', { max: slide.maxLength }),
    too_many_entries: (slide) => t('error.tooManyWords', { max: slide.maxEntries }),
  },
  Results: null,
};
