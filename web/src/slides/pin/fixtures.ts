// A map of the municipality for the tests: two named halves and a centre that overlaps both.
import type { PinResults, PinSlide } from '@ettor/protocol';

export const slide: PinSlide = {
  id: 'karta',
  kind: 'pin',
  question: 'Var bor du?',
  notes: '',
  allowChange: true,
  image: { assetId: 'asset-0001', alt: 'Karta över kommunen' },
  regions: [
    { id: 'norr', label: 'Norr', x: 0, y: 0, width: 1, height: 0.5 },
    { id: 'syd', label: 'Syd', x: 0, y: 0.5, width: 1, height: 0.5 },
    { id: 'mitt', label: '', x: 0.8, y: 0.8, width: 0.4, height: 0.4 },
  ],
};

/** The same slide with its regions side by side, so the pins outside them are known exactly. */
export const apart: PinSlide = {
  ...slide,
  regions: [
    { id: 'vast', label: 'Väst', x: 0, y: 0, width: 0.3, height: 1 },
    { id: 'ost', label: 'Öst', x: 0.7, y: 0, width: 0.3, height: 1 },
  ],
};

/** Ten pins: four in the west, a cluster of five in the middle (outside both regions), one in the east. */
export const results: PinResults = {
  kind: 'pin',
  slideId: 'karta',
  respondents: 10,
  cells: [
    { column: 2, row: 5, count: 4 },
    { column: 19, row: 20, count: 3 },
    { column: 20, row: 20, count: 2 },
    { column: 35, row: 30, count: 1 },
  ],
  regions: [
    { regionId: 'vast', count: 4 },
    { regionId: 'ost', count: 1 },
  ],
  outside: 5,
};
