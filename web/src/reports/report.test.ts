import { slideSchema, type Slide, type SlideReport } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { matchRoute } from '../app/router.svelte';
import { exportHref, formatSpan, initialSegmentBy, panelsOf, resultsAddress, segmentingQuestions, sharedAddress, shareUrl } from './report';

const slide = (fields: Record<string, unknown>): Slide => slideSchema.parse({ question: 'Fråga?', ...fields });
const options = [
  { id: 'a', label: 'A' },
  { id: 'b', label: 'B' },
];

const role = slide({ id: 'roll', kind: 'choice', options });
const many = slide({ id: 'flera', kind: 'choice', options, allowMultiple: true });
const scale = slide({ id: 'skala', kind: 'scale', statements: [{ id: 's', label: 'S' }] });
const heading = slideSchema.parse({ id: 'rubrik', kind: 'content', heading: 'Hej' });
const deck = [heading, role, many, scale];

const choiceResults = (respondents: number) => ({
  kind: 'choice' as const,
  slideId: 'roll',
  respondents,
  counts: [
    { optionId: 'a', count: respondents },
    { optionId: 'b', count: 0 },
  ],
});

describe('the questions results can be split by', () => {
  it('are the single-choice questions, in deck order', () => {
    expect(segmentingQuestions(deck).map((s) => s.id)).toEqual(['roll']);
    expect(segmentingQuestions([heading, scale])).toEqual([]);
  });

  it('come from the address only when the deck still has them as single choice', () => {
    expect(initialSegmentBy('?segmentBy=roll', deck)).toBe('roll');
    expect(initialSegmentBy('?segmentBy=flera', deck)).toBeNull();
    expect(initialSegmentBy('?segmentBy=borta', deck)).toBeNull();
    expect(initialSegmentBy('', deck)).toBeNull();
  });

  it('go into the results page address, which the router still knows', () => {
    expect(resultsAddress('s 1', null)).toBe('/app/sessions/s%201/results');
    expect(resultsAddress('s1', 'roll')).toBe('/app/sessions/s1/results?segmentBy=roll');
    expect(matchRoute(resultsAddress('s1', 'roll'))).toEqual({ name: 'results', id: 's1' });
    expect(matchRoute('/app/sessions/s1/results/')).toEqual({ name: 'results', id: 's1' });
    expect(matchRoute('/app/sessions/s1/control#x')).toEqual({ name: 'control', id: 's1' });
  });
});

describe('the panels of a question', () => {
  const unsplit: SlideReport = { slideId: 'roll', kind: 'choice', title: 'Roll', results: choiceResults(7), segments: null };

  it('are everyone alone when the results are not split', () => {
    expect(panelsOf(unsplit)).toEqual([
      { key: ' all', optionId: null, label: null, kind: 'all', respondents: 7, results: choiceResults(7) },
    ]);
  });

  it('are everyone, then each group in the server’s order with "not given" last, withheld ones without a size', () => {
    const split: SlideReport = {
      ...unsplit,
      segments: [
        { optionId: 'a', label: 'A', respondents: 5, results: choiceResults(5) },
        { optionId: 'b', label: 'B', respondents: 0, results: null },
        { optionId: null, label: '', respondents: 1, results: { ...choiceResults(1), counts: [] } },
      ],
    };
    expect(panelsOf(split).map((p) => [p.optionId, p.label, p.kind, p.respondents, p.results?.respondents ?? null])).toEqual([
      [null, null, 'all', 7, 7],
      ['a', 'A', 'segment', 5, 5],
      ['b', 'B', 'segment', null, null],
      [null, null, 'notGiven', 1, 1],
    ]);
  });

  it('leave out "not given" when everyone answered the splitting question, but keep an empty option and a withheld "not given"', () => {
    const segments = (notGiven: SlideReport['segments']) => panelsOf({ ...unsplit, segments: notGiven }).map((p) => p.kind);
    const empty = { ...choiceResults(0), counts: [] };
    expect(
      segments([
        { optionId: 'a', label: 'A', respondents: 0, results: empty },
        { optionId: null, label: '', respondents: 0, results: empty },
      ]),
    ).toEqual(['all', 'segment']);
    expect(segments([{ optionId: null, label: '', respondents: 0, results: null }])).toEqual(['all', 'notGiven']);
  });

  it('are the same for a Q&A and a leaderboard: everyone, then each group’s questions or standings, withheld ones without a size', () => {
    const qa = (respondents: number) => ({
      kind: 'qa' as const,
      slideId: 'qa',
      respondents,
      total: respondents,
      pending: 0,
      hidden: 0,
      questions: [],
    });
    const board = (respondents: number) => ({ kind: 'leaderboard' as const, slideId: 'board', respondents, quizzes: 1, entries: [] });
    for (const [kind, slideId, results] of [
      ['qa', 'qa', qa],
      ['leaderboard', 'board', board],
    ] as const) {
      const report: SlideReport = {
        slideId,
        kind,
        title: 'Frågor',
        results: results(9),
        segments: [
          { optionId: 'a', label: 'A', respondents: 6, results: results(6) },
          { optionId: 'b', label: 'B', respondents: 0, results: null },
          { optionId: null, label: '', respondents: 0, results: null },
        ],
      };
      expect(panelsOf(report).map((p) => [p.kind, p.optionId, p.respondents, p.results])).toEqual([
        ['all', null, 9, results(9)],
        ['segment', 'a', 6, results(6)],
        ['segment', 'b', null, null],
        ['notGiven', null, null, null],
      ]);
    }
  });

  it('have no n when everyone’s results are hidden', () => {
    expect(panelsOf({ ...unsplit, results: null })[0]).toMatchObject({ respondents: null, results: null });
  });
});

describe('when a session ran', () => {
  it('reads as one date with two times in Swedish, and both dates past midnight', () => {
    const start = new Date(2026, 11, 2, 14, 5).toISOString();
    expect(formatSpan(start, new Date(2026, 11, 2, 14, 40).toISOString(), 'sv')).toBe('2 dec. 2026 14:05–14:40');
    expect(formatSpan(start, new Date(2026, 11, 3, 0, 10).toISOString(), 'sv')).toMatch(/^2 dec\. 2026 14:05\s?–\s?3 dec\. 2026 00:10$/u);
  });
});

describe('links out of the results page', () => {
  it('ask the export route for a format, with the split when there is one', () => {
    expect(exportHref('/api/sessions/s%201/export', 'xlsx', null)).toBe('/api/sessions/s%201/export?format=xlsx');
    expect(exportHref('/api/sessions/s1/export', 'csv', 'roll')).toBe('/api/sessions/s1/export?format=csv&segmentBy=roll');
  });

  it('give a share link’s full address from the page’s origin and the server’s path', () => {
    expect(shareUrl('https://ettor.example.se', '/app/shared/abc_-9')).toBe('https://ettor.example.se/app/shared/abc_-9');
  });

  it('keep the split in the shared page’s address, and route it to the public page', () => {
    expect(sharedAddress('abc', null)).toBe('/app/shared/abc');
    expect(sharedAddress('abc', 'roll')).toBe('/app/shared/abc?segmentBy=roll');
    expect(matchRoute('/app/shared/abc_-9?segmentBy=roll')).toEqual({ name: 'shared', token: 'abc_-9' });
  });
});
