import { type Answer, type Slide, slideSchema } from '@ettor/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_WORDS, type ReportAnswer, type ReportInput, buildSlideReports } from './report.js';
import { NO_PLAY } from './derived.js';

const slides: Slide[] = slideSchema.array().parse([
  { id: 'intro', kind: 'content', heading: 'Välkommen' },
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
    id: 'q',
    kind: 'choice',
    question: 'Använder du AI?',
    options: [
      { id: 'ja', label: 'Ja' },
      { id: 'nej', label: 'Nej' },
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
  { id: 'words', kind: 'wordcloud', question: 'Ett ord?' },
  { id: 'say', kind: 'open', question: 'Något mer?' },
  { id: 'skills', kind: 'scale', question: 'Hur säker är du?', statements: [{ id: 's1', label: 'Kunskaper' }] },
]);

const at = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const row = (participantId: string, slideId: string, answer: Answer, minute = 0, hidden = false): ReportAnswer => ({
  participantId,
  slideId,
  stored: { id: `${participantId}-${slideId}-${minute}`, answer, updatedAt: at(minute), hidden },
});
const choose = (participantId: string, slideId: string, optionId: string, minute?: number) =>
  row(participantId, slideId, { kind: 'choice', optionIds: [optionId] }, minute);
const words = (participantId: string, ...entries: string[]) => row(participantId, 'words', { kind: 'wordcloud', entries });
const say = (participantId: string, text: string, hidden = false) => row(participantId, 'say', { kind: 'open', text }, 0, hidden);
const rate = (participantId: string, value: number) =>
  row(participantId, 'skills', { kind: 'scale', ratings: [{ statementId: 's1', value }] });

/**
 * The room, by hand. Roles: p1–p4 tj, p5–p7 chef (p7 first said tj), p8 and p10 pol, p9 skipped the role, nobody "annan".
 *   q:      p1 ja, p2 ja, p3 nej, p4 ja (first nej), p5 nej, p6 nej, p7 ja, p8 ja, p10 nej, p9 nej
 *   words:  tj p1–p3, chef p5–p7, pol p8, not given p9
 *   say:    tj p1–p3 (p2's hidden), chef p5–p7
 *   skills: p1 (tj) and p8 (pol) only
 */
const answers: ReportAnswer[] = [
  ...['p1', 'p2', 'p3', 'p4'].map((p) => choose(p, 'role', 'tj')),
  choose('p7', 'role', 'chef', 5),
  choose('p5', 'role', 'chef'),
  choose('p6', 'role', 'chef'),
  choose('p7', 'role', 'tj', 1),
  choose('p8', 'role', 'pol'),
  choose('p10', 'role', 'pol'),
  ...[
    ['p1', 'ja'],
    ['p2', 'ja'],
    ['p3', 'nej'],
    ['p4', 'ja', 5],
    ['p4', 'nej', 1],
    ['p5', 'nej'],
    ['p6', 'nej'],
    ['p7', 'ja'],
    ['p8', 'ja'],
    ['p10', 'nej'],
    ['p9', 'nej'],
  ].map(([p, option, minute]) => choose(p as string, 'q', option as string, minute as number | undefined)),
  words('p1', 'Excel'),
  words('p2', 'excel', 'AI'),
  words('p3', 'AI'),
  words('p5', 'Teams'),
  words('p6', 'Teams'),
  words('p7', 'Teams'),
  words('p8', 'Excel'),
  words('p9', 'Excel'),
  say('p1', 'Mer tid'),
  say('p2', 'Olämpligt', true),
  say('p3', 'Kurser'),
  say('p5', 'Bra'),
  say('p6', 'Bra'),
  say('p7', 'Bra'),
  rate('p1', 2),
  rate('p8', 4),
];

const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  slides,
  answers,
  words: { ...NO_WORDS, hidden: new Map([['words', new Set(['ai'])]]) },
  segmentBy: 'role',
  threshold: 3,
  questions: [],
  play: NO_PLAY,
  ...over,
});

function reports(over: Partial<ReportInput> = {}) {
  const check = buildSlideReports(input(over));
  if (!check.ok) throw new Error(check.problem.message);
  return check;
}
const reportOf = (slideId: string, over: Partial<ReportInput> = {}) => reports(over).slides.find((s) => s.slideId === slideId);
const choiceCounts = (slideId: string, ja: number, nej: number) => ({
  kind: 'choice',
  slideId,
  respondents: ja + nej,
  counts: [
    { optionId: 'ja', count: ja },
    { optionId: 'nej', count: nej },
  ],
});
const hiddenSegment = (optionId: string | null, label: string) => ({ optionId, label, respondents: 0, results: null });

describe('buildSlideReports', () => {
  it('every question slide in deck order, content skipped, titles and kinds', () => {
    const check = reports({ segmentBy: null });
    expect(check.segmentBy).toBeNull();
    expect(check.slides.map(({ slideId, kind, title }) => [slideId, kind, title])).toEqual([
      ['role', 'choice', 'Vilken roll har du?'],
      ['q', 'choice', 'Använder du AI?'],
      ['tools', 'choice', 'Verktyg?'],
      ['words', 'wordcloud', 'Ett ord?'],
      ['say', 'open', 'Något mer?'],
      ['skills', 'scale', 'Hur säker är du?'],
    ]);
    expect(check.slides.every(({ segments }) => segments === null)).toBe(true);
  });

  it('overall results, one per participant (the latest of duplicate rows)', () => {
    expect(reportOf('q', { segmentBy: null })?.results).toEqual(choiceCounts('q', 5, 5));
  });

  it.each([
    [9, true],
    [10, true],
    [11, false],
  ])('ten respondents with k = %i: shown %s', (threshold, shown) => {
    expect(reportOf('q', { threshold })?.results === null).toBe(!shown);
  });

  it('a slide nobody answered: no results, and every segment empty rather than hidden', () => {
    const tools = reportOf('tools');
    expect(tools?.results).toBeNull();
    expect(tools?.segments?.map(({ respondents, results }) => [respondents, results?.respondents])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });

  it('segments by the latest role answer, with a hidden pair that holds k together left as it is, and an empty segment', () => {
    const check = reports();
    expect(check.segmentBy).toEqual({ slideId: 'role', question: 'Vilken roll har du?' });
    expect(check.slides.find((s) => s.slideId === 'q')?.segments).toEqual([
      { optionId: 'tj', label: 'Tjänsteperson', respondents: 4, results: choiceCounts('q', 3, 1) },
      { optionId: 'chef', label: 'Chef', respondents: 3, results: choiceCounts('q', 1, 2) },
      hiddenSegment('pol', 'Politiker'),
      { optionId: 'annan', label: 'Annan', respondents: 0, results: choiceCounts('q', 0, 0) },
      hiddenSegment(null, ''),
    ]);
  });

  it('the segmenting question itself is not split, and counts a changed answer once', () => {
    const role = reportOf('role');
    expect(role?.segments).toBeNull();
    expect(role?.results).toMatchObject({
      respondents: 9,
      counts: [
        { optionId: 'tj', count: 4 },
        { optionId: 'chef', count: 3 },
        { optionId: 'pol', count: 2 },
        { optionId: 'annan', count: 0 },
      ],
    });
  });

  it('one hidden group of fewer than k takes the later of two equal visible ones with it; hidden words stay flagged', () => {
    expect(reportOf('words')?.segments).toEqual([
      {
        optionId: 'tj',
        label: 'Tjänsteperson',
        respondents: 3,
        results: {
          kind: 'wordcloud',
          slideId: 'words',
          respondents: 3,
          words: [
            { text: 'AI', count: 2, hidden: true, forms: [] },
            { text: 'excel', count: 2, hidden: false, forms: [] },
          ],
        },
      },
      hiddenSegment('chef', 'Chef'),
      hiddenSegment('pol', 'Politiker'),
      { optionId: 'annan', label: 'Annan', respondents: 0, results: { kind: 'wordcloud', slideId: 'words', respondents: 0, words: [] } },
      hiddenSegment(null, ''),
    ]);
  });

  it('hidden open answers stay flagged in their segment', () => {
    const tj = reportOf('say')?.segments?.[0];
    expect(tj?.results).toMatchObject({
      respondents: 3,
      entries: expect.arrayContaining([{ id: 'p2-say-0', text: 'Olämpligt', hidden: true }]) as unknown,
    });
  });

  it('fewer than k in all: everything hidden, empty segments still empty', () => {
    const skills = reportOf('skills');
    expect(skills?.results).toBeNull();
    expect(
      skills?.segments?.map(({ optionId, respondents, results }) => [optionId, respondents, results?.respondents ?? 'hidden']),
    ).toEqual([
      ['tj', 0, 'hidden'],
      ['chef', 0, 0],
      ['pol', 0, 'hidden'],
      ['annan', 0, 0],
      [null, 0, 0],
    ]);
  });

  it.each([
    ['gone', 'unknown_slide'],
    ['tools', 'validation_failed'],
    ['say', 'validation_failed'],
  ])('segmentBy %s: %s', (segmentBy, code) => {
    expect(buildSlideReports(input({ segmentBy }))).toEqual({ ok: false, problem: expect.objectContaining({ code }) as unknown });
  });

  it('property: a hidden segment cannot be worked out as the slide total minus the visible segments', () => {
    const room = fc.record({
      threshold: fc.integer({ min: 3, max: 6 }),
      people: fc.array(
        fc.record({ role: fc.constantFrom('tj', 'chef', 'pol', 'annan', null), answer: fc.constantFrom('ja', 'nej', null) }),
        { maxLength: 30 },
      ),
    });
    fc.assert(
      fc.property(room, ({ threshold, people }) => {
        const rows = people.flatMap(({ role, answer }, i) => [
          ...(role === null ? [] : [choose(`p${i}`, 'role', role)]),
          ...(answer === null ? [] : [choose(`p${i}`, 'q', answer)]),
        ]);
        const q = reportOf('q', { answers: rows, threshold });
        const truth = (optionId: string | null) => people.filter((p) => p.role === optionId && p.answer !== null).length;
        if (!q?.results || !q.segments) return;
        const visible = q.segments.filter((s) => s.results !== null).reduce((sum, s) => sum + s.respondents, 0);
        for (const segment of q.segments) {
          if (segment.results !== null) expect(segment.respondents).toBe(truth(segment.optionId));
          else {
            expect(segment.respondents).toBe(0);
            expect(q.results.respondents - visible).not.toBe(truth(segment.optionId));
            expect(q.results.respondents - visible).toBeGreaterThanOrEqual(threshold);
          }
        }
      }),
    );
  });
});
