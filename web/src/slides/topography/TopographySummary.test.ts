import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import type { SummaryProps } from '../kind';
import { noAnswers, results, slide } from './fixtures';
import { render } from '../../test-support/render.svelte';
import TopographySummary from './TopographySummary.svelte';
import { noModeration } from '../../test-support/moderation';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const moderation = noModeration;

let destroy: (() => void) | undefined;
afterEach(() => destroy?.());

function summary(props: Omit<SummaryProps<'topography'>, 'moderation'>) {
  const mounted = render(TopographySummary, { ...props, moderation });
  destroy = mounted.destroy;
  return mounted.target;
}

describe("the control view's summary of the map", () => {
  beforeAll(() => setLocale('sv'));

  it("gives each group's means as text, withheld cells as too few", () => {
    const figures = (line: Element) => [...line.querySelectorAll('.figure')].map((figure) => text(figure).replace(/ ·$/, ''));
    const lines = [...summary({ slide, results }).querySelectorAll('li')].map(
      (line) => `${text(line.querySelector('.who'))} ${figures(line).join(' · ')}`,
    );
    expect(lines).toEqual([
      'Tjänsteperson (14 svarande) Kunskaper 3,6 · Färdigheter 3,2 · Förståelse 2,8 · Motivation för få svar',
      'Kommunchef Kunskaper för få svar · Färdigheter för få svar · Förståelse för få svar · Motivation för få svar',
      'Förtroendevald politiker (12 svarande) Kunskaper 1,0 · Färdigheter 2,0 · Förståelse 5,0 · Motivation – Inga svar',
      'Ej angivet (7 svarande) Kunskaper 2,6 · Färdigheter 4,1 · Förståelse 1,9 · Motivation för få svar',
      'Alla (36 svarande) Kunskaper 2,9 · Färdigheter 3,1 · Förståelse 2,5 · Motivation för få svar',
    ]);
  });

  it('says when there is nothing to show yet', () => {
    expect(text(summary({ slide, results: noAnswers }))).toBe('Inga svar än');
    destroy?.();
    expect(text(summary({ slide: { ...slide, scaleSlideId: null }, results: undefined }))).toBe(
      'Välj en fråga för raderna och en skalfråga för kolumnerna',
    );
  });
});
