import { slideSchema, type ChoiceSlide, type OpenSlide, type WordCloudSlide } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import ChoiceScreen from '../slides/choice/ChoiceScreen.svelte';
import OpenScreen from '../slides/open/OpenScreen.svelte';
import WordCloudScreen from '../slides/wordcloud/WordCloudScreen.svelte';
import { render } from '../test-support/render.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const open = { open: true, closesAt: null, pausedLeftMs: null, awaitingStart: false };
const closed = { open: false, closesAt: null, pausedLeftMs: null, awaitingStart: false };

const choice = slideSchema.parse({
  id: 'roll',
  kind: 'choice',
  question: 'Vilken roll har du?',
  options: [
    { id: 'politiker', label: 'Politiker' },
    { id: 'chef', label: 'Chef' },
  ],
}) as ChoiceSlide;
const openSlide = slideSchema.parse({ id: 'fritt', kind: 'open', question: 'Vad behövs?' }) as OpenSlide;
const cloud = slideSchema.parse({ id: 'moln', kind: 'wordcloud', question: 'Ett ord?' }) as WordCloudSlide;

let destroy: (() => void) | undefined;
afterEach(() => destroy?.());

function mount<Props extends object>(component: Parameters<typeof render<Props, ''>>[0], props: Props) {
  const mounted = render(component, props);
  destroy = mounted.destroy;
  return mounted.target;
}

describe('the big screen before the first answer', () => {
  beforeAll(() => setLocale('sv'));

  it('invites the room to vote above the options and their empty bars, while voting is open', () => {
    const target = mount(ChoiceScreen, { slide: choice, results: undefined, voting: open });
    expect(text(target.querySelector('[data-testid="empty-results"]'))).toBe(
      'Bli först att svara! Välj i mobilen, så växer staplarna här.',
    );
    expect([...target.querySelectorAll('.bars li .name')].map((name) => name.textContent)).toEqual(['Politiker', 'Chef']);
    expect(target.querySelectorAll('table tbody tr')).toHaveLength(2);
  });

  it('draws the bars from the first vote on', () => {
    const results = { kind: 'choice' as const, slideId: 'roll', respondents: 1, counts: [{ optionId: 'chef', count: 1 }] };
    const target = mount(ChoiceScreen, { slide: choice, results, voting: open });
    expect(target.querySelector('[data-testid="empty-results"]')).toBeNull();
    expect(target.querySelectorAll('.bars li')).toHaveLength(2);
  });

  it('invites the first answer on the text wall and the first word in the cloud', () => {
    expect(text(mount(OpenScreen, { slide: openSlide, results: undefined, voting: open }))).toBe(
      'Bli först att svara! Skriv ditt svar i mobilen, så dyker det upp här.',
    );
    destroy?.();
    const hiddenOnly = {
      kind: 'wordcloud' as const,
      slideId: 'moln',
      respondents: 1,
      words: [{ text: 'fult', count: 1, hidden: true, forms: ['fult'] }],
    };
    expect(text(mount(WordCloudScreen, { slide: cloud, results: hiddenOnly, voting: open }))).toBe(
      'Bli först att svara! Skriv ett ord i mobilen, så växer molnet fram här.',
    );
  });

  it('only says there are no answers once voting is closed', () => {
    expect(text(mount(OpenScreen, { slide: openSlide, results: undefined, voting: closed }))).toBe('Inga svar än');
    destroy?.();
    const target = mount(ChoiceScreen, { slide: choice, results: undefined });
    expect(text(target.querySelector('[data-testid="empty-results"]'))).toBe('Inga svar än');
  });
});
