import { describe, expect, it } from 'vitest';
import {
  blankSlide,
  checkAnswer,
  isQuestionSlide,
  KIND_RULES,
  SLIDE_KINDS,
  slideKindSchema,
  slideSchema,
  slideTitle,
  splitsBySegment,
} from '../index.js';

let next = 0;
const newId = () => `item${++next}`;

describe('the kind registry', () => {
  it('lists every kind of the slide schema, in the editor order', () => {
    expect(SLIDE_KINDS).toEqual([
      'content',
      'choice',
      'wordcloud',
      'open',
      'scale',
      'ranking',
      'points',
      'grid',
      'pin',
      'quiz',
      'leaderboard',
      'qa',
      'topography',
    ]);
    expect(slideKindSchema.options).toEqual(SLIDE_KINDS);
    expect(Object.keys(KIND_RULES)).toEqual(SLIDE_KINDS);
  });

  it.each(SLIDE_KINDS)('gives a blank %s slide the schema accepts', (kind) => {
    const slide = slideSchema.parse(blankSlide(kind, 'fresh', newId));
    expect(slide.kind).toBe(kind);
    expect(slide.id).toBe('fresh');
    expect(slideTitle(slide)).toBe('');
  });

  it('knows which kinds take answers', () => {
    const kinds = SLIDE_KINDS.filter((kind) => isQuestionSlide(slideSchema.parse(blankSlide(kind, 'x', newId))));
    expect(kinds).toEqual(['choice', 'wordcloud', 'open', 'scale', 'ranking', 'points', 'grid', 'pin', 'quiz']);
  });

  it('knows which kinds split by segment: every question, the Q&A and the leaderboard, not the topography', () => {
    const kinds = SLIDE_KINDS.filter((kind) => splitsBySegment(slideSchema.parse(blankSlide(kind, 'x', newId))));
    expect(kinds).toEqual(['choice', 'wordcloud', 'open', 'scale', 'ranking', 'points', 'grid', 'pin', 'quiz', 'leaderboard', 'qa']);
  });

  it('refuses answers on a content slide and answers of another kind', () => {
    const content = slideSchema.parse(blankSlide('content', 'c', newId));
    const check = checkAnswer(content, { kind: 'open', text: 'hej' });
    expect(check.ok ? '' : check.problem.code).toBe('not_a_question');
    const open = slideSchema.parse(blankSlide('open', 'o', newId));
    const wrong = checkAnswer(open, { kind: 'scale', ratings: [{ statementId: 's', value: 1 }] });
    expect(wrong.ok ? '' : wrong.problem.code).toBe('wrong_answer_kind');
  });
});
