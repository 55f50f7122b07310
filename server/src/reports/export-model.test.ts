import { type Answer, type SessionReport, type Slide, slideSchema } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { NO_PLAY } from '../results/derived.js';
import type { StoredQuestion } from '../results/qa.js';
import { NO_WORDS, type ReportAnswer, buildSlideReports } from '../results/report.js';
import { buildExportModel } from './export-model.js';

const slides: Slide[] = slideSchema.array().parse([
  {
    id: 'role',
    kind: 'choice',
    question: 'Vilken roll har du?',
    options: [
      { id: 'tj', label: 'Tjänsteperson' },
      { id: 'chef', label: 'Chef' },
    ],
  },
  {
    id: 'quiz',
    kind: 'quiz',
    question: 'Huvudstad?',
    options: [
      { id: 'a', label: 'Stockholm' },
      { id: 'b', label: 'Oslo' },
    ],
    correct: ['a'],
    seconds: null,
  },
  { id: 'board', kind: 'leaderboard', heading: 'Topplista' },
  { id: 'qa', kind: 'qa', question: 'Frågor?' },
]);

const row = (participantId: string, slideId: string, answer: Answer): ReportAnswer => ({
  participantId,
  slideId,
  stored: { id: `${participantId}-${slideId}`, answer, updatedAt: '2026-01-01T10:00:00.000Z', hidden: false },
});

/** Three officials, a manager and two who never said their role; each plays the quiz and asks one question. */
const people = [
  ['t1', 'tj', 'a'],
  ['t2', 'tj', 'a'],
  ['t3', 'tj', 'b'],
  ['c1', 'chef', 'a'],
  ['n1', null, 'a'],
  ['n2', null, 'b'],
] as const;
const answers = people.flatMap(([participantId, role, option]) => [
  ...(role === null ? [] : [row(participantId, 'role', { kind: 'choice', optionIds: [role] })]),
  row(participantId, 'quiz', { kind: 'quiz', optionIds: [option] }),
]);
const questions: StoredQuestion[] = people.map(([participantId], votes) => ({
  id: `q${votes}`,
  slideId: 'qa',
  participantId,
  text: `Fråga från ${participantId}`,
  name: null,
  askedAt: `2026-01-01T10:0${votes}:00.000Z`,
  votes,
  status: 'shown',
  answered: false,
  pinned: false,
}));

function exportOf(segmentBy: string | null) {
  const built = buildSlideReports({ slides, answers, words: NO_WORDS, segmentBy, threshold: 3, questions, play: NO_PLAY });
  if (!built.ok) throw new Error(built.problem.message);
  const report: SessionReport = {
    session: {
      id: 'session',
      presentationId: 'deck',
      status: 'ended',
      startedAt: '2026-01-01T09:00:00.000Z',
      endedAt: '2026-01-01T11:00:00.000Z',
      participants: 6,
      answers: 10,
      answersPurgedAt: null,
    },
    presentationTitle: 'Workshop',
    anonymityThreshold: 3,
    segmentBy: built.segmentBy,
    slides: built.slides,
    reactions: [],
  };
  const model = buildExportModel({
    report,
    slides,
    answers,
    words: NO_WORDS,
    strictAnonymity: false,
    includeResponses: false,
    exportedAt: '2026-01-02T08:00:00.000Z',
  });
  return (name: string) => model.questions.find((table) => table.name.endsWith(name));
}

/** One group's columns of a table whose groups are `width` wide. */
const columnsOf = (rows: readonly unknown[][] | undefined, group: number, width: number) =>
  rows?.map((cells) => cells.slice(group * width, (group + 1) * width));

describe('the export of a Q&A and a leaderboard', () => {
  it('puts each segment’s questions beside everyone’s, a segment under k saying so', () => {
    const table = exportOf('role')('Frågor?');
    expect(table?.heading).toEqual([
      ['Fråga 4', 'Frågor?'],
      ['Typ', 'Frågor från publiken'],
      ['Uppdelat på', 'Vilken roll har du?'],
    ]);
    expect(table?.header).toBe(3);
    const blank = [null, null, null, null, null, null];
    const columns = ['Fråga', 'Namn', 'Röster', 'Status', 'Besvarad', 'Tid (UTC)'];
    const asked = (participantId: string, votes: number) => [
      `Fråga från ${participantId}`,
      'Anonym',
      votes,
      'Visad',
      'Nej',
      `2026-01-01T10:0${votes}:00.000Z`,
    ];
    expect(columnsOf(table?.rows, 0, 6)).toEqual([
      ['Alla', ...blank.slice(1)],
      ['Svarande', 6, ...blank.slice(2)],
      columns,
      ...['n2', 'n1', 'c1', 't3', 't2', 't1'].map((participantId, index) => asked(participantId, 5 - index)),
    ]);
    expect(columnsOf(table?.rows, 1, 6)).toEqual([
      ['Tjänsteperson', ...blank.slice(1)],
      ['Svarande', 3, ...blank.slice(2)],
      columns,
      asked('t3', 2),
      asked('t2', 1),
      asked('t1', 0),
      blank,
      blank,
      blank,
    ]);
    for (const [group, name] of [
      [2, 'Chef'],
      [3, 'Ej angivet'],
    ] as const) {
      expect(columnsOf(table?.rows, group, 6)).toEqual([
        [name, ...blank.slice(1)],
        ['Svarande', 'För få svar', ...blank.slice(2)],
        columns,
        ...Array.from({ length: 6 }, () => blank),
      ]);
    }
  });

  it('puts each segment’s standings beside everyone’s, ranked among its own players', () => {
    const table = exportOf('role')('Topplista');
    const anonymous = 'Utan smeknamn';
    expect(table?.rows).toEqual([
      ['Alla', null, null, 'Tjänsteperson', null, null, 'Chef', null, null, 'Ej angivet', null, null],
      ['Svarande', 6, null, 'Svarande', 3, null, 'Svarande', 'För få svar', null, 'Svarande', 'För få svar', null],
      [
        'Placering',
        'Smeknamn',
        'Poäng',
        'Placering',
        'Smeknamn',
        'Poäng',
        'Placering',
        'Smeknamn',
        'Poäng',
        'Placering',
        'Smeknamn',
        'Poäng',
      ],
      [1, anonymous, 1000, 1, anonymous, 1000, null, null, null, null, null, null],
      [1, anonymous, 1000, 1, anonymous, 1000, null, null, null, null, null, null],
      [1, anonymous, 1000, 3, anonymous, 0, null, null, null, null, null, null],
      [1, anonymous, 1000, null, null, null, null, null, null, null, null, null],
      [5, anonymous, 0, null, null, null, null, null, null, null, null, null],
      [5, anonymous, 0, null, null, null, null, null, null, null, null, null],
    ]);
  });

  it('is everyone’s alone when not split', () => {
    expect(exportOf(null)('Topplista')?.rows.slice(0, 3)).toEqual([
      ['Alla', null, null],
      ['Svarande', 6, null],
      ['Placering', 'Smeknamn', 'Poäng'],
    ]);
    expect(exportOf(null)('Frågor?')?.heading).toHaveLength(2);
  });
});
