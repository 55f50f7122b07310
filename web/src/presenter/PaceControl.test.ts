import type { ClientMessage, SessionState } from '@ettor/protocol';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { render, type Mounted } from '../test-support/render.svelte';
import { HostSession } from './host-session.svelte';
import PaceControl from './PaceControl.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let session: HostSession;
let sent: ClientMessage[];
let mounted: Mounted<{ session: HostSession }> | undefined;

function stateIs(pace: SessionState['pace'], openUntil: string | null, seq = 1): void {
  session.live.session = { pace, openUntil, seq } as SessionState;
}

function mount() {
  mounted = render(PaceControl, { session });
  const page = mounted;
  const find = <T extends HTMLElement>(testid: string) => page.target.querySelector<T>(`[data-testid="${testid}"]`);
  const choose = (pace: 'presenter' | 'audience') => {
    find<HTMLInputElement>(`pace-${pace}`)?.click();
    page.flush();
  };
  const setDay = (day: string) => {
    const field = find<HTMLInputElement>('pace-open-until');
    if (!field) throw new Error('no date field');
    field.value = day;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    page.flush();
  };
  const apply = () => {
    find('pace-apply')?.click();
    page.flush();
  };
  return { page, find, choose, setDay, apply };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 11, 3, 10, 0, 0));
  session = new HostSession('session-1');
  sent = [];
  vi.spyOn(session.live, 'command').mockImplementation((message) => void sent.push(message));
  stateIs('presenter', null);
});

afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
  vi.useRealTimers();
});

describe('choosing who sets the pace', () => {
  beforeAll(() => setLocale('sv'));

  it('offers the speaker’s pace and the participants’ own, with a last day only for the latter', () => {
    const { page, find, choose } = mount();
    expect(text(page.target.querySelector('legend'))).toBe('Vem styr tempot?');
    expect([...page.target.querySelectorAll('label.option')].map(text)).toEqual(['Talaren styr', 'Deltagarna i egen takt']);
    expect(find<HTMLInputElement>('pace-presenter')?.checked).toBe(true);
    expect(find('pace-open-until')).toBeNull();
    expect(text(find('pace-status'))).toBe('Alla följer dina bilder.');

    choose('audience');
    const field = find<HTMLInputElement>('pace-open-until');
    expect(page.target.querySelector(`label[for="${field?.id}"]`)?.textContent).toBe('Öppen till');
    expect(field?.min).toBe('2026-12-03');
    expect(field?.max).toBe('2027-03-02');
  });

  it('sends the participants’ pace open to the end of the chosen day, or with no end', () => {
    const { choose, setDay, apply } = mount();
    choose('audience');
    setDay('2026-12-17');
    apply();
    expect(sent).toEqual([{ type: 'set-pace', pace: 'audience', openUntil: new Date(2026, 11, 17, 23, 59, 59).toISOString() }]);

    setDay('');
    apply();
    expect(sent.at(-1)).toEqual({ type: 'set-pace', pace: 'audience', openUntil: null });

    choose('presenter');
    apply();
    expect(sent.at(-1)).toEqual({ type: 'set-pace', pace: 'presenter', openUntil: null });
  });

  it('refuses a day before today or past the limit, sending nothing', () => {
    const { find, choose, setDay, apply } = mount();
    choose('audience');
    for (const day of ['2026-12-02', '2027-03-03']) {
      setDay(day);
      apply();
      expect(text(find('pace-control')?.querySelector('[role="alert"]'))).toBe('Välj en dag från i dag och högst 90 dagar framåt.');
      expect(find('pace-open-until')?.getAttribute('aria-invalid')).toBe('true');
    }
    expect(sent).toEqual([]);
    setDay('2026-12-03');
    apply();
    expect(sent).toHaveLength(1);
  });

  it('shows the pace as the server keeps it, and keeps a choice being made through other changes of the session', () => {
    const { page, find, choose } = mount();
    choose('audience');
    // Another change of the session (the presenter moved on) leaves the choice alone.
    stateIs('presenter', null, 2);
    page.flush();
    expect(find<HTMLInputElement>('pace-audience')?.checked).toBe(true);

    // Set from another window: taken over.
    stateIs('audience', new Date(2026, 11, 17, 23, 59, 59).toISOString(), 3);
    page.flush();
    expect(find<HTMLInputElement>('pace-open-until')?.value).toBe('2026-12-17');
    expect(text(find('pace-status'))).toMatch(/^Deltagarna går igenom bilderna i egen takt och kan svara fram till .*2026/);
  });
});
