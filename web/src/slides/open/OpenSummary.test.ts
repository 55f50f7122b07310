import type { OpenResults, OpenSlide } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { noModeration } from '../../test-support/moderation';
import { render, type Mounted } from '../../test-support/render.svelte';
import type { SummaryProps } from '../kind';
import OpenSummary from './OpenSummary.svelte';

const slide: OpenSlide = {
  id: 'tankar',
  kind: 'open',
  question: 'Vad behöver ni?',
  notes: '',
  allowChange: true,
  maxLength: 280,
  approveFirst: false,
};

const results: OpenResults = {
  kind: 'open',
  slideId: 'tankar',
  respondents: 2,
  entries: [
    { id: 'a', text: 'Mer tid', hidden: true },
    { id: 'b', text: 'Utbildning', hidden: false },
  ],
};

let mounted: Mounted<SummaryProps<'open'>> | undefined;
afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
});

function summary(props: Partial<SummaryProps<'open'>> = {}) {
  const hidden: [string, boolean][] = [];
  mounted = render(OpenSummary, {
    slide,
    results,
    moderation: { ...noModeration, hideAnswer: (answerId, hide) => hidden.push([answerId, hide]) },
    ...props,
  });
  const rows = () =>
    [...mounted!.target.querySelectorAll('li')].map((row) => [
      row.textContent?.replace(/\s+/g, ' ').trim(),
      row.querySelector('button')?.getAttribute('aria-label'),
    ]);
  const press = (index: number) => {
    mounted!.target.querySelectorAll<HTMLButtonElement>('[data-testid="moderate-answer"]')[index]?.click();
    mounted!.flush();
  };
  return { rows, press, hidden };
}

describe("the control view's open answers", () => {
  beforeAll(() => setLocale('sv'));

  it('shows a hidden answer again, or hides a shown one', () => {
    const { rows, press, hidden } = summary();
    expect(rows()).toEqual([
      ['Mer tid (dold) Visa', 'Visa ”Mer tid” på storbilden igen'],
      ['Utbildning Dölj', 'Dölj ”Utbildning” på storbilden'],
    ]);
    press(0);
    press(1);
    expect(hidden).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });

  it('approves an answer that waits, on a slide that approves first', () => {
    const { rows, press, hidden } = summary({ slide: { ...slide, approveFirst: true } });
    expect(rows()).toEqual([
      ['Mer tid (väntar på godkännande) Godkänn', 'Godkänn ”Mer tid” för storbilden'],
      ['Utbildning Dölj', 'Dölj ”Utbildning” på storbilden'],
    ]);
    press(0);
    expect(hidden).toEqual([['a', false]]);
  });
});
