import { type PinResults, type PinSlide, slideSchema } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { NO_CONTEXT } from '../../responses/tally.js';
import { pinExport } from './pin.js';

const slide = slideSchema.parse({
  id: 'karta',
  kind: 'pin',
  question: 'Var bor du?',
  image: { assetId: 'asset-0001', alt: 'Karta' },
  regions: [
    { id: 'n', label: 'Norr', x: 0, y: 0, width: 1, height: 0.3 },
    { id: 's', label: 'Syd', x: 0, y: 0.7, width: 1, height: 0.3 },
    { id: 'c', label: ' ', x: 0.4, y: 0.4, width: 0.2, height: 0.2 },
  ],
}) as PinSlide;

const results = (respondents: number, counts: [number, number, number], outside: number): PinResults => ({
  kind: 'pin',
  slideId: 'karta',
  respondents,
  cells: [],
  regions: [
    { regionId: 'n', count: counts[0] },
    { regionId: 's', count: counts[1] },
    { regionId: 'c', count: counts[2] },
  ],
  outside,
});
const share = (value: number) => ({ value, format: 'percent' });

describe('pin export', () => {
  it('is named in Swedish', () => {
    expect(pinExport.name).toBe('Markera på bild');
  });

  it('lists each region, then the pins outside them all, each group side by side; a withheld group says so', () => {
    const table = pinExport.table(slide, [
      { name: 'Alla', results: results(10, [4, 3, 1], 2) },
      { name: 'Politiker', results: results(4, [2, 0, 0], 2) },
      { name: 'Chefer', results: null },
    ]);
    expect(table).toEqual({
      header: 2,
      rows: [
        [null, 'Alla', null, 'Politiker', null, 'Chefer', null],
        ['Område', 'Antal', 'Andel (%)', 'Antal', 'Andel (%)', 'Antal', 'Andel (%)'],
        ['Norr', 4, share(0.4), 2, share(0.5), 'För få svar', null],
        ['Syd', 3, share(0.3), 0, share(0), 'För få svar', null],
        // An unnamed region goes by its place in the list.
        ['Område 3', 1, share(0.1), 0, share(0), 'För få svar', null],
        ['Utanför områden', 2, share(0.2), 2, share(0.5), 'För få svar', null],
        ['Svarande', 10, null, 4, null, 'För få svar', null],
      ],
    });
  });

  it('gives the exact outside count with its share where overlapping regions share pins', () => {
    const overlapping = { ...slide, regions: slide.regions.map((region) => ({ ...region, height: 0.5 })) };
    // Eight counts over three regions that share pins; the results say exactly how many are in none.
    const table = pinExport.table(overlapping, [{ name: 'Alla', results: results(10, [4, 3, 1], 5) }]);
    expect(table.rows[5]).toEqual(['Utanför områden', 5, share(0.5)]);
  });

  it('counts every pin as outside when the slide has no regions', () => {
    const bare = { ...slide, regions: [] };
    const table = pinExport.table(bare, [{ name: 'Alla', results: { ...results(3, [0, 0, 0], 3), regions: [] } }]);
    expect(table.rows.slice(2)).toEqual([
      ['Utanför områden', 3, share(1)],
      ['Svarande', 3, null],
    ]);
  });

  it('writes an answer as its place on the image, with the regions it lies in', () => {
    expect(pinExport.answerText(slide, { kind: 'pin', x: 0.421, y: 0.13 })).toBe('x 42,1 %, y 13,0 % (Område: Norr)');
    expect(pinExport.answerText(slide, { kind: 'pin', x: 0.5, y: 0.5 })).toBe('x 50,0 %, y 50,0 % (Område: Område 3)');
    expect(pinExport.answerText(slide, { kind: 'pin', x: 0.1, y: 0.5 })).toBe('x 10,0 %, y 50,0 %');
    expect(pinExport.answerText({ ...slide, regions: [] }, { kind: 'pin', x: 1, y: 0 })).toBe('x 100,0 %, y 0,0 %');
  });

  it('names every region a pin on a shared edge lies in', () => {
    const touching = { ...slide, regions: [slide.regions[0]!, { ...slide.regions[1]!, y: 0.3 }] };
    expect(pinExport.answerText(touching, { kind: 'pin', x: 0.2, y: 0.3 })).toBe('x 20,0 %, y 30,0 % (Område: Norr, Syd)');
  });

  it('hides no part of an answer', () => {
    expect(pinExport.hidesPart({ kind: 'pin', x: 0.5, y: 0.5 }, NO_CONTEXT)).toBe(false);
  });
});
