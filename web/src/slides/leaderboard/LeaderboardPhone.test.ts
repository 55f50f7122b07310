// The leaderboard as a phone shows it: plain lines of text.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { render } from '../../test-support/render.svelte';
import { moderated, noScores, results, slide } from './fixtures';
import LeaderboardPhone from './LeaderboardPhone.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** What the eye reads of a line: its text without the words for screen readers alone. */
const seen = (element: Element) => {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('.sr-only').forEach((hidden) => hidden.remove());
  return text(copy);
};
/** What a screen reader hears of a line: its text without the parts hidden from it. */
const spoken = (element: Element) => {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return text(copy);
};

let destroy: (() => void) | undefined;
afterEach(() => destroy?.());

describe('the leaderboard on the phone', () => {
  beforeAll(() => setLocale('sv'));

  it('gives each player a line with rank, nickname and points, read out as a place', () => {
    const mounted = render(LeaderboardPhone, { slide, results });
    destroy = mounted.destroy;
    const lines = [...mounted.target.querySelectorAll('li')];
    expect(lines.map(seen).slice(0, 4)).toEqual([
      '1 Solrosen 2 450 poäng',
      '2 Kvarnen 1 800 poäng',
      '2 Älgen 1 800 poäng',
      '4 Utan smeknamn 1 500 poäng',
    ]);
    expect(spoken(lines[2] as Element)).toBe('Plats 2: Älgen 1 800 poäng');
  });

  it('never shows a nickname held back for the presenter, should one reach it', () => {
    const mounted = render(LeaderboardPhone, { slide, results: moderated });
    destroy = mounted.destroy;
    expect([...mounted.target.querySelectorAll('li')].map(seen)).toEqual([
      '1 Utan smeknamn 2 450 poäng',
      '2 Utan smeknamn 1 800 poäng',
      '2 Älgen 1 800 poäng',
      '4 Utan smeknamn 1 500 poäng',
      '5 Utan smeknamn 740 poäng',
      '6 Utan smeknamn 0 poäng',
    ]);
  });

  it('says when no one has scored yet', () => {
    const mounted = render(LeaderboardPhone, { slide, results: noScores });
    destroy = mounted.destroy;
    expect(text(mounted.target)).toBe('Ingen har fått poäng än.');
  });
});
