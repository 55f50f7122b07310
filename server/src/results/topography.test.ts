import { type Answer, type Slide, type TopographySlide, slideSchema } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import type { ReportAnswer } from './answers.js';
import { NO_WORDS, buildSlideReports } from './report.js';
import { buildTopography } from './topography.js';
import { NO_PLAY } from './derived.js';

const slides: Slide[] = slideSchema.array().parse([
  {
    id: 'role',
    kind: 'choice',
    question: 'Vilken roll har du?',
    options: [
      { id: 'tj', label: 'Tjänsteperson' },
      { id: 'chef', label: 'Chef' },
      { id: 'pol', label: 'Politiker' },
      { id: 'annan', label: 'Annan' },
    ],
  },
  {
    id: 'tools',
    kind: 'choice',
    question: 'Verktyg?',
    allowMultiple: true,
    options: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ],
  },
  {
    id: 'skills',
    kind: 'scale',
    question: 'Hur säker är du?',
    steps: 5,
    allowSkip: true,
    statements: [
      { id: 's1', label: 'Kunskaper' },
      { id: 's2', label: 'Färdigheter' },
    ],
  },
]);
const mapSlide = (segmentBy: string | null, scaleSlideId: string | null): TopographySlide => ({
  id: 'map',
  kind: 'topography',
  heading: 'Kompetenstopografi',
  segmentBy,
  scaleSlideId,
  notes: '',
});

const row = (participantId: string, slideId: string, answer: Answer): ReportAnswer => ({
  participantId,
  slideId,
  stored: { id: `${participantId}-${slideId}`, answer, updatedAt: '2026-01-01T10:00:00.000Z', hidden: false },
});
const choose = (participantId: string, optionId: string) => row(participantId, 'role', { kind: 'choice', optionIds: [optionId] });
const rate = (participantId: string, s1: number | null | undefined, s2?: number | null) =>
  row(participantId, 'skills', {
    kind: 'scale',
    ratings: [
      ...(s1 === undefined ? [] : [{ statementId: 's1', value: s1 }]),
      ...(s2 === undefined ? [] : [{ statementId: 's2', value: s2 }]),
    ],
  });

/**
 * By hand (null: "vet ej"; p7 left s2 out; p9 gave no role; p10 gave a role but did not rate):
 *   tj   p1 2,4  p2 3,null  p3 4,5  p4 null,3   s1: n 3 mean 3   s2: n 3 mean 4
 *   chef p5 5,5  p6 4,4     p7 3               s1: n 3 mean 4   s2: n 2 mean 4.5
 *   pol  p8 1,2  (p10)                          s1: n 1          s2: n 1
 *   not given p9 2,null                         s1: n 1          s2: n 0
 *   all                                         s1: n 8 mean 3   s2: n 6 mean 23/6
 */
const answers: ReportAnswer[] = [
  ...['p1', 'p2', 'p3', 'p4'].map((p) => choose(p, 'tj')),
  ...['p5', 'p6', 'p7'].map((p) => choose(p, 'chef')),
  choose('p8', 'pol'),
  choose('p10', 'pol'),
  rate('p1', 2, 4),
  rate('p2', 3, null),
  rate('p3', 4, 5),
  rate('p4', null, 3),
  rate('p5', 5, 5),
  rate('p6', 4, 4),
  rate('p7', 3),
  rate('p8', 1, 2),
  rate('p9', 2, null),
];

const hidden = { n: 0, mean: null, sd: null, hidden: true };
const empty = { n: 0, mean: null, sd: null, hidden: false };
const shown = (n: number, mean: number, sd: number) => ({
  n,
  mean: expect.closeTo(mean, 10) as unknown,
  sd: expect.closeTo(sd, 10) as unknown,
  hidden: false,
});

describe('buildTopography', () => {
  const topography = buildTopography({ slide: mapSlide('role', 'skills'), deck: slides, answers, threshold: 3 });

  it('says what it is drawn from: the two questions, the scale and its respondents', () => {
    expect(topography).toMatchObject({
      kind: 'topography',
      slideId: 'map',
      unavailable: null,
      threshold: 3,
      respondents: 9,
      segmentQuestion: 'Vilken roll har du?',
      scaleQuestion: 'Hur säker är du?',
      scale: { steps: 5, minLabel: '', maxLabel: '' },
    });
  });

  it('columns are the statements with their totals; "vet ej" is in neither n nor mean', () => {
    expect(topography.columns).toEqual([
      { statementId: 's1', label: 'Kunskaper', total: shown(8, 3, Math.sqrt(12 / 8)) },
      { statementId: 's2', label: 'Färdigheter', total: shown(6, 23 / 6, Math.sqrt(41 / 36)) },
    ]);
  });

  it('rows in option order, "not given" last, with n per row under the same k rule', () => {
    expect(topography.rows.map(({ optionId, label, respondents, hidden: rowHidden }) => [optionId, label, respondents, rowHidden])).toEqual(
      [
        ['tj', 'Tjänsteperson', 4, false],
        ['chef', 'Chef', 0, true],
        ['pol', 'Politiker', 0, true],
        ['annan', 'Annan', 0, false],
        [null, '', 0, true],
      ],
    );
  });

  it('the k rule per statement, with its total as the shown total', () => {
    expect(topography.rows.map(({ cells }) => cells)).toEqual([
      // s1: pol and not given (1 each, 2 together) take the later of tj and chef (3 each); s2: chef (k−1) and pol hold k
      // together. A withheld row withholds all its cells, even one nobody in it rated.
      [shown(3, 3, Math.sqrt(2 / 3)), shown(3, 4, Math.sqrt(2 / 3))],
      [hidden, hidden],
      [hidden, hidden],
      [empty, empty],
      [hidden, hidden],
    ]);
  });

  it('a statement total under k hides the whole column, leaving empty cells of shown rows empty', () => {
    const strict = buildTopography({ slide: mapSlide('role', 'skills'), deck: slides, answers, threshold: 7 });
    expect(strict.columns.map(({ total }) => total)).toEqual([shown(8, 3, Math.sqrt(12 / 8)), hidden]);
    expect(strict.rows.map(({ cells }) => cells[1])).toEqual([hidden, hidden, hidden, empty, hidden]);
    expect(strict.rows.every(({ hidden: rowHidden, respondents }) => rowHidden || respondents === 0)).toBe(true);
  });

  it('no answers: every row and cell empty, every total hidden', () => {
    const none = buildTopography({ slide: mapSlide('role', 'skills'), deck: slides, answers: [], threshold: 3 });
    expect(none.columns.map(({ total }) => total)).toEqual([hidden, hidden]);
    expect(none.rows.flatMap(({ cells }) => cells).every((cell) => cell.hidden === false && cell.n === 0)).toBe(true);
  });
});

describe('a topography that cannot be drawn', () => {
  it.each([
    [null, 'skills', 'not_chosen'],
    ['role', null, 'not_chosen'],
    ['tools', 'skills', 'segment_missing'],
    ['gone', 'skills', 'segment_missing'],
    ['role', 'deleted', 'scale_missing'],
    ['role', 'tools', 'scale_missing'],
  ])('rows from %s, columns from %s: %s, and no numbers at all', (segmentBy, scale, reason) => {
    const results = buildTopography({ slide: mapSlide(segmentBy, scale), deck: slides, answers, threshold: 3 });
    expect(results).toMatchObject({ kind: 'topography', slideId: 'map', unavailable: reason, respondents: 0, columns: [], rows: [] });
  });
});

describe('the map and the results page agree', () => {
  it.each([3, 4, 7])('k = %i: splitting the scale by the same question withholds exactly the cells the map withholds', (threshold) => {
    const map = buildTopography({ slide: mapSlide('role', 'skills'), deck: slides, answers, threshold });
    const report = buildSlideReports({ slides, answers, words: NO_WORDS, segmentBy: 'role', threshold, questions: [], play: NO_PLAY });
    if (!report.ok) throw new Error(report.problem.message);
    const split = report.slides.find((slide) => slide.slideId === 'skills')?.segments ?? [];
    const fromReport = split.map((segment) =>
      segment.results?.kind === 'scale'
        ? segment.results.statements.map((statement) => (statement.hidden ? 'hidden' : statement.n))
        : segment.respondents === 0 && segment.results === null
          ? ['hidden', 'hidden']
          : [],
    );
    const fromMap = map.rows.map((row) => row.cells.map((cell) => (cell.hidden ? 'hidden' : cell.n)));
    expect(fromReport).toEqual(fromMap);
  });
});
