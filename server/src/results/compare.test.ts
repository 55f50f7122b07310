import { type Answer, type Results, type Slide, type SlideReport, slideSchema } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { compareRuns } from './compare.js';
import { NO_WORDS, type ReportAnswer, buildSlideReports } from './report.js';
import { NO_PLAY } from './derived.js';

const choice = (slideId: string, ja: number, nej: number): Results => ({
  kind: 'choice',
  slideId,
  respondents: ja + nej,
  counts: [
    { optionId: 'ja', count: ja },
    { optionId: 'nej', count: nej },
  ],
});
const scale = (slideId: string, counts: number[], mean: number): Results => ({
  kind: 'scale',
  slideId,
  respondents: counts.reduce((sum, n) => sum + n, 0),
  statements: [{ statementId: 's1', counts, skipped: 0, n: counts.reduce((sum, n) => sum + n, 0), mean, sd: 1, hidden: false }],
});
const report = (slideId: string, kind: SlideReport['kind'], title: string, results: Results | null): SlideReport => ({
  slideId,
  kind,
  title,
  results,
  segments: null,
});

describe('compareRuns', () => {
  it('puts every slide once in deck order, with one entry per run in the runs’ order, null where a run was withheld', () => {
    // Three runs of one deck by hand: the second had too few on the scale, the third too few on the choice.
    const first = [
      report('ai', 'choice', 'Använder du AI?', choice('ai', 3, 4)),
      report('skala', 'scale', 'Hur säker är du?', scale('skala', [1, 2, 2, 0, 0], 2.2)),
      report('ord', 'wordcloud', 'Ett ord?', null),
    ];
    const second = [
      report('ai', 'choice', 'Använder du AI?', choice('ai', 5, 2)),
      report('skala', 'scale', 'Hur säker är du?', null),
      report('ord', 'wordcloud', 'Ett ord?', null),
    ];
    const third = [
      report('ai', 'choice', 'Använder du AI?', null),
      report('skala', 'scale', 'Hur säker är du?', scale('skala', [0, 0, 1, 3, 2], 4.2)),
      report('ord', 'wordcloud', 'Ett ord?', null),
    ];

    expect(compareRuns([first, second, third])).toEqual([
      { slideId: 'ai', kind: 'choice', title: 'Använder du AI?', runs: [choice('ai', 3, 4), choice('ai', 5, 2), null] },
      {
        slideId: 'skala',
        kind: 'scale',
        title: 'Hur säker är du?',
        runs: [scale('skala', [1, 2, 2, 0, 0], 2.2), null, scale('skala', [0, 0, 1, 3, 2], 4.2)],
      },
      { slideId: 'ord', kind: 'wordcloud', title: 'Ett ord?', runs: [null, null, null] },
    ]);
  });

  it('keeps a slide only one run’s report lists, null for the others, and lists nothing for no slides', () => {
    const drawn = report('karta', 'topography', 'Kompetenstopografi', null);
    const compared = compareRuns([[report('ai', 'choice', 'AI?', choice('ai', 1, 1))], [report('ai', 'choice', 'AI?', null), drawn]]);
    expect(compared.map((slide) => [slide.slideId, slide.runs])).toEqual([
      ['ai', [choice('ai', 1, 1), null]],
      ['karta', [null, null]],
    ]);
    expect(compareRuns([[], []])).toEqual([]);
  });

  it('applies k per run: the same deck and k, one run over k and one under', () => {
    const slides: Slide[] = slideSchema.array().parse([
      { id: 'intro', kind: 'content', heading: 'Välkommen' },
      {
        id: 'ai',
        kind: 'choice',
        question: 'Använder du AI?',
        options: [
          { id: 'ja', label: 'Ja' },
          { id: 'nej', label: 'Nej' },
        ],
      },
    ]);
    const answer = (participantId: string, optionId: string): ReportAnswer => {
      const given: Answer = { kind: 'choice', optionIds: [optionId] };
      return {
        participantId,
        slideId: 'ai',
        stored: { id: participantId, answer: given, updatedAt: '2026-01-01T10:00:00.000Z', hidden: false },
      };
    };
    const run = (answers: ReportAnswer[]) => {
      const built = buildSlideReports({ slides, answers, words: NO_WORDS, segmentBy: null, threshold: 3, questions: [], play: NO_PLAY });
      if (!built.ok) throw new Error(built.problem.message);
      return built.slides;
    };

    const compared = compareRuns([
      run([answer('a', 'ja'), answer('b', 'nej'), answer('c', 'ja')]),
      run([answer('d', 'ja'), answer('e', 'ja')]),
    ]);
    expect(compared).toEqual([{ slideId: 'ai', kind: 'choice', title: 'Använder du AI?', runs: [choice('ai', 2, 1), null] }]);
  });
});
