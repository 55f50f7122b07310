import { type Answer, type ChoiceSlide, type Slide, slideSchema } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { type ReportAnswer, currentAnswers } from './answers.js';
import { checkSegmentBy, findSegmentingSlide, segmentParticipants, splitBySegment } from './segments.js';

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
  { id: 'say', kind: 'open', question: 'Något mer?' },
]);
const role = slides[1] as ChoiceSlide;

const row = (
  participantId: string,
  slideId: string,
  answer: Answer,
  updatedAt = '2026-01-01T10:00:00.000Z',
  id = `${participantId}-${slideId}`,
) => ({
  participantId,
  slideId,
  stored: { id, answer, updatedAt, hidden: false },
});
const picks = (participantId: string, optionId: string, updatedAt?: string, id?: string): ReportAnswer =>
  row(participantId, 'role', { kind: 'choice', optionIds: [optionId] }, updatedAt, id);
const says = (participantId: string): ReportAnswer => row(participantId, 'say', { kind: 'open', text: 'hej' });

describe('checkSegmentBy', () => {
  it('accepts a single-choice question', () => {
    expect(checkSegmentBy(slides, 'role')).toBeNull();
    expect(findSegmentingSlide(slides, 'role')).toEqual({ ok: true, slide: role });
  });

  it('an unknown slide', () => {
    expect(checkSegmentBy(slides, 'gone')).toEqual({ code: 'unknown_slide', message: 'That question is not in this presentation.' });
  });

  it.each(['tools', 'say', 'intro'])('%s: not a single-choice question', (slideId) => {
    expect(checkSegmentBy(slides, slideId)).toEqual({
      code: 'validation_failed',
      message: 'Results can only be split by a single-choice question.',
    });
  });
});

describe('segmentParticipants', () => {
  it('segments in option order, "not given" last, for everyone who answered anything', () => {
    const { segments, segmentOf } = segmentParticipants(
      role,
      currentAnswers([picks('p1', 'pol'), picks('p2', 'tj'), says('p2'), says('p3')]),
    );
    expect(segments).toEqual([
      { optionId: 'tj', label: 'Tjänsteperson' },
      { optionId: 'chef', label: 'Chef' },
      { optionId: 'pol', label: 'Politiker' },
      { optionId: null, label: '' },
    ]);
    expect(segmentOf).toEqual(
      new Map([
        ['p1', 'pol'],
        ['p2', 'tj'],
        ['p3', null],
      ]),
    );
  });

  it('a changed role answer counts in the latest segment, whatever the row order', () => {
    const early = picks('p1', 'tj', '2026-01-01T10:00:00.000Z', 'r1');
    const late = picks('p1', 'chef', '2026-01-01T10:05:00.000Z', 'r2');
    expect(segmentParticipants(role, currentAnswers([early, late])).segmentOf.get('p1')).toBe('chef');
    expect(segmentParticipants(role, currentAnswers([late, early])).segmentOf.get('p1')).toBe('chef');
  });

  it('two rows changed at the same time: the greater id wins, whatever the row order', () => {
    const a = picks('p1', 'tj', '2026-01-01T10:00:00.000Z', 'r1');
    const b = picks('p1', 'pol', '2026-01-01T10:00:00.000Z', 'r2');
    expect(segmentParticipants(role, currentAnswers([a, b])).segmentOf.get('p1')).toBe('pol');
    expect(segmentParticipants(role, currentAnswers([b, a])).segmentOf.get('p1')).toBe('pol');
  });

  it('an option since removed from the slide counts as not given', () => {
    expect(segmentParticipants(role, currentAnswers([picks('p1', 'old')])).segmentOf.get('p1')).toBeNull();
  });
});

describe('splitBySegment', () => {
  it('splits a slide’s answers by segment, empty segments included', () => {
    const answers = currentAnswers([picks('p1', 'pol'), picks('p2', 'pol'), says('p1'), says('p2'), says('p3')]);
    const split = splitBySegment(segmentParticipants(role, answers), answers.get('say') ?? new Map());
    expect(split.map(({ optionId, answers: rows }) => [optionId, rows.map(({ id }) => id)])).toEqual([
      ['tj', []],
      ['chef', []],
      ['pol', ['p1-say', 'p2-say']],
      [null, ['p3-say']],
    ]);
  });
});
