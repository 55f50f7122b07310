import cloud from 'd3-cloud';

export interface CloudWord {
  text: string;
  count: number;
}

export interface PlacedWord {
  text: string;
  count: number;
  size: number;
  x: number;
  y: number;
  colour: number;
}

/** The face words are measured in; loading it by this description makes sure it is there before layout. */
export const CLOUD_FONT = "700 100px 'Atkinson Hyperlegible Next'";
const FAMILY = "'Atkinson Hyperlegible Next', system-ui, sans-serif";

/** Seeded so that the same words land in the same places when the cloud is laid out again. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let n = Math.imul(state ^ (state >>> 15), 1 | state);
    n = (n + Math.imul(n ^ (n >>> 7), 61 | n)) ^ n;
    return ((n ^ (n >>> 14)) >>> 0) / 4294967296;
  };
}

let measureContext: CanvasRenderingContext2D | null = null;

function textWidth(text: string, size: number): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * size * 0.6;
  measureContext.font = `700 ${size}px ${FAMILY}`;
  return measureContext.measureText(text).width;
}

/**
 * Sizes words by count (square-root scale) with every word horizontal and the largest no wider
 * than half the cloud, then places them with d3-cloud. Resolves with the words that fit.
 */
export function layoutWords(
  words: CloudWord[],
  width: number,
  height: number,
  minSize: number,
  maxSize: number,
): { promise: Promise<PlacedWord[]>; cancel: () => void } {
  const maxCount = Math.max(1, ...words.map((w) => w.count));
  const sized = words.map((word, index) => {
    let size = minSize + (maxSize - minSize) * Math.sqrt(word.count / maxCount);
    const natural = textWidth(word.text, size);
    if (natural > width / 2) size = Math.max(minSize * 0.7, (size * width) / 2 / natural);
    return { text: word.text, count: word.count, size, colour: index % 4 };
  });
  const layout = cloud<(typeof sized)[number] & cloud.Word>()
    .size([width, height])
    .words(sized.map((w) => ({ ...w })))
    .padding(6)
    .rotate(0)
    .font(FAMILY)
    .fontWeight(700)
    .fontSize((w) => w.size ?? minSize)
    .spiral('rectangular')
    .random(seededRandom(7));
  const promise = new Promise<PlacedWord[]>((resolve) => {
    layout.on('end', (placed) => {
      resolve(
        placed.map((w) => ({ text: w.text ?? '', count: w.count, size: w.size ?? minSize, x: w.x ?? 0, y: w.y ?? 0, colour: w.colour })),
      );
    });
  });
  layout.start();
  return { promise, cancel: () => layout.stop() };
}

/** Where a laid-out cloud goes in its box: moved by (x, y) from the middle, and enlarged by `scale`. */
export interface CloudFit {
  x: number;
  y: number;
  scale: number;
}

/** The most a few words are enlarged by, so that one word reads as a word, not as a banner. */
const MAX_FIT_SCALE = 1.6;
/** The margin kept free around an enlarged cloud, as a share of the box. */
const FIT_MARGIN = 0.06;

/**
 * Centres the words d3-cloud placed (it starts the first one anywhere in the middle half of the box) and enlarges a
 * cloud of few words until it fills the box, so that three words do not huddle in one corner of the big screen.
 */
export function fitCloud(
  placed: readonly PlacedWord[],
  width: number,
  height: number,
  measure: (text: string, size: number) => number = textWidth,
): CloudFit {
  if (placed.length === 0) return { x: 0, y: 0, scale: 1 };
  let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const word of placed) {
    const half = measure(word.text, word.size) / 2;
    left = Math.min(left, word.x - half);
    right = Math.max(right, word.x + half);
    // Bold capitals reach about 0.75 of the size above the baseline, descenders 0.25 below.
    top = Math.min(top, word.y - word.size * 0.75);
    bottom = Math.max(bottom, word.y + word.size * 0.25);
  }
  const room = 1 - 2 * FIT_MARGIN;
  const scale = Math.max(1, Math.min(MAX_FIT_SCALE, (width * room) / (right - left), (height * room) / (bottom - top)));
  return { x: -((left + right) / 2) * scale, y: -((top + bottom) / 2) * scale, scale };
}
