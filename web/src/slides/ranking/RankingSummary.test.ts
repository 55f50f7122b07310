import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import type { SummaryProps } from '../kind';
import { render, type Mounted } from '../../test-support/render.svelte';
import { results, slide } from './fixtures';
import RankingSummary from './RankingSummary.svelte';
import { noModeration } from '../../test-support/moderation';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const moderation = noModeration;

let mounted: Mounted<SummaryProps<'ranking'>> | undefined;
afterEach(() => mounted?.destroy());

function summary(props: Omit<SummaryProps<'ranking'>, 'moderation'>) {
  mounted = render(RankingSummary, { ...props, moderation });
  return [...mounted.target.querySelectorAll('li')].map(text);
}

describe("a ranking in the presenter's summary", () => {
  beforeAll(() => setLocale('sv'));

  it('gives the order as it stands, with mean places and points', () => {
    expect(summary({ slide, results })).toEqual([
      '1. Kompetens snittplats 1,3 · 11 poäng',
      '2. Ekonomi snittplats 2,0 · 8 poäng',
      '3. Samverkan snittplats 2,8 · 5 poäng',
      'Alternativ 4 Inga svar än',
    ]);
  });

  it('gives items level on mean place and points the same position', () => {
    const level = {
      ...results,
      items: results.items.map((item) => (item.itemId === 'samverkan' ? { ...item, meanRank: 2, points: 8 } : item)),
    };
    expect(summary({ slide, results: level }).slice(0, 3)).toEqual([
      '1. Kompetens snittplats 1,3 · 11 poäng',
      '2. Ekonomi snittplats 2,0 · 8 poäng',
      '2. Samverkan snittplats 2,0 · 8 poäng',
    ]);
  });

  it('says there are no answers yet before the first', () => {
    mounted = render(RankingSummary, { slide, results: undefined, moderation });
    expect(text(mounted.target)).toBe('Inga svar än');
  });
});
