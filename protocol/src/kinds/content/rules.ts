import type { KindRules } from '../kind.js';

export const contentRules: KindRules<'content'> = {
  answers: null,
  blank: (id) => ({ id, kind: 'content' }),
  title: (slide) => slide.heading || slide.quote?.text || slide.bigNumber?.value || slide.body,
};
