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
});
