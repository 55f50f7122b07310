import { contentSlideSchema, type ContentSlide } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { render, type Mounted } from '../../test-support/render.svelte';
import ContentScreen from './ContentScreen.svelte';

const slide = (fields: Partial<ContentSlide>): ContentSlide => contentSlideSchema.parse({ id: 'bild', kind: 'content', ...fields });
const image = { assetId: 'foto-0001', alt: 'Älven i kvällsljus' };

let mounted: Mounted<{ slide: ContentSlide; variant: 'screen' | 'phone' }> | undefined;
afterEach(() => mounted?.destroy());

function draw(fields: Partial<ContentSlide>, variant: 'screen' | 'phone' = 'screen') {
  mounted = render(ContentScreen, { slide: slide(fields), variant });
  const root = mounted.target.querySelector<HTMLElement>('.content')!;
  return { root, size: (name: string) => Number(root.style.getPropertyValue(`--${name}`)) };
}

describe('a content slide on the big screen', () => {
  beforeAll(() => setLocale('sv'));

  it('draws a heading and a short body as a title, sized to fill the canvas', () => {
    const { root, size } = draw({ heading: 'Tack!', body: 'Tack för att du var med.' });
    expect(root.classList).toContain('layout-title');
    expect(size('heading')).toBe(8);
    expect(root.querySelector('h2')?.textContent).toBe('Tack!');
  });

  it('draws the layout the presenter chose, keeping everything the slide holds', () => {
    const { root } = draw({ layout: 'section', heading: 'Del två', bullets: ['En', ' ', 'Två'], source: 'SCB' });
    expect(root.classList).toContain('layout-section');
    expect([...root.querySelectorAll('li')].map((item) => item.textContent)).toEqual(['En', 'Två']);
    expect(root.querySelector('.source')?.textContent).toBe('Källa: SCB');
  });

  it('keeps the image’s description over the whole canvas, the blurred fill behind it hidden from screen readers', () => {
    const { root } = draw({ heading: 'Västerbotten', image, layout: 'image-full' });
    const images = [...root.querySelectorAll('img')];
    expect(images.map((img) => img.getAttribute('alt'))).toEqual(['', 'Älven i kvällsljus']);
  });

  it('draws no blurred fill beside text, and keeps an image a layout has no room for', () => {
    const { root } = draw({ heading: 'Titel', image, layout: 'title' });
    expect(root.classList).toContain('beside-image');
    expect([...root.querySelectorAll('img')].map((img) => img.alt)).toEqual(['Älven i kvällsljus']);
  });

  it('leaves the phone’s type to the reader’s own text size', () => {
    const { root } = draw({ heading: 'Tack!' }, 'phone');
    expect(root.style.getPropertyValue('--heading')).toBe('');
  });
});
