import { contentSlideSchema, type ContentSlide } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { render, type Mounted } from '../../test-support/render.svelte';
import ContentSettings from './ContentSettings.svelte';

let mounted: Mounted<{ slide: ContentSlide }> | undefined;
afterEach(() => mounted?.destroy());

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function form(fields: Partial<ContentSlide>) {
  mounted = render(ContentSettings, { slide: contentSlideSchema.parse({ id: 'bild', kind: 'content', ...fields }) });
  const select = mounted.target.querySelector<HTMLSelectElement>('[data-testid="edit-layout"]')!;
  const help = () => (select.getAttribute('aria-describedby') ?? '').split(' ').map((id) => text(document.getElementById(id)));
  // happy-dom does not match the chosen option with `:checked`, which Svelte's `bind:value` reads, so the select answers it.
  const query = select.querySelector.bind(select);
  Object.defineProperty(select, 'querySelector', {
    value: (selector: string) => (selector === ':checked' ? (select.options[select.selectedIndex] ?? null) : query(selector)),
  });
  const choose = (value: string) => {
    select.value = value;
    select.dispatchEvent(new Event('change'));
    mounted!.flush();
  };
  return { select, help, choose };
}

describe('the layout of a content slide in the editor', () => {
  beforeAll(() => setLocale('sv'));

  it('offers every layout by name, labelled, and says what Automatisk picks now', () => {
    const { select, help } = form({ heading: 'Tack!' });
    expect(text(document.querySelector(`label[for="${select.id}"]`))).toBe('Layout');
    expect([...select.options].map((option) => option.textContent)).toEqual([
      'Automatisk',
      'Titel',
      'Avsnitt',
      'Bild till vänster',
      'Bild till höger',
      'Helbild',
      'Citat',
    ]);
    expect(select.value).toBe('auto');
    expect(help()).toEqual(['Väljs efter innehållet. Just nu: Titel.']);
  });

  it('saves the layout chosen on the slide, and asks for an image where the layout shows one', () => {
    const { help, choose } = form({ heading: 'Västerbotten' });
    choose('image-full');
    expect(mounted!.props.slide.layout).toBe('image-full');
    expect(help()).toEqual(['Hur innehållet fyller skärmen.', 'Layouten visar en bild. Lägg till en bild längre ner.']);
    choose('section');
    expect(mounted!.props.slide.layout).toBe('section');
    expect(help()).toEqual(['Hur innehållet fyller skärmen.']);
  });
});
