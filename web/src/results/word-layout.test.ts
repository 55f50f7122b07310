import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fitCloud, layoutWords, type CloudWord, type PlacedWord } from './word-layout';

/**
 * happy-dom has no 2D canvas (getContext returns null), and d3-cloud needs one: it draws each word,
 * reads the pixels back and places words by their ink. This stand-in draws every glyph as a solid
 * block ADVANCE em wide, with ASCENT em of ink above the baseline and DESCENT em below, so where a
 * word's ink lies is known exactly and overlaps can be checked from the result alone.
 */
const ADVANCE = 0.5;
const ASCENT = 0.8;
const DESCENT = 0.2;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

class BlockContext {
  font = '10px sans-serif';
  fillStyle = '#000';
  strokeStyle = '#000';
  lineWidth = 1;
  /** The font of every measurement, to check what the layout measures in. */
  static measuredFonts: string[] = [];
  #origin = { x: 0, y: 0 };
  #saved: { x: number; y: number; font: string; lineWidth: number }[] = [];
  #ink: Box[] = [];

  measureText(text: string): { width: number } {
    BlockContext.measuredFonts.push(this.font);
    return { width: text.length * this.#fontSize() * ADVANCE };
  }

  save(): void {
    this.#saved.push({ ...this.#origin, font: this.font, lineWidth: this.lineWidth });
  }

  restore(): void {
    const saved = this.#saved.pop();
    if (!saved) return;
    this.#origin = { x: saved.x, y: saved.y };
    this.font = saved.font;
    this.lineWidth = saved.lineWidth;
  }

  translate(x: number, y: number): void {
    this.#origin = { x: this.#origin.x + x, y: this.#origin.y + y };
  }

  rotate(angle: number): void {
    if (angle !== 0) throw new Error('the cloud keeps every word horizontal');
  }

  /** d3-cloud only ever clears its whole canvas. */
  clearRect(): void {
    this.#ink = [];
  }

  fillText(text: string, x: number, y: number): void {
    this.#draw(text, x, y, 0);
  }

  strokeText(text: string, x: number, y: number): void {
    this.#draw(text, x, y, this.lineWidth / 2);
  }

  getImageData(sx: number, sy: number, width: number, height: number): { data: Uint8ClampedArray } {
    const data = new Uint8ClampedArray(width * height * 4);
    for (const box of this.#ink) {
      // A pixel is inked if the block touches it at all.
      const top = Math.max(sy, Math.floor(box.top));
      const bottom = Math.min(sy + height, Math.ceil(box.bottom));
      const left = Math.max(sx, Math.floor(box.left));
      const right = Math.min(sx + width, Math.ceil(box.right));
      for (let y = top; y < bottom; y++) {
        for (let x = left; x < right; x++) {
          const at = ((y - sy) * width + (x - sx)) * 4;
          data[at] = 255;
          data[at + 3] = 255;
        }
      }
    }
    return { data };
  }

  #fontSize(): number {
    const match = /(\d+(?:\.\d+)?)px/.exec(this.font);
    if (!match) throw new Error(`no size in font "${this.font}"`);
    return Number(match[1]);
  }

  #draw(text: string, x: number, y: number, spread: number): void {
    const size = this.#fontSize();
    const left = this.#origin.x + x;
    const baseline = this.#origin.y + y;
    this.#ink.push({
      left: left - spread,
      right: left + text.length * size * ADVANCE + spread,
      top: baseline - size * ASCENT - spread,
      bottom: baseline + size * DESCENT + spread,
    });
  }
}

/** Where a placed word's letters are, as the big screen draws it: centred on x, baseline on y. */
function inkOf(word: PlacedWord): Box {
  const half = (word.text.length * word.size * ADVANCE) / 2;
  return { left: word.x - half, right: word.x + half, top: word.y - word.size * ASCENT, bottom: word.y + word.size * DESCENT };
}

/** The smallest gap between two boxes on either axis; negative when they overlap. */
function gap(a: Box, b: Box): number {
  return Math.max(b.left - a.right, a.left - b.right, b.top - a.bottom, a.top - b.bottom);
}

function expectSeparateAndInside(placed: PlacedWord[], width: number, height: number): void {
  const boxes = placed.map(inkOf);
  for (const box of boxes) {
    expect(box.left).toBeGreaterThanOrEqual(-width / 2);
    expect(box.right).toBeLessThanOrEqual(width / 2);
    expect(box.top).toBeGreaterThanOrEqual(-height / 2);
    expect(box.bottom).toBeLessThanOrEqual(height / 2);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      // Only apart, not a padding's width apart: d3-cloud draws the padding as a stroke on a sprite just
      // one pixel wider than the text, so on some words the padding is clipped away.
      expect(gap(boxes[i]!, boxes[j]!), `${placed[i]!.text} / ${placed[j]!.text}`).toBeGreaterThan(0);
    }
  }
}

// The big screen's box and sizes (WordCloud.svelte).
const WIDTH = 1600;
const HEIGHT = 700;
const MIN = 28;
const MAX = 150;

const layout = (words: CloudWord[], width = WIDTH, height = HEIGHT) => layoutWords(words, width, height, MIN, MAX).promise;
const byText = (placed: PlacedWord[]) => Object.fromEntries(placed.map((word) => [word.text, word]));

const SWEDISH: CloudWord[] = [
  'tillit',
  'mod',
  'fika',
  'samarbete',
  'öppenhet',
  'ledarskap',
  'ansvar',
  'glädje',
  'förtroende',
  'lyssna',
  'välfärd',
  'trygghet',
  'dialog',
  'nyfikenhet',
  'respekt',
  'kvalitet',
  'hållbarhet',
  'mångfald',
  'lärande',
  'tid',
  'engagemang',
  'vision',
  'kommunikation',
  'stöd',
  'tydlighet',
  'gemenskap',
  'utveckling',
  'kultur',
  'ärlighet',
  'skratt',
].map((text, index) => ({ text, count: Math.ceil(30 / (index + 1)) }));

beforeEach(() => {
  BlockContext.measuredFonts = [];
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => new BlockContext() as unknown as CanvasRenderingContext2D);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('layoutWords', () => {
  it('sizes words by the square root of their count, from the smallest to the largest size', async () => {
    const placed = byText(
      await layout([
        { text: 'fika', count: 16 },
        { text: 'mod', count: 4 },
        { text: 'tillit', count: 1 },
      ]),
    );
    // 28 + 122 × √(count / 16), whole pixels.
    expect(placed.fika?.size).toBe(150);
    expect(placed.mod?.size).toBe(89);
    expect(placed.tillit?.size).toBe(58);
  });

  it('gives a lone word, however rare, the largest size', async () => {
    const [word] = await layout([{ text: 'fika', count: 1 }]);
    expect(word?.size).toBe(150);
  });

  it('keeps each word’s count and colours words in turn by their input order', async () => {
    const words = SWEDISH.slice(0, 6);
    const placed = byText(await layout(words));
    expect(words.map((word) => [placed[word.text]?.count, placed[word.text]?.colour])).toEqual([
      [30, 0],
      [15, 1],
      [10, 2],
      [8, 3],
      [6, 0],
      [5, 1],
    ]);
  });

  it('measures words in the bold cloud face', async () => {
    await layout([{ text: 'fika', count: 1 }]);
    expect(BlockContext.measuredFonts[0]).toBe("700 150px 'Atkinson Hyperlegible Next', system-ui, sans-serif");
  });

  it('places every word of a normal cloud inside the box, none touching another', async () => {
    const placed = await layout(SWEDISH);
    expect(placed.map((word) => word.text).sort()).toEqual(SWEDISH.map((word) => word.text).sort());
    expectSeparateAndInside(placed, WIDTH, HEIGHT);
  });

  it('places the same words in the same places every time', async () => {
    const first = await layout(SWEDISH);
    const second = await layout(SWEDISH.map((word) => ({ ...word })));
    expect(second).toEqual(first);
    // Not all piled in one spot: the words spread over the box.
    expect(new Set(first.map((word) => `${word.x},${word.y}`)).size).toBe(first.length);
  });

  it('shrinks a long word to half the box’s width', async () => {
    // At 150 px the word would be 25 × 150 × 0.5 = 1875 px wide; half the box is 800 px.
    const placed = byText(
      await layout([
        { text: 'Kommunikationsavdelningen', count: 16 },
        { text: 'fika', count: 16 },
      ]),
    );
    expect(placed.Kommunikationsavdelningen?.size).toBe(64);
    expect(placed.fika?.size).toBe(150);
  });

  it('shrinks a very long word no further than 70 % of the smallest size, and still places it if it fits', async () => {
    const long = 'x'.repeat(120);
    const placed = await layout([
      { text: long, count: 1 },
      { text: 'fika', count: 1 },
    ]);
    const word = byText(placed)[long];
    // 70 % of 28 is 19.6, in whole pixels 19; then it is 1140 px wide, more than half the box.
    expect(word?.size).toBe(19);
    expectSeparateAndInside(placed, WIDTH, HEIGHT);
  });

  it('leaves out a word too wide for the box even at its smallest', async () => {
    const placed = await layout([
      { text: 'x'.repeat(200), count: 1 },
      { text: 'fika', count: 1 },
    ]);
    expect(placed.map((word) => word.text)).toEqual(['fika']);
  });

  it('with more words than fit, leaves some out and keeps the rest apart and inside', async () => {
    // The big screen's cap of 80 words, in a small box so that the search for room for the words that
    // do not fit stays quick.
    const words = Array.from({ length: 80 }, (_, index) => ({ text: `ord${index + 1}`, count: 80 - index }));
    const placed = await layoutWords(words, 400, 300, 12, 40).promise;
    const texts = new Set(placed.map((word) => word.text));

    expect(placed.length).toBeLessThan(words.length);
    expect(texts.size).toBe(placed.length);
    // The largest word is placed first, into an empty box.
    expect(texts.has('ord1')).toBe(true);
    expectSeparateAndInside(placed, 400, 300);
  });

  it('fits words into a small box', async () => {
    const placed = await layout(SWEDISH.slice(0, 8), 400, 300);
    expect(placed.length).toBeGreaterThan(0);
    expectSeparateAndInside(placed, 400, 300);
  });

  it('resolves with nothing for no words', async () => {
    expect(await layout([])).toEqual([]);
  });
});

describe('fitting a laid-out cloud to its box', () => {
  const word = (text: string, size: number, x: number, y: number): PlacedWord => ({ text, count: 1, size, x, y, colour: 0 });
  // Every letter half a size wide, as the stand-in context above measures.
  const measure = (text: string, size: number) => text.length * size * 0.5;

  it('centres one word placed off-centre and enlarges it, never past 1.6 times', () => {
    const fit = fitCloud([word('Mod', 150, -300, 40)], 1600, 700, measure);
    expect(fit.scale).toBe(1.6);
    // The word's middle, moved and scaled, lands on the box's middle.
    const middle = { x: -300, y: 40 - 150 * 0.75 + (150 * 1) / 2 };
    expect(middle.x * fit.scale + fit.x).toBeCloseTo(0);
    expect(middle.y * fit.scale + fit.y).toBeCloseTo(0);
  });

  it('enlarges a few words only until they fill the box, keeping a margin', () => {
    const placed = [word('förståelse', 150, 0, 0), word('nyfikenhet', 150, 0, 160), word('kunskap', 150, 0, 320)];
    const fit = fitCloud(placed, 1600, 700, measure);
    // 750 wide and 470 tall (from 112.5 above the first baseline to 37.5 below the last): the height decides.
    expect(fit.scale).toBeCloseTo((700 * 0.88) / 470);
    expect(fit.scale).toBeGreaterThan(1);
  });

  it('leaves a cloud that fills the box as it is, only centred, and an empty one alone', () => {
    const full = [word('digitalisering', 150, -400, -200), word('ledarskap', 150, 400, 250)];
    expect(fitCloud(full, 1600, 700, measure).scale).toBe(1);
    expect(fitCloud([], 1600, 700, measure)).toEqual({ x: 0, y: 0, scale: 1 });
  });
});
