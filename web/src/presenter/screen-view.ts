// What the big screen shows where a slide's results go: everyone's, one group's or every group's, and never results
// of fewer than k. Pure, so the choice is tested without a browser.
import {
  isSingleChoice,
  splitsBySegment,
  applyThreshold,
  type Results,
  type ResultSlide,
  type Segment,
  type Slide,
  type Split,
} from '@ettor/protocol';

export type ScreenBody =
  /** The kind's own view of these results (undefined before anyone has answered). */
  | { show: 'results'; results: Results | undefined }
  /** Held back under k: everyone's results so far (`yet`), or one group's, which may stay hidden. */
  | { show: 'too-few'; yet: boolean }
  /** Every group with anyone in it, in the split question's order ("not given" last). */
  | { show: 'side-by-side'; panels: Segment[] }
  /** The groups have not been counted for this split yet; the server sends them within half a second. */
  | { show: 'waiting' };

/** The line under the question that says what the results are split by and which of them are shown. */
export interface SplitKey {
  question: string;
  showing:
    | { group: 'all' }
    | { group: 'side-by-side' }
    /** A label of null is "not given"; respondents are null while the group is withheld, since its size would give it away. */
    | { group: 'one'; label: string | null; respondents: number | null };
}

export interface ScreenView {
  key: SplitKey | null;
  body: ScreenBody;
}

export interface ScreenInput {
  slide: ResultSlide;
  /** The whole deck, for the split question's text and labels. */
  deck: readonly Slide[];
  split: Split | null;
  /** k, the deck's anonymity threshold. */
  threshold: number;
  results: Results | undefined;
  /** How many have answered, when the server held the results back (strict anonymity). */
  withheld: number | undefined;
  /** The slide's results per group, counted for the split as it is now. */
  segments: Segment[] | undefined;
}

export function screenView(input: ScreenInput): ScreenView {
  const { slide, deck, split } = input;
  const by = split && deck.find((candidate) => candidate.id === split.slideId);
  // The split question itself, and slides that do not split (a competence map splits itself), show as usual.
  if (!split || !by || !isSingleChoice(by) || !splitsBySegment(slide) || slide.id === by.id) return { key: null, body: everyone(input) };
  const question = by.question;
  const { show } = split;
  if (show === 'all') return { key: { question, showing: { group: 'all' } }, body: everyone(input) };
  if (show === 'side-by-side') {
    const panels = input.segments?.filter((segment) => segment.results === null || segment.respondents > 0);
    return { key: { question, showing: { group: 'side-by-side' } }, body: panels ? { show: 'side-by-side', panels } : { show: 'waiting' } };
  }
  const segment = input.segments?.find((candidate) => candidate.optionId === show.optionId);
  const label = show.optionId === null ? null : (by.options.find((option) => option.id === show.optionId)?.label ?? segment?.label ?? '');
  const respondents = segment?.results ? segment.respondents : null;
  const key: SplitKey = { question, showing: { group: 'one', label, respondents } };
  if (!segment) return { key, body: { show: 'waiting' } };
  return { key, body: segment.results ? { show: 'results', results: segment.results } : { show: 'too-few', yet: false } };
}

function everyone({ results, withheld, threshold }: ScreenInput): ScreenBody {
  const shown = results && applyThreshold(results, threshold);
  if (withheld !== undefined || shown === null) return { show: 'too-few', yet: true };
  return { show: 'results', results: shown };
}

/** Width to height of the stage's results area (about 90 × 36 stage units), which a chart drawn in HTML fills. */
export const AREA_ASPECT = 90 / 36;
/** The room around each group's chart as ScreenResults lays it out, in stage units, 1/100 of the stage's width. */
const ROOM = { columnGap: 3, rowGap: 1.5, headingAbove: 3.2, nameBeside: 20 } as const;
const AREA_WIDTH = 90;

/**
 * How many columns draw `count` charts of the given width to height largest in an area: a wide bar chart reads best
 * one under another, with each group's name beside it; a word cloud or a scale reads best side by side, named above.
 */
export function chartColumns(count: number, aspect: number, width: number, height: number): number {
  // Not laid out yet: two side by side is the likeliest best.
  if (width <= 0 || height <= 0) return Math.min(count, 2);
  const areaHeight = (height / width) * AREA_WIDTH;
  let best = { columns: 1, size: 0 };
  for (let columns = 1; columns <= count; columns += 1) {
    const rows = Math.ceil(count / columns);
    const cellWidth = columns === 1 ? AREA_WIDTH - ROOM.nameBeside : (AREA_WIDTH - (columns - 1) * ROOM.columnGap) / columns;
    const cellHeight = (areaHeight - (rows - 1) * ROOM.rowGap) / rows - (columns === 1 ? 0 : ROOM.headingAbove);
    const size = Math.min(cellWidth, cellHeight * aspect);
    if (size > best.size) best = { columns, size };
  }
  return best.columns;
}
