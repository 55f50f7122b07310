import { contentSlideSchema, type ContentSlide } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../results/fit-text';
import { composition, contentSizes, SUBTITLE_LENGTH } from './layout';

const slide = (fields: Partial<ContentSlide>): ContentSlide => contentSlideSchema.parse({ id: 'bild', kind: 'content', ...fields });
const image = { assetId: 'bild-0001', alt: 'Ett diagram' };
const long = (length: number) => 'ord '.repeat(length / 4).trim();

describe('the composition auto picks', () => {
  it('sets a heading alone, or with a short body, as a title: the first slide and "Tack!"', () => {
    expect(composition(slide({ heading: 'Hur får vi nollorna att bli ettor?' }))).toBe('title');
    expect(composition(slide({ heading: 'Tack!', body: 'Tack för att du var med och svarade.' }))).toBe('title');
    expect(composition(slide({ body: 'Ta fram mobilen!' }))).toBe('title');
    expect(composition(slide({}))).toBe('title');
  });

  it('sets a body longer than a subtitle, or any bullets, as text', () => {
    expect(composition(slide({ heading: 'Definitionen', body: long(SUBTITLE_LENGTH + 4) }))).toBe('text');
    expect(composition(slide({ heading: 'Tre frågor', bullets: ['Vad?', 'Varför?', 'Hur?'] }))).toBe('text');
    expect(composition(slide({ heading: 'Ett mål', body: 'Digitalt först.', quote: { text: 'Bäst i världen.', attribution: '' } }))).toBe(
      'text',
    );
  });

  it('ignores bullets that are only white space', () => {
    expect(composition(slide({ heading: 'Tack!', bullets: ['', '  '] }))).toBe('title');
  });

  it('centres a quote alone, under its heading if it has one', () => {
    expect(composition(slide({ quote: { text: 'Framtiden är redan här.', attribution: 'William Gibson' } }))).toBe('quote');
    expect(composition(slide({ heading: 'Att leda', quote: { text: 'Det man inte förstår kan man inte leda.', attribution: '' } }))).toBe(
      'quote',
    );
  });

  it('sets a big number alone as a big number', () => {
    expect(composition(slide({ bigNumber: { value: '72 %', caption: 'så mycket minskade upplagan' } }))).toBe('number');
    expect(composition(slide({ heading: 'Handeln', bigNumber: { value: '3 av 4', caption: '' } }))).toBe('number');
  });

  it('puts an image beside text on the right, and an image alone over the whole canvas', () => {
    expect(composition(slide({ heading: 'Doktorn i datorn', image }))).toBe('image-right');
    expect(composition(slide({ bullets: ['En punkt'], image }))).toBe('image-right');
    expect(composition(slide({ image }))).toBe('image-full');
    expect(composition(slide({ image, source: 'SCB' }))).toBe('image-full');
  });

  it('takes the layout the presenter chose as it is', () => {
    const bullets = slide({ heading: 'Avsnitt två', bullets: ['En', 'Två'] });
    for (const layout of ['title', 'section', 'image-left', 'image-right', 'image-full', 'quote'] as const) {
      expect(composition({ ...bullets, layout })).toBe(layout);
    }
  });
});

describe('the type sizes', () => {
  const bullets = (count: number, length: number) => Array.from({ length: count }, (_, index) => `${index + 1} ${long(length)}`);

  it('sets a short bullet list large and a long one smaller, so each fills its block', () => {
    const short = contentSizes(slide({ heading: 'Tre frågor', bullets: bullets(3, 12) }), 'text');
    const some = contentSizes(slide({ heading: 'Tre frågor', bullets: bullets(6, 80) }), 'text');
    const many = contentSizes(slide({ heading: 'Tre frågor', bullets: bullets(12, 200) }), 'text');
    expect(short.body).toBeGreaterThan(some.body);
    expect(some.body).toBeGreaterThan(many.body);
    expect(short.body).toBeGreaterThanOrEqual(3.5);
    // 24 px at 1080p is the type scale's floor; only a wall of text goes under it.
    expect(some.body).toBeGreaterThanOrEqual(1.25);
  });

  it('never grows a text past its heading', () => {
    const sizes = contentSizes(slide({ heading: 'Kort', bullets: ['A', 'B'] }), 'text');
    expect(sizes.body).toBeLessThan(sizes.heading);
  });

  it('fits even a slide filled to every limit, if small', () => {
    const full = slide({ heading: long(200), body: long(2000), bullets: bullets(12, 290), source: long(300) });
    const sizes = contentSizes(full, 'text');
    expect(sizes.body).toBeGreaterThan(0.7);
    expect(sizes.body).toBeLessThan(1.25);
  });

  it('sets a title far larger than a text slide’s heading, and a short one largest', () => {
    const thanks = contentSizes(slide({ heading: 'Tack!', body: 'Tack för att du var med.' }), 'title');
    const first = contentSizes(slide({ heading: 'Hur får vi nollorna att bli ettor?', body: long(200) }), 'title');
    const text = contentSizes(slide({ heading: 'Hur får vi nollorna att bli ettor?', bullets: ['En'] }), 'text');
    expect(thanks.heading).toBe(8);
    expect(first.heading).toBeGreaterThan(text.heading);
    expect(first.heading).toBeLessThanOrEqual(thanks.heading);
    expect(first.body).toBeLessThan(first.heading);
  });

  it('sets a big number about a third of the canvas tall, and narrower when it is long', () => {
    const short = contentSizes(slide({ bigNumber: { value: '72 %', caption: 'minskade upplagan' } }), 'number');
    const value = '1 234 567 890 kr/år';
    const wide = contentSizes(slide({ bigNumber: { value, caption: '' } }), 'number');
    expect(short.number).toBeGreaterThanOrEqual(18);
    expect(short.caption).toBeGreaterThanOrEqual(3);
    expect(wide.number).toBeLessThan(short.number);
    // On one line across the canvas.
    expect(wide.number * textWidth(value, 'bold')).toBeLessThanOrEqual(90);
  });

  it('sets a quote alone large, larger than its attribution', () => {
    const sizes = contentSizes(
      slide({ quote: { text: 'Framtiden är redan här – den är bara inte jämnt fördelad.', attribution: 'William Gibson' } }),
      'quote',
    );
    expect(sizes.quote).toBeGreaterThanOrEqual(4);
    expect(sizes.attribution).toBeLessThan(sizes.quote);
  });

  it('sets text beside an image smaller than the same text across the canvas', () => {
    const fields = { heading: 'Digitala vågor', body: long(400) };
    expect(contentSizes(slide({ ...fields, image }), 'image-right').body).toBeLessThan(contentSizes(slide(fields), 'text').body);
    // A layout chosen without room for an image keeps the image in the right half, and its text the left.
    expect(contentSizes(slide({ ...fields, image, layout: 'title' }), 'title').body).toBeLessThan(
      contentSizes(slide(fields), 'title').body,
    );
  });
});
