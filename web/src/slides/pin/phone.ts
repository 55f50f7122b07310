import { t } from '../../i18n/i18n.svelte';
import type { QuestionPhone } from '../kind';
import { Lazy } from '../lazy.svelte';

export const pinPhone: QuestionPhone<'pin'> = {
  Form: new Lazy(() => import('./PinPhone.svelte')),
  // No pin yet: coordinates that are no place on the image, which the rules refuse until one is chosen.
  draft: (_slide, saved) => ({ kind: 'pin', x: saved?.x ?? Number.NaN, y: saved?.y ?? Number.NaN }),
  problems: {
    out_of_range: (slide) => (slide.regions.length > 0 ? t('pin.error.noPinOrRegion') : t('pin.error.noPin')),
  },
  Results: null,
};
