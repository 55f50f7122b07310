import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { render, type Mounted } from '../../test-support/render.svelte';
import type { ResultsProps } from '../kind';
import { heldNicknames, moderated, noQuizzes, noScores, results, slide } from './fixtures';
import LeaderboardScreen from './LeaderboardScreen.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<ResultsProps<'leaderboard'>> | undefined;
afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
});

function screen(props: ResultsProps<'leaderboard'>) {
  mounted = render(LeaderboardScreen, props);
  return mounted.target;
}

const rows = (target: Element) => [...target.querySelectorAll('[data-testid="leaderboard-row"]')].map((row) => [...row.children].map(text));

describe('the leaderboard on the big screen', () => {
  beforeAll(() => setLocale('sv'));

  it('lists the players highest first with rank, nickname and score; a shared score shares the rank', () => {
    const target = screen({ slide, results });
    expect(rows(target)).toEqual([
      ['1', 'Solrosen', '2 450'],
      ['2', 'Kvarnen', '1 800'],
      ['2', 'Älgen', '1 800'],
      ['4', 'Utan smeknamn', '1 500'],
      ['5', 'Byggaren', '740'],
      ['6', 'Lodjuret', '0'],
    ]);
    expect(target.querySelector('[data-testid="leaderboard-podium"]')).toBeNull();
    expect(text(target.querySelector('.players'))).toBe('Spelare: 6');
  });

  it('names a player without a nickname "Utan smeknamn", set apart from a chosen name', () => {
    const target = screen({ slide, results });
    const anonymous = target.querySelector('[data-testid="leaderboard-row"][data-rank="4"] .name');
    expect(text(anonymous)).toBe('Utan smeknamn');
    expect(anonymous?.classList.contains('anonymous')).toBe(true);
  });

  it('puts the top three on a podium, second on the left, first in the centre, third on the right, and lists the rest below', () => {
    const target = screen({ slide: { ...slide, podium: true }, results });
    const steps = [...target.querySelectorAll<HTMLElement>('[data-testid="podium-step"]')];
    expect(steps.map((step) => [step.dataset.position, text(step)])).toEqual([
      ['left', 'Kvarnen 1 800 2'],
      ['centre', 'Solrosen 2 450 1'],
      ['right', 'Älgen 1 800 2'],
    ]);
    // Kvarnen and Älgen share second place, so they stand equally high.
    expect(steps.map((step) => [...step.classList].find((name) => name.startsWith('height-')))).toEqual([
      'height-2',
      'height-1',
      'height-2',
    ]);
    expect(rows(target).map((row) => row[1])).toEqual(['Utan smeknamn', 'Byggaren', 'Lodjuret']);
  });

  it('draws a podium of two when only two have played', () => {
    const target = screen({
      slide: { ...slide, podium: true },
      results: { ...results, respondents: 2, entries: results.entries.slice(0, 2) },
    });
    const positions = [...target.querySelectorAll<HTMLElement>('[data-testid="podium-step"]')].map((step) => step.dataset.position);
    expect(positions).toEqual(['left', 'centre']);
    expect(target.querySelector('[data-testid="leaderboard-row"]')).toBeNull();
  });

  it('holds the standings in a table for screen readers, and hides the drawing from them', () => {
    const target = screen({ slide: { ...slide, podium: true }, results });
    expect(target.querySelector('.drawing')?.getAttribute('aria-hidden')).toBe('true');
    const table = target.querySelector('[data-testid="leaderboard-table"]');
    expect(table?.classList.contains('sr-only')).toBe(true);
    expect(text(table?.querySelector('caption'))).toBe('Topplista: Ställningen');
    expect([...(table?.querySelectorAll('thead th') ?? [])].map(text)).toEqual(['Plats', 'Smeknamn', 'Poäng']);
    expect([...(table?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.children].map(text))).toEqual([
      ['1', 'Solrosen', '2 450'],
      ['2', 'Kvarnen', '1 800'],
      ['2', 'Älgen', '1 800'],
      ['4', 'Utan smeknamn', '1 500'],
      ['5', 'Byggaren', '740'],
      ['6', 'Lodjuret', '0'],
    ]);
  });

  it('waits for the first points, and says so', () => {
    for (const waiting of [noScores, undefined]) {
      const target = screen({ slide, results: waiting });
      const empty = target.querySelector<HTMLElement>('[data-testid="leaderboard-empty"]');
      expect(empty?.dataset.state).toBe('no-scores');
      expect(text(empty)).toBe('Inga poäng än Topplistan fylls när någon har svarat på en quizfråga.');
      expect(target.querySelector('table')).toBeNull();
      mounted?.destroy();
    }
    mounted = undefined;
  });

  it('says what to add when no quiz question comes before it', () => {
    const target = screen({ slide, results: noQuizzes });
    const empty = target.querySelector<HTMLElement>('[data-testid="leaderboard-empty"]');
    expect(empty?.dataset.state).toBe('no-quiz');
    expect(text(empty?.querySelector('.lead'))).toBe('Det finns ingen quizfråga före topplistan.');
  });
});

describe('nicknames the presenter holds back, on the big screen', () => {
  beforeAll(() => setLocale('sv'));

  const approving = { ...slide, approveFirst: true };
  const tableRows = (target: Element) =>
    [...target.querySelectorAll('[data-testid="leaderboard-table"] tbody tr')].map((row) => [...row.children].map(text));
  /** Every trace of a held nickname: text, attributes (aria labels and titles included), in the drawing and the table. */
  const expectNoHeldName = (target: Element) => {
    for (const nickname of heldNicknames) expect(target.outerHTML).not.toContain(nickname);
  };

  it('lists a nickname awaiting approval or hidden like no nickname at all, in the drawing and in the table', () => {
    const target = screen({ slide: approving, results: moderated });
    const expected = [
      ['1', 'Utan smeknamn', '2 450'],
      ['2', 'Utan smeknamn', '1 800'],
      ['2', 'Älgen', '1 800'],
      ['4', 'Utan smeknamn', '1 500'],
      ['5', 'Utan smeknamn', '740'],
      ['6', 'Utan smeknamn', '0'],
    ];
    expect(rows(target)).toEqual(expected);
    expect(tableRows(target)).toEqual(expected);
    const anonymous = [...target.querySelectorAll('[data-testid="leaderboard-row"] .name')].map((name) =>
      name.classList.contains('anonymous'),
    );
    expect(anonymous).toEqual([true, true, false, true, true, true]);
    expectNoHeldName(target);
  });

  it('keeps held nicknames off the podium and the list below it', () => {
    const target = screen({ slide: { ...approving, podium: true }, results: moderated });
    const steps = [...target.querySelectorAll<HTMLElement>('[data-testid="podium-step"]')];
    expect(steps.map((step) => [step.dataset.position, text(step)])).toEqual([
      ['left', 'Utan smeknamn 1 800 2'],
      ['centre', 'Utan smeknamn 2 450 1'],
      ['right', 'Älgen 1 800 2'],
    ]);
    expect(steps.map((step) => step.querySelector('.name')?.classList.contains('anonymous'))).toEqual([true, true, false]);
    expect(rows(target).map((row) => row[1])).toEqual(['Utan smeknamn', 'Utan smeknamn', 'Utan smeknamn']);
    expectNoHeldName(target);
  });

  it('holds a hidden nickname back on a leaderboard that does not approve first, too', () => {
    const target = screen({ slide, results: moderated });
    expect(rows(target)[1]).toEqual(['2', 'Utan smeknamn', '1 800']);
    expectNoHeldName(target);
  });

  it('shows a nickname once the presenter approves it', () => {
    const target = screen({ slide: { ...approving, podium: true }, results: moderated });
    if (!mounted) throw new Error('not mounted');
    mounted.props.results = {
      ...moderated,
      entries: moderated.entries.map((entry) => (entry.nickname === 'Solrosen' ? { ...entry, held: null } : entry)),
    };
    mounted.flush();
    expect(text(target.querySelector('[data-testid="podium-step"][data-position="centre"]'))).toBe('Solrosen 2 450 1');
    expect(tableRows(target)[0]).toEqual(['1', 'Solrosen', '2 450']);
  });
});
