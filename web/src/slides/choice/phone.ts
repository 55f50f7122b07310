import { t } from '../../i18n/i18n.svelte';
import type { QuestionPhone } from '../kind';
import ChoicePhone from './ChoicePhone.svelte';
import ChoicePhoneResults from './ChoicePhoneResults.svelte';

export const choicePhone: QuestionPhone<'choice'> = {
  Form: ChoicePhone,
  draft: (_slide, saved) => ({ kind: 'choice', optionIds: [...(saved?.optionIds ?? [])] }),
  problems: { too_many_entries: () => t('error.chooseOne') },
  Results: ChoicePhoneResults,
};
