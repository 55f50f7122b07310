import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { render, type Mounted } from '../../test-support/render.svelte';
import type { SettingsProps } from '../kind';
import { slide } from './fixtures';
import LeaderboardSettings from './LeaderboardSettings.svelte';

let mounted: Mounted<SettingsProps<'leaderboard'>> | undefined;
afterEach(() => mounted?.destroy());

describe("a leaderboard's settings", () => {
  beforeAll(() => setLocale('sv'));

  it('labels every field and sets the heading, the podium and how many are shown', () => {
    mounted = render(LeaderboardSettings, { slide: { ...slide }, deck: [] });
    const page = mounted;
    const find = (testid: string) => page.target.querySelector<HTMLInputElement>(`[data-testid="${testid}"]`);
    for (const field of page.target.querySelectorAll('input')) {
      expect(page.target.querySelector(`label[for="${field.id}"]`)?.textContent?.trim()).toBeTruthy();
    }
    const heading = find('edit-heading');
    if (!heading) throw new Error('no heading');
    heading.value = 'Slutställning';
    heading.dispatchEvent(new Event('input', { bubbles: true }));
    find('edit-leaderboard-podium')?.click();
    const shown = find('edit-leaderboard-shown');
    if (!shown) throw new Error('no number');
    shown.value = '5';
    shown.dispatchEvent(new Event('input', { bubbles: true }));
    page.flush();
    expect(page.props.slide).toMatchObject({ heading: 'Slutställning', podium: true, shown: 5 });

    shown.value = '25';
    shown.dispatchEvent(new Event('input', { bubbles: true }));
    page.flush();
    expect(page.props.slide.shown).toBe(5);
    expect(shown.getAttribute('aria-invalid')).toBe('true');
    expect(page.target.querySelector('.error-text')?.textContent?.trim()).toBe('Ange ett heltal från 3 till 20.');
  });

  it('asks for nicknames to be approved before they are shown, and explains what that means', () => {
    mounted = render(LeaderboardSettings, { slide: { ...slide }, deck: [] });
    const page = mounted;
    const approve = page.target.querySelector<HTMLInputElement>('[data-testid="edit-leaderboard-approve"]');
    if (!approve) throw new Error('no checkbox');
    expect(approve.type).toBe('checkbox');
    expect(approve.checked).toBe(false);
    expect(page.target.querySelector(`label[for="${approve.id}"]`)?.textContent?.trim()).toBe('Godkänn smeknamn innan de visas');
    expect(page.target.querySelector(`#${approve.getAttribute('aria-describedby') ?? 'none'}`)?.textContent?.trim()).toBe(
      'Spelarna står utan smeknamn på topplistan tills du har godkänt namnen under presentationen. Ett ändrat smeknamn behöver godkännas igen.',
    );

    approve.click();
    page.flush();
    expect(page.props.slide.approveFirst).toBe(true);
    approve.click();
    page.flush();
    expect(page.props.slide.approveFirst).toBe(false);
  });

  it('shows a slide that approves first as checked', () => {
    mounted = render(LeaderboardSettings, { slide: { ...slide, approveFirst: true }, deck: [] });
    expect(mounted.target.querySelector<HTMLInputElement>('[data-testid="edit-leaderboard-approve"]')?.checked).toBe(true);
  });
});
