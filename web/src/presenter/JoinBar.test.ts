import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { render, type Mounted } from '../test-support/render.svelte';
import JoinBar from './JoinBar.svelte';

type Props = { code: string; joinUrl: string; reachable: boolean; participants: number; answered: number | null };

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('the join bar under every slide', () => {
  let mounted: Mounted<Props> | undefined;
  beforeAll(() => setLocale('sv'));
  afterEach(() => mounted?.destroy());

  const bar = (props: Partial<Props> = {}) => {
    mounted = render(JoinBar, {
      code: '12345678',
      joinUrl: 'http://192.168.1.20:3000',
      reachable: true,
      participants: 3,
      answered: null,
      ...props,
    });
    return mounted.target;
  };

  it('shows the address without a trailing slash, the code and a QR code', () => {
    const target = bar();
    expect(text(target.querySelector('.where'))).toBe('Gå till 192.168.1.20:3000 Kod 1234 5678');
    expect(target.querySelector('.qr')).not.toBeNull();
  });

  it('says phones cannot reach the server instead of advertising an address, and shows no QR code', () => {
    const target = bar({ joinUrl: 'http://localhost:3000', reachable: false });
    expect(text(target.querySelector('[data-testid="join-unreachable"]'))).toMatch(/^Telefoner når inte den här servern/u);
    expect(target.textContent).not.toContain('localhost');
    expect(target.querySelector('.qr')).toBeNull();
  });
});
