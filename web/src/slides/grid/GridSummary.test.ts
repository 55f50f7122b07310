import { slideSchema, type GridResults, type GridSlide } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { render } from '../../test-support/render.svelte';
import { gridChange } from './change';
import GridChange from './GridChange.svelte';
import GridSummary from './GridSummary.svelte';
import { noModeration } from '../../test-support/moderation';

const slide = slideSchema.parse({
  id: 'prio',
  kind: 'grid',
  question: 'Var hamnar förslagen?',
  items: [
    { id: 'cykel', label: 'Cykelbana' },
    { id: 'skola', label: 'Ny skola' },
    { id: 'bad', label: 'Badhus' },
  ],
  x: { label: 'Nytta' },
}) as GridSlide;

const item = (itemId: string, n: number, meanX: number | null, meanY: number | null, hidden = false) => ({
  itemId,
  n,
  meanX,
  meanY,
  sdX: meanX === null ? null : 1,
  sdY: meanY === null ? null : 1,
  hidden,
});
const run = (...items: ReturnType<typeof item>[]): GridResults => ({ kind: 'grid', slideId: 'prio', respondents: 8, items });

const first = run(item('cykel', 8, 6, 3), item('skola', 5, 4, 7), item('bad', 0, null, null));
const second = run(item('cykel', 8, 7.2, 2.1), item('skola', 0, null, null, true), item('bad', 4, 5, 5));

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const noop = noModeration;
let destroy: (() => void) | undefined;

describe("the grid's summary and compare view", () => {
  beforeAll(() => setLocale('sv'));
  afterEach(() => destroy?.());

  it('sums up each item for the presenter: both means and n, a withheld or unplaced one saying so', () => {
    const mounted = render(GridSummary, { slide, results: second, moderation: noop });
    destroy = mounted.destroy;
    expect([...mounted.target.querySelectorAll('li')].map(text)).toEqual([
      'Cykelbana Nytta 7,2 · Lodrätt 2,1 · 8 svar',
      'Ny skola För få svar',
      'Badhus Nytta 5,0 · Lodrätt 5,0 · 4 svar',
    ]);
  });

  it('says there are no answers yet before the first', () => {
    const mounted = render(GridSummary, { slide, results: undefined, moderation: noop });
    destroy = mounted.destroy;
    expect([...mounted.target.querySelectorAll('li')].map(text)).toEqual([
      'Cykelbana Inga svar än',
      'Ny skola Inga svar än',
      'Badhus Inga svar än',
    ]);
  });

  it('changes each mean on an axis from the baseline, none where either run withheld or lacked it', () => {
    expect(
      gridChange(first, second, 'x').map(({ change }) => [change.direction, change.delta === null ? null : +change.delta.toFixed(2)]),
    ).toEqual([
      ['up', 1.2],
      [null, null],
      [null, null],
    ]);
    expect(gridChange(first, second, 'y')[0]?.change).toMatchObject({ direction: 'down' });
    expect(gridChange(first, second, 'y')[1]?.change.hidden).toBe(true);
  });

  it('compares runs in a table per axis: the mean of each item per run and its change', () => {
    const headings = [
      { name: 'Tillfälle 1', day: '1 mars' },
      { name: 'Tillfälle 2', day: '1 april' },
    ];
    const mounted = render(GridChange, { slide, runs: [first, second], headings });
    destroy = mounted.destroy;
    const tables = [...mounted.target.querySelectorAll('[data-testid="compare-grid-means"]')];
    expect(tables.map((table) => table.getAttribute('data-axis'))).toEqual(['x', 'y']);
    expect([...mounted.target.querySelectorAll('h3')].map(text)).toEqual([
      'Medelvärde på Nytta per alternativ och tillfälle, med förändringen från tillfälle 1',
      'Medelvärde på Lodrätt per alternativ och tillfälle, med förändringen från tillfälle 1',
    ]);
    const rows = (table: Element | undefined) => [...(table?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.children].map(text));
    expect(rows(tables[0])).toEqual([
      ['Cykelbana', '6,0', '7,2 +1,2 ▲ökning med 1,2'],
      ['Ny skola', '4,0', 'för få svar'],
      ['Badhus', '–inga placeringar', '5,0 –inget att jämföra'],
    ]);
    expect(rows(tables[1])[0]).toEqual(['Cykelbana', '3,0', '2,1 −0,9 ▼minskning med 0,9']);
  });
});
