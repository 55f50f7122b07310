import { type KindRules, withoutSources } from '../kind.js';

export const contentRules: KindRules<'content'> = {
  hasResults: false,
  answers: null,
  withoutHidden: null,
  blank: (id) => ({ id, kind: 'content' }),
  title: (slide) => slide.heading || slide.quote?.text || slide.bigNumber?.value || slide.body,
  assetIds: (slide) => (slide.image ? [slide.image.assetId] : []),
  mapAssets(slide, map) {
    if (!slide.image) return slide;
    const assetId = map(slide.image.assetId);
    return { ...slide, image: assetId === null ? null : { ...slide.image, assetId } };
  },
  ...withoutSources,
};
