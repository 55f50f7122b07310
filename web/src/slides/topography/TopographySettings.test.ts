import { slideSchema, type Slide, type SlideOf } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import type { SettingsProps } from '../kind';
import { slide as chosen } from './fixtures';
import { render, type Mounted } from '../../test-support/render.svelte';
import TopographySettings from './TopographySettings.svelte';

const options = [
  { id: 'a', label: 'A' },
  { id: 'b', label: 'B' },
];
const statements = [{ id: 's', label: 'S' }];
const make = (fields: Record<string, unknown>): Slide => slideSchema.parse(fields);

const deck: Slide[] = [
  make({ id: 'intro', kind: 'content', heading: 'Välkommen' }),
  make({ id: 'roll', kind: 'choice', question: 'Vilken roll har du?', options }),
  make({ id: 'flera', kind: 'choice', question: 'Vad använder du?', options, allowMultiple: true }),
  make({ id: 'skala', kind: 'scale', question: 'Hur bedömer du din kompetens?', statements }),
  make({ id: 'ord', kind: 'wordcloud', question: 'Ett ord?' }),
  make({ id: 'fritt', kind: 'open', question: 'Något mer?' }),
  make({ id: 'namnlos', kind: 'scale', question: '', statements }),
  make({ id: 'karta', kind: 'topography', heading: 'Kompetenstopografi' }),
];

const blank = deck.at(-1) as SlideOf<'topography'>;

let mounted: Mounted<SettingsProps<'topography'>> | undefined;
function form(props: SettingsProps<'topography'>) {
  mounted = render(TopographySettings, props);
  const select = (testid: string) => mounted?.target.querySelector<HTMLSelectElement>(`[data-testid="${testid}"]`);
  return { target: mounted.target, segment: select('edit-topography-segment'), scale: select('edit-topography-scale') };
}
/** Picks an option as a person would. happy-dom does not match a chosen option with `:checked`, which Svelte's `bind:value` reads, so the select answers that query itself. */
function choose(select: HTMLSelectElement, index: number): void {
  const query = select.querySelector.bind(select);
  Object.defineProperty(select, 'querySelector', {
    configurable: true,
    value: (selector: string) => (selector === ':checked' ? (select.options[select.selectedIndex] ?? null) : query(selector)),
  });
  select.selectedIndex = index;
  select.dispatchEvent(new Event('change'));
}

const texts = (select: HTMLSelectElement | null | undefined) => [...(select?.options ?? [])].map((option) => option.textContent?.trim());

describe("the competence map's settings", () => {
  beforeAll(() => setLocale('sv'));
  afterEach(() => mounted?.destroy());

  it('offers only the single-choice questions for the rows and only the scale questions for the columns', () => {
    const { segment, scale } = form({ slide: { ...blank }, deck });
    expect(texts(segment)).toEqual(['Välj…', '2. Vilken roll har du?']);
    expect(texts(scale)).toEqual(['Välj…', '4. Hur bedömer du din kompetens?', '7. Fråga utan text']);
  });

  it('labels every field and gives each form its own ids', () => {
    const first = form({ slide: { ...blank }, deck });
    const ids = [...first.target.querySelectorAll('input, select')].map((field) => field.id);
    for (const id of ids) expect(first.target.querySelector(`label[for="${id}"]`)?.textContent?.trim()).toBeTruthy();
    const other = render(TopographySettings, { slide: { ...blank, id: 'karta2' }, deck });
    const otherIds = [...other.target.querySelectorAll('input, select')].map((field) => field.id);
    expect(otherIds.some((id) => ids.includes(id))).toBe(false);
    other.destroy();
  });

  it('sets the slide to the chosen questions, and back to none', () => {
    const { segment, scale } = form({ slide: { ...blank }, deck });
    if (!segment || !scale || !mounted) throw new Error('no selects');
    choose(segment, 1);
    choose(scale, 2);
    mounted.flush();
    expect(mounted.props.slide.segmentBy).toBe('roll');
    expect(mounted.props.slide.scaleSlideId).toBe('namnlos');
    choose(segment, 0);
    mounted.flush();
    expect(mounted.props.slide.segmentBy).toBeNull();
  });

  it('shows the questions already chosen', () => {
    const { segment, scale } = form({ slide: { ...chosen }, deck });
    expect(segment?.selectedOptions[0]?.textContent?.trim()).toBe('2. Vilken roll har du?');
    expect(scale?.selectedOptions[0]?.textContent?.trim()).toBe('4. Hur bedömer du din kompetens?');
  });

  it('says what to add first when the deck has no question of either kind', () => {
    const { target } = form({ slide: { ...blank }, deck: [deck[0], deck[2], blank] as Slide[] });
    expect([...target.querySelectorAll('.hint')].map((hint) => hint.textContent?.trim())).toEqual([
      'Lägg först till en flervalsfråga där man väljer ett alternativ, till exempel roll.',
      'Lägg först till en skalfråga med påståenden att bedöma.',
    ]);
  });

  it('says so when a chosen question no longer fits', () => {
    const { segment, target } = form({ slide: { ...blank, segmentBy: 'flera' }, deck });
    expect(segment?.getAttribute('aria-invalid')).toBe('true');
    const why = target.querySelector('.error-text');
    expect(why?.textContent?.trim()).toBe('Den valda frågan finns inte längre eller tillåter flera svar. Välj en annan.');
    expect(segment?.getAttribute('aria-describedby')).toContain(why?.id);
  });
});
