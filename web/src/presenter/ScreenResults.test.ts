import type { ChoiceSlide, LeaderboardSlide, QaQuestion, QaSlide, QuizSlide, Results, Segment } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import type { Voting } from '../slides/kind';
import { results as quizResults, slide as quiz } from '../slides/quiz/fixtures';
import { render, type Mounted } from '../test-support/render.svelte';
import type { ScreenInput } from './screen-view';
import ScreenResults from './ScreenResults.svelte';

const ROLE: ChoiceSlide = {
  kind: 'choice',
  id: 'role',
  question: 'Vilken roll har du?',
  options: [
    { id: 'staff', label: 'Tjänsteperson' },
    { id: 'chief', label: 'Kommunchef' },
    { id: 'politician', label: 'Politiker' },
  ],
  allowMultiple: false,
  allowChange: true,
  showResultsOnPhones: true,
  notes: '',
};
const TOOLS: ChoiceSlide = {
  ...ROLE,
  id: 'tools',
  question: 'Hur ofta använder du digitala verktyg?',
  options: [
    { id: 'daily', label: 'Dagligen' },
    { id: 'rarely', label: 'Sällan' },
  ],
};
const tools = (daily: number, rarely: number): Results => ({
  kind: 'choice',
  slideId: 'tools',
  respondents: daily + rarely,
  counts: [
    { optionId: 'daily', count: daily },
    { optionId: 'rarely', count: rarely },
  ],
});
const SEGMENTS: Segment[] = [
  { optionId: 'staff', label: 'Tjänsteperson', respondents: 6, results: tools(4, 2) },
  { optionId: 'chief', label: 'Kommunchef', respondents: 5, results: tools(1, 4) },
  { optionId: 'politician', label: 'Politiker', respondents: 0, results: null },
  { optionId: null, label: '', respondents: 0, results: null },
];

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** A bar chart's numbers as its text alternative gives them: option, count, share. */
const rows = (scope: Element | null | undefined) =>
  [...(scope?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.children].map((cell) => text(cell)));

type Props = ScreenInput & {
  voting: Voting;
  shown?: boolean;
  join?: { code: string; joinUrl: string; reachable: boolean } | null;
};
let mounted: Mounted<Props> | undefined;
function screen(overrides: Partial<Props>): Mounted<Props> {
  mounted = render(ScreenResults, {
    slide: TOOLS,
    deck: [ROLE, TOOLS],
    split: null,
    threshold: 5,
    results: tools(6, 5),
    withheld: undefined,
    segments: SEGMENTS,
    voting: { open: true, closesAt: null, pausedLeftMs: null, awaitingStart: false },
    ...overrides,
  });
  return mounted;
}

describe('the big screen’s results area', () => {
  beforeAll(() => setLocale('sv'));
  afterEach(() => mounted?.destroy());

  it('without a split: everyone’s bars, no key', () => {
    const { target } = screen({});
    expect(target.querySelector('[data-testid="split-key"]')).toBeNull();
    expect(rows(target)).toEqual([
      ['Dagligen', '6', '55 %'],
      ['Sällan', '5', '45 %'],
    ]);
  });

  it('below k: "För få svar än" and when the results will show, with no number of the results', () => {
    const { target } = screen({ results: tools(3, 1) });
    const withheld = target.querySelector('[data-testid="withheld"]');
    expect(text(withheld)).toBe('För få svar än Resultaten visas när minst 5 har svarat.');
    expect(target.querySelector('table')).toBeNull();
  });

  it('below k, keeps an open quiz’s options on the screen, which show no figures, and withholds them once it closes', () => {
    const quiz: QuizSlide = {
      kind: 'quiz',
      id: 'quiz',
      question: 'Vilket år grundades kommunen?',
      options: [
        { id: 'a', label: '1863' },
        { id: 'b', label: '1971' },
      ],
      correct: ['b'],
      multiple: false,
      seconds: 20,
      points: 1000,
      speedPoints: true,
      allowChange: false,
      notes: '',
    };
    const results: Results = {
      kind: 'quiz',
      slideId: 'quiz',
      respondents: 2,
      correct: 1,
      counts: [
        { optionId: 'a', count: 1 },
        { optionId: 'b', count: 1 },
      ],
    };
    const view = screen({ slide: quiz, deck: [quiz], results });
    expect(view.target.querySelector('[data-testid="withheld"]')).toBeNull();
    expect([...view.target.querySelectorAll('[data-testid="quiz-option"]')].map(text)).toEqual(['A 1863', 'B 1971']);
    expect(view.target.textContent).not.toMatch(/%/);

    view.props.voting = { open: false, closesAt: null, pausedLeftMs: null, awaitingStart: false };
    view.flush();
    expect(text(view.target.querySelector('[data-testid="withheld"]'))).toBe('För få svar än Resultaten visas när minst 5 har svarat.');
    expect(view.target.querySelector('[data-testid="quiz-screen"]')).toBeNull();
  });

  it('draws a quiz waiting for its countdown as an open one, held back or below k: its options, nothing of its outcome', () => {
    const awaiting = { open: false, closesAt: null, pausedLeftMs: null, awaitingStart: true };
    const view = screen({ slide: quiz, deck: [quiz], results: quizResults, segments: undefined, voting: awaiting, shown: false });
    const drawn = () => [...view.target.querySelectorAll('[data-testid="quiz-option"]')].map(text);
    expect(view.target.querySelector('[data-testid="results-waiting"]')).toBeNull();
    expect(drawn()).toEqual(['A 1863', 'B 1971', 'C 1992']);
    expect(view.target.querySelector('[data-testid="quiz-correct"]')).toBeNull();
    expect(view.target.textContent).not.toMatch(/%|svarade rätt/);

    view.props.shown = true;
    view.props.threshold = 6;
    view.flush();
    expect(view.target.querySelector('[data-testid="withheld"]')).toBeNull();
    expect(drawn()).toEqual(['A 1863', 'B 1971', 'C 1992']);
  });

  it('side by side: a key, a panel per group with its n, and "För få svar" for withheld groups, never a zero', () => {
    const { target } = screen({ split: { slideId: 'role', show: 'side-by-side' } });
    expect(text(target.querySelector('[data-testid="split-key"]'))).toBe('Uppdelat på: Vilken roll har du? · Visar: Sida vid sida');
    const panels = [...target.querySelectorAll('[data-testid="split-panel"]')];
    expect(panels.map((panel) => [panel.getAttribute('data-state'), text(panel.querySelector('h3'))])).toEqual([
      ['shown', 'Tjänsteperson 6 svar'],
      ['shown', 'Kommunchef 5 svar'],
      ['withheld', 'Politiker'],
      ['withheld', 'Ej angivet'],
    ]);
    expect(rows(panels[0])).toEqual([
      ['Dagligen', '4', '67 %'],
      ['Sällan', '2', '33 %'],
    ]);
    expect(panels[0]?.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe(
      'Hur ofta använder du digitala verktyg?: Tjänsteperson',
    );
    for (const panel of panels.slice(2)) {
      expect(text(panel.querySelector('[data-testid="too-few"]'))).toBe('För få svar');
      expect(text(panel)).not.toMatch(/\d/);
    }
  });

  it('follows the presenter: from side by side to one group, and back to everyone', () => {
    const view = screen({ split: { slideId: 'role', show: 'side-by-side' } });
    view.props.split = { slideId: 'role', show: { optionId: 'chief' } };
    view.flush();
    expect(text(view.target.querySelector('[data-testid="split-key"]'))).toBe(
      'Uppdelat på: Vilken roll har du? · Visar: Kommunchef (5 svar)',
    );
    expect(view.target.querySelectorAll('[data-testid="split-panel"]')).toHaveLength(0);
    expect(rows(view.target)).toEqual([
      ['Dagligen', '1', '20 %'],
      ['Sällan', '4', '80 %'],
    ]);

    view.props.split = { slideId: 'role', show: { optionId: null } };
    view.flush();
    expect(text(view.target.querySelector('[data-testid="split-key"]'))).toBe('Uppdelat på: Vilken roll har du? · Visar: Ej angivet');
    expect(text(view.target.querySelector('[data-testid="withheld"]'))).toBe('För få svar');

    view.props.split = { slideId: 'role', show: 'all' };
    view.flush();
    expect(text(view.target.querySelector('[data-testid="split-key"]'))).toBe('Uppdelat på: Vilken roll har du? · Visar: Alla');
    expect(rows(view.target)).toEqual([
      ['Dagligen', '6', '55 %'],
      ['Sällan', '5', '45 %'],
    ]);
  });

  it('side by side on a Q&A and a leaderboard: each group’s own questions or standings in its panel', () => {
    const qa: QaSlide = {
      kind: 'qa',
      id: 'qa',
      question: 'Frågor?',
      anytime: true,
      approveFirst: false,
      names: true,
      maxLength: 280,
      notes: '',
    };
    const asked = (id: string, votes: number): QaQuestion => ({
      id,
      text: `Fråga ${id}`,
      name: null,
      askedAt: `2026-01-01T10:00:0${id}.000Z`,
      votes,
      status: 'shown',
      answered: false,
      pinned: false,
    });
    const questions = (...list: QaQuestion[]): Results => ({
      kind: 'qa',
      slideId: 'qa',
      respondents: list.length,
      total: list.length,
      pending: 0,
      hidden: 0,
      questions: list,
    });
    const split = { slideId: 'role', show: 'side-by-side' } as const;
    const view = screen({
      slide: qa,
      deck: [ROLE, qa],
      split,
      results: questions(asked('1', 4), asked('2', 1), asked('3', 0)),
      segments: [
        { optionId: 'staff', label: 'Tjänsteperson', respondents: 2, results: questions(asked('2', 1), asked('3', 0)) },
        { optionId: 'chief', label: 'Kommunchef', respondents: 0, results: null },
      ],
    });
    const ids = (panel: Element | undefined) =>
      [...(panel?.querySelectorAll('[data-testid="qa-row"]') ?? [])].map((row) => row.getAttribute('data-question-id'));
    let panels = [...view.target.querySelectorAll('[data-testid="split-panel"]')];
    expect(panels.map((panel) => text(panel.querySelector('h3')))).toEqual(['Tjänsteperson 2 svar', 'Kommunchef']);
    expect(ids(panels[0])).toEqual(['2', '3']);
    view.destroy();

    const board: LeaderboardSlide = {
      kind: 'leaderboard',
      id: 'board',
      heading: 'Topplista',
      podium: false,
      shown: 10,
      approveFirst: false,
      notes: '',
    };
    const standings = (...scores: [number, string, number][]): Results => ({
      kind: 'leaderboard',
      slideId: 'board',
      respondents: scores.length,
      quizzes: 2,
      entries: scores.map(([rank, nickname, score]) => ({ rank, nickname, held: null, score })),
    });
    screen({
      slide: board,
      deck: [ROLE, board],
      split,
      results: standings([1, 'Cia', 2000], [2, 'Tina', 1000], [3, 'Tor', 500]),
      segments: [
        { optionId: 'staff', label: 'Tjänsteperson', respondents: 2, results: standings([1, 'Tina', 1000], [2, 'Tor', 500]) },
        { optionId: 'chief', label: 'Kommunchef', respondents: 0, results: null },
      ],
    });
    panels = [...(mounted?.target.querySelectorAll('[data-testid="split-panel"]') ?? [])];
    const players = [...(panels[0]?.querySelectorAll('[data-testid="leaderboard-row"]') ?? [])].map(text);
    expect(players).toEqual(['1 Tina 1 000', '2 Tor 500']);
    expect(text(panels[1])).toBe('Kommunchef För få svar');
  });

  it('while the presenter holds the results back: the question’s count, large, and no chart until they are revealed', () => {
    const view = screen({ shown: false });
    expect(text(view.target.querySelector('[data-testid="results-waiting"]'))).toBe(
      '11 svar Presentatören visar resultaten när det är dags.',
    );
    expect(view.target.querySelector('table')).toBeNull();
    expect(view.target.textContent).not.toMatch(/%/);

    view.props.shown = true;
    view.flush();
    expect(view.target.querySelector('[data-testid="results-waiting"]')).toBeNull();
    expect(rows(view.target)).toEqual([
      ['Dagligen', '6', '55 %'],
      ['Sällan', '5', '45 %'],
    ]);
  });

  it('counts answers the threshold withholds as well, and holds back a split too', () => {
    const { target } = screen({ shown: false, results: undefined, withheld: 1, split: { slideId: 'role', show: 'side-by-side' } });
    expect(text(target.querySelector('[data-testid="waiting-count"]'))).toBe('1 svar');
    expect(target.querySelector('[data-testid="split-key"]')).toBeNull();
    expect(target.querySelectorAll('[data-testid="split-panel"]')).toHaveLength(0);
  });

  it('invites the room while no one has answered and the results are held back, with the address and the code', () => {
    const join = { code: '12345678', joinUrl: 'https://ettor.example', reachable: true };
    const view = screen({ results: tools(0, 0), shown: false, join });
    const invite = view.target.querySelector('[data-testid="results-invite"]');
    expect(text(invite)).toBe('Bli först att svara! Gå till ettor.example och skriv koden 1234 5678.');
    // The code's halves stay on one line.
    expect(invite?.textContent).toContain('1234\u00a05678');
    expect(view.target.querySelector('table')).toBeNull();

    view.props.join = { ...join, reachable: false };
    view.flush();
    expect(text(view.target.querySelector('[data-testid="results-invite"]'))).toBe('Bli först att svara!');

    view.props.results = tools(1, 0);
    view.flush();
    expect(view.target.querySelector('[data-testid="results-invite"]')).toBeNull();
    expect(text(view.target.querySelector('[data-testid="waiting-count"]'))).toBe('1 svar');
  });
});
