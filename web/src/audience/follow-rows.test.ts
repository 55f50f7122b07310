import { slideSchema, type QuestionSlide } from '@ettor/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDecimal, setLocale, t } from '../i18n/i18n.svelte';
import { results as ranking, slide as rankingSlide } from '../slides/ranking/fixtures';
import { followRows as rowsOf, type FollowRow } from './follow-rows';

const followRows = (slide: QuestionSlide, results: Parameters<typeof rowsOf>[1]): FollowRow[] =>
  rowsOf(slide, results, { t, decimal: formatDecimal });

const question = (input: unknown) => slideSchema.parse(input) as QuestionSlide;

describe('the big screen’s results as rows, for kinds phones draw none of', () => {
  beforeAll(() => setLocale('sv'));

  it('ranks items by their mean place, unranked last', () => {
    expect(followRows(rankingSlide, ranking)).toEqual([
      { label: 'Kompetens', value: 'plats 1,3 i snitt' },
      { label: 'Ekonomi', value: 'plats 2,0 i snitt' },
      { label: 'Samverkan', value: 'plats 2,8 i snitt' },
      { label: '', value: '0 svar' },
    ]);
  });

  it('gives a scale’s means and says where too few rated a statement', () => {
    const slide = question({
      id: 's',
      kind: 'scale',
      question: 'Hur väl stämmer det?',
      statements: [
        { id: 'a', label: 'Vi samarbetar' },
        { id: 'b', label: 'Vi lyssnar' },
      ],
      steps: 5,
    });
    const rows = followRows(slide, {
      kind: 'scale',
      slideId: 's',
      respondents: 6,
      statements: [
        { statementId: 'a', counts: [0, 1, 2, 2, 1], skipped: 0, n: 6, mean: 3.5, sd: 1, hidden: false },
        { statementId: 'b', counts: [0, 0, 0, 0, 0], skipped: 4, n: 0, mean: null, sd: null, hidden: true },
      ],
    });
    expect(rows).toEqual([
      { label: 'Vi samarbetar', value: 'medel 3,5 av 5' },
      { label: 'Vi lyssnar', value: 'För få svar än' },
    ]);
  });

  it('lists a pin’s regions with the pins outside them, and a quiz’s options, and open answers as they are', () => {
    const pin = question({
      id: 'p',
      kind: 'pin',
      question: 'Var bor du?',
      regions: [{ id: 'n', label: 'Norr', x: 0, y: 0, width: 1, height: 0.5 }],
    });
    expect(
      followRows(pin, { kind: 'pin', slideId: 'p', respondents: 3, cells: [], regions: [{ regionId: 'n', count: 2 }], outside: 1 }),
    ).toEqual([
      { label: 'Norr', value: '2 svar' },
      { label: 'Utanför områdena', value: '1 svar' },
    ]);
    const quiz = question({
      id: 'q',
      kind: 'quiz',
      question: 'År?',
      options: [
        { id: 'a', label: '2020' },
        { id: 'b', label: '2025' },
      ],
    });
    expect(
      followRows(quiz, {
        kind: 'quiz',
        slideId: 'q',
        respondents: 3,
        correct: 2,
        counts: [
          { optionId: 'a', count: 1 },
          { optionId: 'b', count: 2 },
        ],
      }),
    ).toEqual([
      { label: '2020', value: '1 svar' },
      { label: '2025', value: '2 svar' },
    ]);
    const open = question({ id: 'o', kind: 'open', question: 'Vad tar du med dig?' });
    expect(followRows(open, { kind: 'open', slideId: 'o', respondents: 1, entries: [{ id: 'r', text: 'Mod', hidden: false }] })).toEqual([
      { label: 'Mod', value: '' },
    ]);
  });

  it('places a grid’s items on its two axes', () => {
    const grid = question({
      id: 'g',
      kind: 'grid',
      question: 'Var står vi?',
      items: [{ id: 'i', label: 'Digitalisering' }],
      x: { label: 'Nytta', minLabel: '', maxLabel: '' },
      y: { label: '', minLabel: '', maxLabel: '' },
    });
    expect(
      followRows(grid, {
        kind: 'grid',
        slideId: 'g',
        respondents: 4,
        items: [{ itemId: 'i', n: 4, meanX: 7.25, meanY: 3, sdX: 1, sdY: 1, hidden: false }],
      }),
    ).toEqual([{ label: 'Digitalisering', value: 'Nytta 7,3, y 3,0' }]);
  });
});
