import { QA_LIMITS, type QaSlide, type Slide } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { render, type Mounted } from '../../test-support/render.svelte';
import type { SettingsProps } from '../kind';
import { slide } from './fixtures';
import QaSettings from './QaSettings.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<SettingsProps<'qa'>> | undefined;
afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
});

function form(edited: QaSlide, deck: readonly Slide[] = [edited]) {
  const shown = render(QaSettings, { slide: edited, deck });
  mounted = shown;
  const field = <E extends HTMLElement>(testid: string) => {
    const element = shown.target.querySelector<E>(`[data-testid="${testid}"]`);
    if (!element) throw new Error(`no ${testid}`);
    return element;
  };
  return { target: shown.target, field, slide: () => shown.props.slide, flush: shown.flush };
}

describe("the Q&A slide's settings", () => {
  beforeAll(() => setLocale('sv'));

  it('labels every field', () => {
    const { target } = form(structuredClone(slide));
    const fields = [...target.querySelectorAll('input, textarea')];
    expect(fields).toHaveLength(5);
    expect(fields.map((entry) => text(target.querySelector(`label[for="${entry.id}"]`)))).toEqual([
      'Rubrik',
      'Publiken kan ställa frågor under hela presentationen, inte bara när den här bilden visas',
      'Godkänn varje fråga innan den visas för alla',
      'Publiken får skriva sitt namn under frågan (frivilligt, anonymt är förvalt)',
      'Högsta antal tecken per fråga',
    ]);
  });

  it('edits the heading, the three switches and the longest question in place', () => {
    const { field, slide: edited, flush } = form(structuredClone(slide));
    const heading = field<HTMLTextAreaElement>('edit-question');
    heading.value = 'Frågor till panelen?';
    heading.dispatchEvent(new Event('input', { bubbles: true }));
    for (const testid of ['edit-qa-anytime', 'edit-qa-approve', 'edit-qa-names']) field<HTMLInputElement>(testid).click();
    const length = field<HTMLInputElement>('edit-qa-length');
    expect(length.max).toBe(String(QA_LIMITS.maxLength));
    length.value = '200';
    length.dispatchEvent(new Event('input', { bubbles: true }));
    flush();
    expect(edited()).toMatchObject({ question: 'Frågor till panelen?', anytime: false, approveFirst: true, names: false, maxLength: 200 });
  });

  it('says when an earlier Q&A already takes questions all along, so this one takes them only while shown', () => {
    const earlier: QaSlide = { ...slide, id: 'forst' };
    const later = structuredClone(slide);
    const { target, field, flush } = form(later, [earlier, later]);
    const note = target.querySelector('[data-testid="edit-qa-anytime-taken"]');
    expect(text(note)).toBe(
      'En tidigare frågebild i presentationen tar redan emot frågor under hela presentationen. Den här tar emot frågor bara när den visas.',
    );
    expect(field('edit-qa-anytime').getAttribute('aria-describedby')).toBe(note?.id);
    field<HTMLInputElement>('edit-qa-anytime').click();
    flush();
    expect(target.querySelector('[data-testid="edit-qa-anytime-taken"]')).toBeNull();
    mounted?.destroy();
    expect(
      form(structuredClone(slide), [structuredClone(slide), { ...earlier, anytime: true }]).target.querySelector(
        '[data-testid="edit-qa-anytime-taken"]',
      ),
    ).toBeNull();
  });
});
