import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { render, type Mounted } from '../test-support/render.svelte';
import SlideStage from './SlideStage.svelte';
import { DEFAULT_LOOK, type StageLook } from './stage-look';
import { THEME_COLORS } from './theme-colors';

const children = createRawSnippet(() => ({ render: () => '<h3>Vad tycker du?</h3>' }));

let mounted: Mounted<{ look?: StageLook }> | undefined;
afterEach(() => mounted?.destroy());

function stage(look?: StageLook) {
  mounted = render(SlideStage, { children, ...(look ? { look } : {}) });
  const element = mounted.target.querySelector<HTMLElement>('.stage');
  if (!element) throw new Error('no stage');
  return element;
}

describe('the stage every slide is drawn on', () => {
  it("is light without a look, and sets the theme's colours for every kind's view", () => {
    const element = stage();
    expect(element.dataset.theme).toBe('light');
    expect(element.style.getPropertyValue('--bg')).toBe(THEME_COLORS.light.bg);
    expect(element.style.getPropertyValue('--c2')).toBe(THEME_COLORS.light.palette[1]);
    expect(element.querySelector('img')).toBeNull();
  });

  it('follows the look it is given, a brand colour only as the accent', () => {
    const element = stage({ theme: 'high-contrast', brandColor: '#c8102e', logoAssetId: null });
    expect(element.dataset.theme).toBe('high-contrast');
    expect(element.style.getPropertyValue('--fg')).toBe('#ffffff');
    // Too dark on black as it is: lightened until it keeps 3:1.
    expect(element.style.getPropertyValue('--accent')).not.toBe('#c8102e');
    expect(element.style.getPropertyValue('--muted')).toBe(THEME_COLORS['high-contrast'].muted);
  });

  it('shows the logo as decoration, before the slide so that anything laid over the stage covers it', () => {
    const element = stage({ ...DEFAULT_LOOK, logoAssetId: 'logo-asset-1' });
    const logo = element.querySelector<HTMLImageElement>('[data-testid="stage-logo"]');
    expect(logo?.getAttribute('src')).toBe('/media/logo-asset-1');
    expect(logo?.getAttribute('alt')).toBe('');
    expect(logo?.nextElementSibling?.textContent).toBe('Vad tycker du?');
  });
});
