import { checkAnswer, type PinAnswer, type PinSlide } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { render, type Mounted } from '../../test-support/render.svelte';
import type { PhoneFormProps } from '../kind';
import { describeProblem } from '../phone-kinds';
import { slide } from './fixtures';
import { pinPhone } from './phone';
import PinPhone from './PinPhone.svelte';

// Swedish percentages carry a no-break space before the sign.
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<PhoneFormProps<'pin'>> | undefined;
afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
});

function phone(on: PinSlide = slide, saved?: PinAnswer, disabled = false) {
  mounted = render(PinPhone, { slide: on, draft: pinPhone.draft(on, saved), disabled, labelledBy: 'fraga' });
  const { target } = mounted;
  const area = target.querySelector<HTMLElement>('[data-testid="pin-area"]');
  // happy-dom lays nothing out: the image is 200 × 100 px at the page's top left.
  if (area) area.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width: 200, height: 100 });
  return { target, area, draft: () => mounted?.props.draft, flush: () => mounted?.flush() };
}

const key = (element: Element | null, name: string, shiftKey = false) =>
  element?.dispatchEvent(new KeyboardEvent('keydown', { key: name, shiftKey, bubbles: true, cancelable: true }));
const click = (element: Element | null, clientX: number, clientY: number) =>
  element?.dispatchEvent(new MouseEvent('click', { clientX, clientY, bubbles: true }));

describe('the pin form on phones', () => {
  beforeAll(() => setLocale('sv'));

  it('shows the image with its alt text in a focusable area described by the hint and the position', () => {
    const { target, area } = phone();
    expect(area?.getAttribute('tabindex')).toBe('0');
    expect(area?.getAttribute('aria-label')).toBe('Markera på bilden: Karta över kommunen');
    expect(area?.querySelector('img')?.getAttribute('alt')).toBe('Karta över kommunen');
    expect(area?.querySelector('img')?.getAttribute('src')).toBe('/media/asset-0001');
    const described = area?.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(described.map((id) => text(target.querySelector(`[id="${id}"]`)))).toEqual([
      'Tryck på bilden där du vill sätta din markering. Tryck någon annanstans för att flytta den. Med tangentbord: piltangenterna flyttar markeringen, med Skift i större steg.',
      'Ingen markering än.',
    ]);
    expect(target.querySelector('[data-testid="pin-position"]')?.getAttribute('role')).toBe('status');
    expect(target.querySelector('[data-testid="pin-marker"]')).toBeNull();
  });

  it('puts the pin where the image is tapped, and moves it with the next tap', () => {
    const { target, area, draft, flush } = phone();
    click(area, 50, 25);
    flush();
    expect(draft()).toEqual({ kind: 'pin', x: 0.25, y: 0.25 });
    const marker = target.querySelector<HTMLElement>('[data-testid="pin-marker"]');
    expect([marker?.style.left, marker?.style.top]).toEqual(['25%', '25%']);
    expect(text(target.querySelector('[data-testid="pin-position"]'))).toBe('Din markering: 25 % från vänster, 25 % uppifrån, i Norr.');
    click(area, 123.45, 99);
    flush();
    expect(draft()).toEqual({ kind: 'pin', x: 0.617, y: 0.99 });
    expect(checkAnswer(slide, draft() as PinAnswer)).toEqual({ ok: true, answer: { kind: 'pin', x: 0.617, y: 0.99 } });
  });

  it('moves the pin by keyboard: the first arrow puts it in the middle, Shift takes bigger steps, the edges hold it', () => {
    const { target, area, draft, flush } = phone();
    key(area, 'ArrowRight');
    flush();
    expect(draft()).toMatchObject({ x: 0.5, y: 0.5 });
    key(area, 'ArrowRight');
    key(area, 'ArrowDown', true);
    flush();
    expect(draft()).toMatchObject({ x: 0.51, y: 0.6 });
    expect(text(target.querySelector('[data-testid="pin-position"]'))).toBe('Din markering: 51 % från vänster, 60 % uppifrån, i Syd.');
    for (let press = 0; press < 8; press += 1) key(area, 'ArrowUp', true);
    key(area, 'ArrowLeft');
    flush();
    expect(draft()).toMatchObject({ x: 0.5, y: 0 });
    expect(checkAnswer(slide, draft() as PinAnswer).ok).toBe(true);
  });

  it('lets other keys through, so Tab and Enter work as ever', () => {
    const { area } = phone();
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    area?.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(false);
    const arrow = new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, cancelable: true });
    area?.dispatchEvent(arrow);
    expect(arrow.defaultPrevented).toBe(true);
  });

  it("offers the named regions as a list, whose choice puts the pin in the region's centre on the image", () => {
    const { target, draft, flush, area } = phone();
    const fieldset = target.querySelector('fieldset');
    expect(text(fieldset?.querySelector('legend'))).toBe('Välj ett område i stället');
    const options = [...target.querySelectorAll<HTMLElement>('[data-testid="pin-region"]')];
    expect(options.map(text)).toEqual(['Norr', 'Syd', 'Område 3']);
    const third = options[2]?.querySelector('input');
    if (!third) throw new Error('no radio');
    third.checked = true;
    third.dispatchEvent(new Event('change', { bubbles: true }));
    flush();
    // The third region reaches past the image's corner: its part on the image is 0.8–1 each way.
    expect(draft()).toEqual({ kind: 'pin', x: 0.9, y: 0.9 });
    expect(third.checked).toBe(true);
    expect(text(target.querySelector('[data-testid="pin-position"]'))).toBe(
      'Din markering: 90 % från vänster, 90 % uppifrån, i Syd, Område 3.',
    );
    click(area, 10, 10);
    flush();
    expect(options.map((option) => option.querySelector('input')?.checked)).toEqual([false, false, false]);
  });

  it('shows a saved answer, and its region when it was chosen from the list', () => {
    const { target } = phone(slide, { kind: 'pin', x: 0.5, y: 0.25 });
    expect(target.querySelector<HTMLInputElement>('[data-region-id="norr"] input')?.checked).toBe(true);
    expect(target.querySelector('[data-testid="pin-marker"]')).not.toBeNull();
  });

  it('moves the pin with the sliders, for those who can neither point nor use arrow keys', () => {
    const { target, draft, flush } = phone();
    const slider = target.querySelector<HTMLInputElement>('[data-testid="pin-slider-x"]');
    expect(slider?.labels?.[0]?.textContent).toBe('Från vänster');
    if (!slider) throw new Error('no slider');
    slider.value = '30';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    flush();
    expect(draft()).toMatchObject({ x: 0.3, y: 0.5 });
    expect(target.querySelector('[data-testid="pin-slider-y"]')?.getAttribute('aria-valuetext')).toBe('50 %');
  });

  it('changes nothing while disabled', () => {
    const { area, draft, flush } = phone(slide, undefined, true);
    expect(area?.getAttribute('tabindex')).toBe('-1');
    click(area, 50, 50);
    key(area, 'ArrowRight');
    flush();
    expect(Number.isNaN(draft()?.x)).toBe(true);
  });

  it('says so, and shows no form, when the slide has no image', () => {
    const { target } = phone({ ...slide, image: null });
    expect(text(target.querySelector('[data-testid="pin-no-image"]'))).toBe(
      'Frågan har ingen bild än, så det finns inget att markera. Vänta tills presentatören har lagt till en bild.',
    );
    expect(target.querySelector('input, [data-testid="pin-area"]')).toBeNull();
  });

  it('starts from no pin, which the rules refuse with a text that points to the list when there is one', () => {
    const empty = pinPhone.draft(slide, undefined);
    const check = checkAnswer(slide, empty);
    if (check.ok) throw new Error('expected a problem');
    expect(check.problem.code).toBe('out_of_range');
    expect(describeProblem(check.problem, slide)).toBe('Markera en punkt på bilden, eller välj ett område i listan.');
    expect(describeProblem(check.problem, { ...slide, regions: [] })).toBe('Markera en punkt på bilden först.');
    expect(pinPhone.draft(slide, { kind: 'pin', x: 0.2, y: 0.3 })).toEqual({ kind: 'pin', x: 0.2, y: 0.3 });
  });
});
