// The presenter console with a host session whose server the test plays: what the speaker sees, and what the keys send.
import { slideSchema, type ClientMessage, type SessionDetail, type SessionState, type Slide } from '@ettor/protocol';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { render, type Mounted } from '../../test-support/render.svelte';
import { HostSession } from '../host-session.svelte';
import PresenterConsole from './PresenterConsole.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const role: Slide = slideSchema.parse({
  id: 'role',
  kind: 'choice',
  question: 'Vilken roll har du?',
  options: [
    { id: 'a', label: 'Politiker' },
    { id: 'b', label: 'Tjänsteperson' },
  ],
  reveal: 'on-reveal',
  notes: 'Fråga salen först.\nVänta på svaren.',
});
const thanks: Slide = slideSchema.parse({ id: 'thanks', kind: 'content', heading: 'Tack för i dag' });
const STARTED = Date.parse('2026-12-03T13:00:00.000Z');

let host: HostSession;
let sent: ClientMessage[];
let mounted: Mounted<{ host: HostSession; detail: SessionDetail }> | undefined;

function detail(): SessionDetail {
  return {
    session: { id: 'session-1', startedAt: new Date(STARTED).toISOString(), status: 'live', code: '84061391' },
    presentation: {
      title: 'Kommunfullmäktige',
      slides: [role, thanks],
      theme: 'light',
      brandColor: null,
      logoAssetId: null,
      revealResults: 'live',
    },
  } as unknown as SessionDetail;
}

function showing(overrides: Partial<SessionState> = {}): void {
  host.live.session = {
    slide: role,
    slideIndex: 0,
    votingOpen: true,
    participants: 40,
    anonymityThreshold: 1,
    reactions: true,
    split: null,
    askAnytime: null,
    screen: { black: false, joinScreen: false, codeBar: true },
    resultsShown: false,
    ...overrides,
  } as SessionState;
  host.live.participants = 40;
}

function open(): Mounted<{ host: HostSession; detail: SessionDetail }> {
  mounted = render(PresenterConsole, { host, detail: host.detail! });
  return mounted;
}

const byTestId = (page: Mounted<unknown>, id: string) => page.target.querySelector(`[data-testid="${id}"]`);
const press = (key: string, target: EventTarget = document.body) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

beforeAll(() => setLocale('sv'));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(STARTED + (12 * 60 + 34) * 1000);
  localStorage.clear();
  host = new HostSession('session-1');
  host.detail = detail();
  sent = [];
  vi.spyOn(host.live, 'command').mockImplementation((message) => void sent.push(message));
  showing();
  host.live.results = { role: { kind: 'choice', slideId: 'role', respondents: 12, counts: [{ optionId: 'a', count: 12 }] } };
});

afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
  vi.useRealTimers();
});

describe('the presenter console', () => {
  it('shows the current slide with its results although the room does not see them yet, the next slide and the notes', () => {
    const page = open();
    const current = byTestId(page, 'console-current');
    expect(text(byTestId(page, 'control-current'))).toBe('Vilken roll har du?');
    expect(text(byTestId(page, 'console-results-visibility'))).toBe('Dolt för publiken');
    // The miniature draws the results the big screen holds back: the speaker decides with them in view.
    expect(current?.querySelector('[aria-hidden="true"] [data-testid="present-results"] table')).not.toBeNull();
    expect(text(byTestId(page, 'console-answered'))).toBe('12 av 40 har svarat');
    expect(text(byTestId(page, 'console-next'))).toContain('Tack för i dag');
    expect(text(byTestId(page, 'console-notes')?.querySelector('.notes'))).toBe('Fråga salen först. Vänta på svaren.');

    showing({ resultsShown: true });
    page.flush();
    expect(text(byTestId(page, 'console-results-visibility'))).toBe('Visas för publiken');
    expect(byTestId(page, 'console-reveal')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('steers the big screen by buttons that show their state, restored from the server’s', () => {
    showing({ screen: { black: true, joinScreen: false, codeBar: false } });
    const page = open();
    expect(byTestId(page, 'console-black')?.getAttribute('aria-pressed')).toBe('true');
    expect(byTestId(page, 'console-join-screen')?.getAttribute('aria-pressed')).toBe('false');
    expect(byTestId(page, 'console-code-bar')?.getAttribute('aria-pressed')).toBe('false');
    expect(text(page.target.querySelector('.covered'))).toBe('Storbilden är svart');

    (byTestId(page, 'console-black') as HTMLButtonElement).click();
    (byTestId(page, 'console-code-bar') as HTMLButtonElement).click();
    (byTestId(page, 'console-reveal') as HTMLButtonElement).click();
    expect(sent).toEqual([
      { type: 'set-screen', black: false },
      { type: 'set-screen', codeBar: true },
      { type: 'reveal-results', slideId: 'role', shown: true },
    ]);
    expect(byTestId(page, 'console-open-screen')?.getAttribute('href')).toBe('/app/sessions/session-1/present');
  });

  it('takes the big screen’s keys, but not while the speaker types', () => {
    const page = open();
    for (const key of ['ArrowRight', 'b', 'q', 'h', 'L']) press(key);
    expect(sent).toEqual([
      { type: 'goto', slideId: 'thanks' },
      { type: 'set-screen', black: true },
      { type: 'set-screen', joinScreen: true },
      { type: 'reveal-results', slideId: 'role', shown: true },
      { type: 'set-voting', slideId: 'role', open: false },
    ]);

    sent.length = 0;
    const planned = byTestId(page, 'console-planned') as HTMLInputElement;
    press('b', planned);
    press('ArrowLeft', planned);
    expect(sent).toEqual([]);
  });

  it('lifts the join screen before moving on, as the big screen does', () => {
    showing({ screen: { black: false, joinScreen: true, codeBar: true } });
    const page = open();
    expect(text(page.target.querySelector('.covered'))).toBe('Storbilden visar anslutningsskärmen');
    (byTestId(page, 'control-next') as HTMLButtonElement).click();
    expect(sent).toEqual([
      { type: 'set-screen', joinScreen: false },
      { type: 'goto', slideId: 'role' },
    ]);
  });

  it('keeps time: the clock, the time since the start and what is left of the planned length, kept for a reload', () => {
    let page = open();
    expect(text(byTestId(page, 'console-elapsed'))).toBe('12:34');
    expect(text(byTestId(page, 'console-clock'))).toMatch(/^\d\d:\d\d$/);
    expect(text(byTestId(page, 'console-remaining'))).toBe('Ange planerad längd');

    const planned = byTestId(page, 'console-planned') as HTMLInputElement;
    planned.value = '30';
    planned.dispatchEvent(new Event('input', { bubbles: true }));
    page.flush();
    expect(text(byTestId(page, 'console-remaining'))).toBe('17:26');

    vi.advanceTimersByTime(20 * 60 * 1000);
    page.flush();
    expect(text(byTestId(page, 'console-elapsed'))).toBe('32:34');
    expect(text(byTestId(page, 'console-remaining')?.parentElement)).toBe('Över tiden 02:34');

    planned.value = '0';
    planned.dispatchEvent(new Event('input', { bubbles: true }));
    page.flush();
    expect(planned.getAttribute('aria-invalid')).toBe('true');
    expect(text(page.target.querySelector(`#${planned.getAttribute('aria-describedby')}`))).toBe(
      'Skriv ett helt antal minuter, från 1 till 600.',
    );

    mounted?.destroy();
    page = open();
    expect((byTestId(page, 'console-planned') as HTMLInputElement).value).toBe('30');
    expect(text(byTestId(page, 'console-remaining')?.parentElement)).toBe('Över tiden 02:34');
  });

  it('lists the shortcuts in a dialog that ? opens and closes, and only that key works meanwhile', () => {
    const page = open();
    const dialog = byTestId(page, 'console-keys-dialog') as HTMLDialogElement;
    expect(dialog.open).toBe(false);
    press('?');
    page.flush();
    expect(dialog.open).toBe(true);
    expect(text(dialog.querySelector('dl'))).toContain('H Visa eller dölj resultat');
    press('b', dialog);
    expect(sent).toEqual([]);
    press('?', dialog);
    page.flush();
    expect(dialog.open).toBe(false);
  });
});
