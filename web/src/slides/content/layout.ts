// How a content slide fills the 16:9 canvas: which composition it takes, and the type sizes that fill its blocks.
import { type ContentSlide, textLength } from '@ettor/protocol';
import { largestFitting, lineCount, type Weight } from '../../results/fit-text';
import { filled } from './filled';

/** What a slide is drawn as: a layout the presenter can pick, or two that only `auto` picks (a big number, plain text). */
export type Composition = Exclude<ContentSlide['layout'], 'auto'> | 'number' | 'text';

/** A body up to this many characters reads as a title's subtitle; a longer one makes the slide a text slide. */
export const SUBTITLE_LENGTH = 240;

export { filled } from './filled';

/** The composition `auto` picks from what the slide holds; any other layout is taken as the presenter set it. */
export function composition(slide: ContentSlide): Composition {
  if (slide.layout !== 'auto') return slide.layout;
  const body = filled(slide.body);
  const bullets = slide.bullets.some(filled);
  if (slide.image) {
    const text = filled(slide.heading) || body || bullets || slide.quote !== null || slide.bigNumber !== null;
    // An image alone may be a chart, drawn whole; beside text it takes the right half, where the eye ends.
    return text ? 'image-right' : 'image-full';
  }
  if (bullets) return 'text';
  if (slide.bigNumber && !body && !slide.quote) return 'number';
  if (slide.quote && !body && !slide.bigNumber) return 'quote';
  if (!slide.quote && !slide.bigNumber && textLength(slide.body) <= SUBTITLE_LENGTH) return 'title';
  return 'text';
}

/** A slide as the big screen lays it out: its composition, type sizes, and whether text sits beside the image. */
export interface Arrangement {
  drawnAs: Composition;
  sizes: ContentSizes;
  beside: boolean;
}

/** Lays a slide out for the big screen. */
export function arrange(slide: ContentSlide): Arrangement {
  const drawnAs = composition(slide);
  return { drawnAs, sizes: contentSizes(slide, drawnAs), beside: besideImage(slide, drawnAs) };
}

/** Type sizes in stage units (`--u`), for the stylesheet to set as they are. */
export interface ContentSizes {
  heading: number;
  body: number;
  quote: number;
  attribution: number;
  number: number;
  caption: number;
}

/** The source line's size: the smallest text on the big screen, 24 px at 1080p. */
const SOURCE_SIZE = 1.3;
/** Line heights and gaps in em of each text's own size; ContentBody's stylesheet sets the same. */
const LINE = 1.25;
const HEADING_LINE = 1.1;
const NUMBER_LINE = 1;
const GAP = 0.5;
const CAPTION_GAP = 0.3;
const BULLET_INDENT = 1.2;
/** The room between the text and the source line, in stage units. */
const SOURCE_GAP = 1.5;

/** Where a composition sets its text, in stage units, and the sizes it may use. */
interface Frame {
  /** The text column's width. */
  width: number;
  /** The height the heading, the text and the source share. */
  height: number;
  heading: { min: number; max: number; share: number; gap: number };
  /** The body's size; the other texts follow it by `scale`. */
  body: { min: number; max: number };
  scale: Omit<ContentSizes, 'heading' | 'body'>;
}

/**
 * The room SlideScreen leaves inside its padding, with the join bar shown: 90 × 44 units. Headings and big numbers
 * stay above the type scale's floor; text with a lot to say goes below it rather than out of its block.
 */
const WIDTH = 90;
const HEIGHT = 44;
/** Half of it, less the gap between text and image. */
const HALF = 43;
const PLAIN = { quote: 1.1, attribution: 0.75, number: 2.5, caption: 1 };
const HALVES: Frame = {
  width: HALF,
  height: HEIGHT,
  heading: { min: 2.6, max: 4.2, share: 0.35, gap: 2 },
  body: { min: 0.8, max: 3.2 },
  scale: PLAIN,
};

const FRAMES: Record<Composition, Frame> = {
  title: { width: 80, height: HEIGHT, heading: { min: 3.6, max: 8, share: 0.55, gap: 4.5 }, body: { min: 1.2, max: 3.4 }, scale: PLAIN },
  section: { width: 80, height: HEIGHT, heading: { min: 3.6, max: 6.5, share: 0.55, gap: 2 }, body: { min: 1.2, max: 3 }, scale: PLAIN },
  text: { width: WIDTH, height: HEIGHT, heading: { min: 3, max: 5, share: 0.35, gap: 2 }, body: { min: 0.8, max: 4.2 }, scale: PLAIN },
  'image-left': HALVES,
  'image-right': HALVES,
  // The scrim over the image: no more than half its height, so the image shows.
  'image-full': {
    width: 80,
    height: HEIGHT / 2,
    heading: { min: 2.8, max: 5.4, share: 0.6, gap: 1.5 },
    body: { min: 0.8, max: 2.6 },
    scale: PLAIN,
  },
  // The quote is the text here, and the heading a small line above it.
  quote: {
    width: 76,
    height: HEIGHT,
    heading: { min: 2.2, max: 3.2, share: 0.2, gap: 2 },
    body: { min: 1, max: 3 },
    scale: { quote: 1.75, attribution: 0.75, number: 2.5, caption: 1 },
  },
  // The number is the text here: at most a third of the canvas tall, its caption under it.
  number: {
    width: 80,
    height: HEIGHT,
    heading: { min: 2.2, max: 3.2, share: 0.2, gap: 2 },
    body: { min: 1, max: 4 },
    scale: { quote: 1.1, attribution: 0.75, number: 6, caption: 1 },
  },
};

/**
 * Whether the text shares the canvas with an image it was not composed for: a layout without an image (title, section,
 * quote, a number, text) that the presenter chose for a slide with one keeps the image, in the right half.
 */
export function besideImage(slide: ContentSlide, drawnAs: Composition): boolean {
  return slide.image !== null && !drawnAs.startsWith('image-');
}

/** One block of text in a column: its size as a multiple of the body's, and the room around it. */
interface Run {
  text: string;
  scale: number;
  weight?: Weight;
  line?: number;
  /** The gap above it, in em. */
  gap?: number;
  /** Set in from the column's start, in em (bullets). */
  indent?: number;
  /** A number is never wrapped: it must fit on one line. */
  single?: boolean;
}

function runsOf(slide: ContentSlide, scale: Frame['scale']): Run[] {
  const runs: Run[] = [];
  if (slide.bigNumber) {
    runs.push({ text: slide.bigNumber.value, scale: scale.number, weight: 'bold', line: NUMBER_LINE, single: true });
    if (slide.bigNumber.caption) runs.push({ text: slide.bigNumber.caption, scale: scale.caption, gap: CAPTION_GAP });
  }
  if (filled(slide.body)) runs.push({ text: slide.body, scale: 1 });
  for (const bullet of slide.bullets.filter(filled)) runs.push({ text: bullet, scale: 1, indent: BULLET_INDENT });
  if (slide.quote) {
    runs.push({ text: `”${slide.quote.text}”`, scale: scale.quote });
    if (slide.quote.attribution) runs.push({ text: `— ${slide.quote.attribution}`, scale: scale.attribution });
  }
  return runs;
}

/** How tall the runs stand at a body size, wrapped to the column; infinitely tall when a number would wrap. */
function stackHeight(runs: Run[], body: number, width: number): number {
  let height = 0;
  for (const [index, run] of runs.entries()) {
    const size = body * run.scale;
    const lines = lineCount(run.text, width / size - (run.indent ?? 0), run.weight);
    if (run.single && lines > 1) return Infinity;
    height += lines * size * (run.line ?? LINE) + (index > 0 ? (run.gap ?? GAP) * size : 0);
  }
  return height;
}

/** The sizes that fill the composition's blocks: the heading as large as its share allows, then the rest as large as fits. */
export function contentSizes(slide: ContentSlide, drawnAs: Composition): ContentSizes {
  const frame = FRAMES[drawnAs];
  const width = besideImage(slide, drawnAs) ? HALF : frame.width;
  const headingHeight = (size: number) => lineCount(slide.heading, width / size, 'bold') * size * HEADING_LINE;
  const heading = filled(slide.heading)
    ? largestFitting(frame.heading.min, frame.heading.max, (size) => headingHeight(size) <= frame.height * frame.heading.share)
    : frame.heading.max;
  const source = filled(slide.source) ? lineCount(slide.source, width / SOURCE_SIZE) * SOURCE_SIZE * LINE + SOURCE_GAP : 0;
  const room = frame.height - source - (filled(slide.heading) ? headingHeight(heading) + frame.heading.gap : 0);
  const runs = runsOf(slide, frame.scale);
  const body = largestFitting(frame.body.min, frame.body.max, (size) => stackHeight(runs, size, width) <= room);
  const scaled = (scale: number) => Math.round(body * scale * 100) / 100;
  return {
    heading,
    body,
    quote: scaled(frame.scale.quote),
    attribution: scaled(frame.scale.attribution),
    number: scaled(frame.scale.number),
    caption: scaled(frame.scale.caption),
  };
}
