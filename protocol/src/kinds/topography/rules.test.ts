import { describe, expect, it } from 'vitest';
import { type Slide, slideSchema } from '../../slides.js';
import {
  checkDeckSources,
  hasResults,
  isQuestionSlide,
  renumberSlides,
  showsResultsOnPhones,
  slidesDrawingOn,
  slideSources,
} from '../registry.js';
import { topographySources } from './rules.js';

const deck: Slide[] = slideSchema.array().parse([
  {
    id: 'role',
    kind: 'choice',
    question: 'Roll?',
    options: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ],
  },
  {
    id: 'tools',
    kind: 'choice',
    question: 'Verktyg?',
    allowMultiple: true,
    options: [
      { id: 'x', label: 'X' },
      { id: 'y', label: 'Y' },
    ],
  },
  { id: 'skills', kind: 'scale', question: 'Hur säker?', statements: [{ id: 's1', label: 'Kunskaper' }] },
  { id: 'map', kind: 'topography', heading: 'Karta', segmentBy: 'role', scaleSlideId: 'skills' },
  { id: 'blank', kind: 'topography' },
]);
const map = (segmentBy: string | null, scaleSlideId: string | null) =>
  slideSchema.parse({ id: 'map', kind: 'topography', segmentBy, scaleSlideId }) as Extract<Slide, { kind: 'topography' }>;

describe('the topography kind', () => {
  it('has results but takes no answers, and phones always see them', () => {
    const [, , , topography] = deck;
    expect(topography && [hasResults(topography), isQuestionSlide(topography), showsResultsOnPhones(topography)]).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('starts with nothing chosen', () => {
    expect(deck[4]).toEqual({ id: 'blank', kind: 'topography', heading: '', segmentBy: null, scaleSlideId: null, notes: '' });
  });

  it('draws on its two questions, once chosen', () => {
    expect(deck.map(slideSources)).toEqual([[], [], [], ['role', 'skills'], []]);
    expect(slidesDrawingOn(deck, 'skills').map((slide) => slide.id)).toEqual(['map']);
    expect(slidesDrawingOn(deck, 'tools')).toEqual([]);
  });

  it.each([
    [null, null, { ok: false, reason: 'not_chosen' }],
    ['role', null, { ok: false, reason: 'not_chosen' }],
    ['tools', 'skills', { ok: false, reason: 'segment_missing' }],
    ['gone', 'skills', { ok: false, reason: 'segment_missing' }],
    ['role', 'tools', { ok: false, reason: 'scale_missing' }],
    ['role', 'gone', { ok: false, reason: 'scale_missing' }],
  ])('rows from %s and columns from %s: %o', (segmentBy, scale, expected) => {
    expect(topographySources(map(segmentBy, scale), deck)).toEqual(expected);
  });

  it('finds the two slides when they fit', () => {
    expect(topographySources(map('role', 'skills'), deck)).toEqual({ ok: true, segmentBy: deck[0], scale: deck[2] });
  });

  it('a deck is checked for topographies that cannot be drawn; one not yet chosen is fine', () => {
    expect(checkDeckSources(deck)).toBeNull();
    expect(checkDeckSources([...deck.slice(0, 3), map('tools', 'skills')])).toEqual({
      slideId: 'map',
      problem: { code: 'invalid_reference', message: 'The rows of a topography come from a single-choice question.' },
    });
    expect(checkDeckSources([deck[0], map('role', 'skills')].filter((s): s is Slide => s !== undefined))?.problem.code).toBe(
      'invalid_reference',
    );
  });

  it('renumbering a deck keeps every topography pointing at the same questions', () => {
    let next = 0;
    const renumbered = renumberSlides(deck, () => `n${(next += 1)}`);
    expect(renumbered.map((slide) => slide.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(renumbered[3]).toMatchObject({ segmentBy: 'n1', scaleSlideId: 'n3' });
    expect(renumbered[4]).toMatchObject({ segmentBy: null, scaleSlideId: null });
    expect(checkDeckSources(renumbered)).toBeNull();
  });
});
