// Counts in words: the plural form each language needs, chosen by the number.
import { beforeAll, describe, expect, it } from 'vitest';
import { setLocale, t } from './i18n.svelte';

describe('plural forms', () => {
  beforeAll(() => setLocale('sv'));

  it('says "1 ansluten" and "2 anslutna" in Swedish, and one answer or second in English', async () => {
    expect(t('results.online', { count: 1 })).toBe('1 ansluten');
    expect(t('results.online', { count: 2 })).toBe('2 anslutna');
    expect(t('results.online', { count: 0 })).toBe('0 anslutna');
    expect(t('results.online', { count: 1200 })).toBe('1\u00a0200 anslutna');
    expect(t('live.secondsLeft', { seconds: 1 })).toBe('1 sekund kvar.');
    expect(t('audience.scaleProgress', { rated: 0, total: 1 })).toBe('0 av 1 påstående besvarat');
    expect(t('audience.scaleProgress', { rated: 2, total: 3 })).toBe('2 av 3 påståenden besvarade');

    await setLocale('en');
    expect(t('results.ratings', { count: 1 })).toBe('1 answer');
    expect(t('results.ratings', { count: 4 })).toBe('4 answers');
    expect(t('live.countdownStarted', { seconds: 1 })).toBe('Answers close in 1 second.');
    expect(t('results.votes', { count: 2 })).toBe('2 votes');
    await setLocale('sv');
  });

  it('leaves a plural whose number is missing as written', () => {
    expect(t('results.online', { other: 1 })).toBe('{count, plural, one {# ansluten} other {# anslutna}}');
  });

  it('says "Använd en annan kod" rather than "Gå med med en annan kod"', async () => {
    expect(t('audience.joinOther')).toBe('Använd en annan kod');
    await setLocale('en');
    expect(t('audience.joinOther')).toBe('Use another code');
    await setLocale('sv');
  });
});
