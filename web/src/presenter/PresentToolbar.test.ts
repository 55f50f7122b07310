import type { ChoiceSlide, ClientMessage, SessionDetail, SessionState, Slide } from '@ettor/protocol';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { slide as quiz } from '../slides/quiz/fixtures';
import { render, type Mounted } from '../test-support/render.svelte';
import { HostSession } from './host-session.svelte';
import PresentToolbar from './PresentToolbar.svelte';

const CHOICE: ChoiceSlide = {
  kind: 'choice',
  id: 'choice',
  question: 'Hur ofta?',
  options: [{ id: 'a', label: 'Ofta' }],
  allowMultiple: false,
  allowChange: true,
  showResultsOnPhones: true,
  notes: '',
};

type Props = {
  host: HostSession;
  visible: boolean;
  fullscreen: boolean;
  editorPath: string;
  ontogglefullscreen: () => void;
  onend: () => void;
};

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let host: HostSession;
let sent: ClientMessage[];
let mounted: Mounted<Props> | undefined;

function showing(slide: Slide, state: Partial<SessionState> = {}, revealResults: 'live' | 'on-reveal' = 'on-reveal'): void {
  host.detail = { presentation: { slides: [slide, { ...slide, id: 'after' }], revealResults } } as unknown as SessionDetail;
  host.live.session = {
    slide,
    votingOpen: true,
    screen: { black: false, joinScreen: false, codeBar: true },
    resultsShown: false,
    ...state,
  } as SessionState;
}

function toolbar(visible = false): Mounted<Props> {
  mounted = render(PresentToolbar, {
    host,
    visible,
    fullscreen: false,
    editorPath: '/app/presentations/p',
    ontogglefullscreen: () => undefined,
    onend: () => undefined,
  });
  return mounted;
}

const button = (page: Mounted<Props>, testid: string) => page.target.querySelector<HTMLButtonElement>(`[data-testid="${testid}"]`);

beforeEach(() => {
  host = new HostSession('session-1');
  sent = [];
  vi.spyOn(host.live, 'command').mockImplementation((message) => void sent.push(message));
});

afterEach(() => mounted?.destroy());

describe('the big screen’s toolbar', () => {
  beforeAll(() => setLocale('sv'));

  it('stays out of sight until the mouse moves', () => {
    showing(CHOICE);
    const page = toolbar();
    const bar = page.target.querySelector('[data-testid="present-toolbar"]');
    expect(bar?.classList.contains('visible')).toBe(false);
    page.props.visible = true;
    page.flush();
    expect(bar?.classList.contains('visible')).toBe(true);
  });

  it('reveals a question’s held results and hides them again', () => {
    showing(CHOICE);
    const page = toolbar(true);
    expect(text(button(page, 'toggle-results'))).toBe('Visa resultaten');
    button(page, 'toggle-results')?.click();
    expect(sent.at(-1)).toEqual({ type: 'reveal-results', slideId: 'choice', shown: true });

    showing(CHOICE, { resultsShown: true });
    page.flush();
    expect(text(button(page, 'toggle-results'))).toBe('Dölj resultaten');
    button(page, 'toggle-results')?.click();
    expect(sent.at(-1)).toEqual({ type: 'reveal-results', slideId: 'choice', shown: false });
  });

  it('offers no reveal on a question whose results show as they come', () => {
    showing(CHOICE, { resultsShown: true }, 'live');
    expect(button(toolbar(true), 'toggle-results')).toBeNull();
  });

  it('covers the slide with the join screen and hides the code bar through the server, so every window agrees', () => {
    showing(CHOICE);
    const page = toolbar(true);
    button(page, 'toggle-join-screen')?.click();
    expect(sent.at(-1)).toEqual({ type: 'set-screen', joinScreen: true });
    expect(text(button(page, 'toggle-code-bar'))).toBe('Dölj kodraden');
    button(page, 'toggle-code-bar')?.click();
    expect(sent.at(-1)).toEqual({ type: 'set-screen', codeBar: false });

    showing(CHOICE, { screen: { black: false, joinScreen: true, codeBar: false } });
    page.flush();
    expect(text(button(page, 'toggle-join-screen'))).toBe('Dölj hur man deltar');
    expect(text(button(page, 'toggle-code-bar'))).toBe('Visa kodraden');
  });

  it('lifts the join screen off the slide with Nästa, and shows the slide to phones as moving to it would', () => {
    showing(CHOICE, { screen: { black: false, joinScreen: true, codeBar: true } });
    button(toolbar(true), 'present-next')?.click();
    expect(sent).toEqual([
      { type: 'set-screen', joinScreen: false },
      { type: 'goto', slideId: 'choice' },
    ]);
  });

  it('takes a second press within the server’s round trip as the next step, not the first again', () => {
    showing(CHOICE, { screen: { black: false, joinScreen: true, codeBar: true } });
    const page = toolbar(true);
    button(page, 'present-next')?.click();
    page.flush();
    expect(text(button(page, 'toggle-join-screen'))).toBe('Visa hur man deltar');
    button(page, 'present-next')?.click();
    expect(sent).toEqual([
      { type: 'set-screen', joinScreen: false },
      { type: 'goto', slideId: 'choice' },
      { type: 'goto', slideId: 'after' },
    ]);

    // The server's next state is the truth again.
    showing(CHOICE, { screen: { black: false, joinScreen: true, codeBar: true } });
    page.flush();
    expect(text(button(page, 'toggle-join-screen'))).toBe('Dölj hur man deltar');
  });

  it('offers no "Stäng om 30 s" on a quiz whose countdown waits to start or is paused, but its own start and resume', () => {
    showing(quiz, { votingOpen: false, awaitingStart: true });
    host.live.awaitingStart = true;
    const page = toolbar(true);
    expect(button(page, 'start-countdown')).toBeNull();
    expect(text(button(page, 'countdown-start'))).toBe('Starta nedräkningen');

    showing(quiz, { pausedLeftMs: 9_000 });
    host.live.awaitingStart = false;
    host.live.pausedLeftMs = 9_000;
    page.flush();
    expect(button(page, 'start-countdown')).toBeNull();
    expect(text(button(page, 'countdown-resume'))).toBe('Fortsätt nedräkningen (9 s kvar)');

    host.live.pausedLeftMs = null;
    page.flush();
    expect(text(button(page, 'start-countdown'))).toBe('Stäng om 30 s');
  });
});
