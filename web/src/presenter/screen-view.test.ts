import {
  slideSchema,
  type ChoiceSlide,
  type LeaderboardSlide,
  type QaSlide,
  type Results,
  type Segment,
  type Slide,
  type TopographySlide,
} from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { AREA_ASPECT, chartColumns, screenView, type ScreenInput } from './screen-view';

const ROLE: ChoiceSlide = {
  kind: 'choice',
  id: 'role',
  question: 'Vilken roll har du?',
  options: [
    { id: 'staff', label: 'Tjänsteperson' },
    { id: 'chief', label: 'Kommunchef' },
    { id: 'politician', label: 'Politiker' },
    { id: 'other', label: 'Annan roll' },
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
  showResultsOnPhones: false,
};
const MANY: ChoiceSlide = { ...ROLE, id: 'many', allowMultiple: true };
const DECK: Slide[] = [ROLE, TOOLS, MANY];

const tools = (daily: number, rarely: number): Results => ({
  kind: 'choice',
  slideId: 'tools',
  respondents: daily + rarely,
  counts: [
    { optionId: 'daily', count: daily },
    { optionId: 'rarely', count: rarely },
  ],
});
const segment = (optionId: string | null, results: Results | null): Segment => ({
  optionId,
  label: ROLE.options.find((option) => option.id === optionId)?.label ?? '',
  respondents: results?.respondents ?? 0,
  results,
});
/** Six officials shown, two managers and one politician withheld, no one with another role, two who did not say. */
const SEGMENTS: Segment[] = [
  segment('staff', tools(4, 2)),
  segment('chief', null),
  segment('politician', null),
  segment('other', tools(0, 0)),
  segment(null, null),
];

const input = (overrides: Partial<ScreenInput> = {}): ScreenInput => ({
  slide: TOOLS,
  deck: DECK,
  split: null,
  threshold: 5,
  results: tools(6, 5),
  withheld: undefined,
  segments: undefined,
  ...overrides,
});

describe('the big screen without a split', () => {
  it('draws everyone’s results, and the empty chart before anyone has answered', () => {
    expect(screenView(input())).toEqual({ key: null, body: { show: 'results', results: tools(6, 5) } });
    expect(screenView(input({ results: tools(0, 0) })).body).toEqual({ show: 'results', results: tools(0, 0) });
    expect(screenView(input({ results: undefined })).body).toEqual({ show: 'results', results: undefined });
  });

  it('shows "too few yet" for results of fewer than k, which only the presenter’s screens receive', () => {
    expect(screenView(input({ results: tools(3, 1) })).body).toEqual({ show: 'too-few', yet: true });
    expect(screenView(input({ results: tools(3, 1), threshold: 4 })).body).toEqual({ show: 'results', results: tools(3, 1) });
  });

  it('shows "too few yet" when the server withheld them (strict anonymity)', () => {
    expect(screenView(input({ results: undefined, withheld: 2 })).body).toEqual({ show: 'too-few', yet: true });
  });
});

describe('the big screen split by a single-choice question', () => {
  const split = (show: NonNullable<ScreenInput['split']>['show']) => ({ slideId: 'role', show });

  it('shows the split question itself as usual, without a key', () => {
    const view = screenView(input({ slide: ROLE, split: split('side-by-side'), results: undefined, segments: SEGMENTS }));
    expect(view).toEqual({ key: null, body: { show: 'results', results: undefined } });
  });

  it('ignores a split by a question the deck no longer has as a single choice', () => {
    expect(screenView(input({ split: { slideId: 'gone', show: 'all' } })).key).toBeNull();
    expect(screenView(input({ split: { slideId: 'many', show: 'side-by-side' }, segments: SEGMENTS })).key).toBeNull();
  });

  it('"Alla": everyone’s results under a key, k applied as without a split', () => {
    const key = { question: 'Vilken roll har du?', showing: { group: 'all' } };
    expect(screenView(input({ split: split('all'), segments: SEGMENTS }))).toEqual({
      key,
      body: { show: 'results', results: tools(6, 5) },
    });
    expect(screenView(input({ split: split('all'), results: tools(1, 1) }))).toEqual({ key, body: { show: 'too-few', yet: true } });
  });

  it('one group: its own results, named with its n in the key', () => {
    expect(screenView(input({ split: split({ optionId: 'staff' }), segments: SEGMENTS }))).toEqual({
      key: { question: 'Vilken roll har du?', showing: { group: 'one', label: 'Tjänsteperson', respondents: 6 } },
      body: { show: 'results', results: tools(4, 2) },
    });
  });

  it('one group that is withheld: "too few", and no n in the key, since its size would give it away', () => {
    expect(screenView(input({ split: split({ optionId: 'chief' }), segments: SEGMENTS }))).toEqual({
      key: { question: 'Vilken roll har du?', showing: { group: 'one', label: 'Kommunchef', respondents: null } },
      body: { show: 'too-few', yet: false },
    });
    expect(screenView(input({ split: split({ optionId: null }), segments: SEGMENTS }))).toEqual({
      key: { question: 'Vilken roll har du?', showing: { group: 'one', label: null, respondents: null } },
      body: { show: 'too-few', yet: false },
    });
  });

  it('one group of no one: its empty chart, since there is no one to protect', () => {
    expect(screenView(input({ split: split({ optionId: 'other' }), segments: SEGMENTS }))).toEqual({
      key: { question: 'Vilken roll har du?', showing: { group: 'one', label: 'Annan roll', respondents: 0 } },
      body: { show: 'results', results: tools(0, 0) },
    });
  });

  it('side by side: every group with anyone in it, withheld ones included and never as a zero', () => {
    const view = screenView(input({ split: split('side-by-side'), segments: SEGMENTS }));
    expect(view.key).toEqual({ question: 'Vilken roll har du?', showing: { group: 'side-by-side' } });
    expect(view.body).toEqual({ show: 'side-by-side', panels: [SEGMENTS[0], SEGMENTS[1], SEGMENTS[2], SEGMENTS[4]] });
  });

  it('side by side before anyone has answered: no panels', () => {
    const empty = ROLE.options.map((option) => segment(option.id, tools(0, 0)));
    const view = screenView(input({ split: split('side-by-side'), segments: [...empty, segment(null, tools(0, 0))] }));
    expect(view.body).toEqual({ show: 'side-by-side', panels: [] });
  });

  it('waits for the groups to be counted rather than showing everyone’s results under a key that names a group', () => {
    expect(screenView(input({ split: split('side-by-side') })).body).toEqual({ show: 'waiting' });
    expect(screenView(input({ split: split({ optionId: 'staff' }) }))).toEqual({
      key: { question: 'Vilken roll har du?', showing: { group: 'one', label: 'Tjänsteperson', respondents: null } },
      body: { show: 'waiting' },
    });
  });
});

describe('the big screen split, on slides that are not questions', () => {
  const QA = slideSchema.parse({ id: 'qa', kind: 'qa', question: 'Frågor?' }) as QaSlide;
  const BOARD = slideSchema.parse({ id: 'board', kind: 'leaderboard', heading: 'Topplista' }) as LeaderboardSlide;
  const MAP = slideSchema.parse({ id: 'map', kind: 'topography', heading: 'Karta', segmentBy: 'role' }) as TopographySlide;
  const qa = (respondents: number): Results => ({
    kind: 'qa',
    slideId: 'qa',
    respondents,
    total: respondents,
    pending: 0,
    hidden: 0,
    questions: [],
  });
  const board = (respondents: number): Results => ({ kind: 'leaderboard', slideId: 'board', respondents, quizzes: 2, entries: [] });
  const split = { slideId: 'role', show: 'side-by-side' } as const;
  const splitInput = (slide: ScreenInput['slide'], results: (respondents: number) => Results) =>
    input({
      slide,
      deck: [...DECK, slide],
      split,
      results: results(11),
      segments: [
        segment('staff', results(6)),
        segment('chief', null),
        segment('politician', results(0)),
        segment('other', results(0)),
        segment(null, null),
      ],
    });

  it.each([
    ['a Q&A, by who asked', QA, qa],
    ['a leaderboard, by who played', BOARD, board],
  ] as const)('splits %s, k applied by the server as for a question', (_, slide, results) => {
    const view = screenView(splitInput(slide, results));
    expect(view.key).toEqual({ question: 'Vilken roll har du?', showing: { group: 'side-by-side' } });
    expect(view.body).toEqual({
      show: 'side-by-side',
      panels: [segment('staff', results(6)), segment('chief', null), segment(null, null)],
    });
    expect(screenView({ ...splitInput(slide, results), split: { slideId: 'role', show: { optionId: 'staff' } } })).toEqual({
      key: { question: 'Vilken roll har du?', showing: { group: 'one', label: 'Tjänsteperson', respondents: 6 } },
      body: { show: 'results', results: results(6) },
    });
  });

  it('shows a competence map as usual, since it splits itself', () => {
    const view = screenView({ ...splitInput(MAP, qa), results: undefined });
    expect(view).toEqual({ key: null, body: { show: 'results', results: undefined } });
  });
});

describe('how many columns the groups side by side take on a 1920 × 1080 screen', () => {
  // The results area below the question and the key, with a strip of withheld groups under it or without.
  const [width, withStrip, alone] = [1728, 560, 690];
  const BARS = 1000 / 244; // three options
  const WORDS = 1600 / 700;

  it('stacks two bar charts, wide and short, each with its group’s name beside it', () => {
    expect(chartColumns(2, BARS, width, withStrip)).toBe(1);
  });

  it('puts two word clouds or two scales, which fill their cell, side by side', () => {
    expect(chartColumns(2, WORDS, width, withStrip)).toBe(2);
    expect(chartColumns(2, AREA_ASPECT, width, alone)).toBe(2);
  });

  it('puts four bar charts two by two, and five charts of a scale three and two', () => {
    expect(chartColumns(4, BARS, width, alone)).toBe(2);
    expect(chartColumns(5, AREA_ASPECT, width, alone)).toBe(3);
  });

  it('gives one chart the whole width, and two columns before the area is laid out', () => {
    expect(chartColumns(1, WORDS, width, alone)).toBe(1);
    expect(chartColumns(3, BARS, 0, 0)).toBe(2);
    expect(chartColumns(1, BARS, 0, 0)).toBe(1);
  });
});
