import type { ChoiceSlide } from '@ettor/protocol';
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { render, type Mounted } from '../test-support/render.svelte';
import QuestionFields from './QuestionFields.svelte';
import { DECK_REVEAL } from './stage-look';

const question: ChoiceSlide = {
  id: 'q1',
  kind: 'choice',
  notes: '',
  question: 'Vilken dag passar?',
  allowChange: true,
  options: [
    { id: 'a', label: 'Måndag' },
    { id: 'b', label: 'Tisdag' },
  ],
  allowMultiple: false,
  showResultsOnPhones: false,
};

let mounted: Mounted<{ slide: ChoiceSlide }> | undefined;
afterEach(() => mounted?.destroy());

const options = (target: HTMLElement) =>
  [...(target.querySelector<HTMLSelectElement>('[data-testid="question-reveal"]')?.options ?? [])].map((option) =>
    option.textContent?.trim(),
  );

describe("a question's own choice of when its results appear", () => {
  beforeAll(() => setLocale('sv'));

  it('follows the presentation until another choice is made, and can go back to it', () => {
    mounted = render(QuestionFields, { slide: { ...question } });
    const page = mounted;
    const select = page.target.querySelector<HTMLSelectElement>('[data-testid="question-reveal"]');
    expect(select?.labels?.[0]?.textContent).toBe('Visa resultat');
    expect([...(select?.options ?? [])].map((option) => [option.value, option.textContent?.trim()])).toEqual([
      ['', 'Som presentationen'],
      ['live', 'Direkt när svaren kommer'],
      ['on-reveal', 'När jag visar dem'],
    ]);
    expect(select?.value).toBe('');

    if (select) choose(select, 2);
    page.flush();
    expect(page.props.slide.reveal).toBe('on-reveal');

    if (select) choose(select, 0);
    page.flush();
    expect(page.props.slide.reveal).toBeUndefined();
    expect(JSON.stringify(page.props.slide)).not.toContain('reveal');
  });

  it("names what the presentation's default is in the editor, which provides it", () => {
    const target = document.createElement('div');
    document.body.append(target);
    const instance = mount(QuestionFields, {
      target,
      props: { slide: { ...question } },
      context: new Map([[DECK_REVEAL, () => 'on-reveal']]),
    });
    flushSync();
    expect(options(target)).toEqual(['Som presentationen (när jag visar dem)', 'Direkt när svaren kommer', 'När jag visar dem']);
    void unmount(instance);
    target.remove();
  });
});

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
