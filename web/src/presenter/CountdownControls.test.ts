import type { ClientMessage, SessionDetail, Slide } from '@ettor/protocol';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { slide as quiz } from '../slides/quiz/fixtures';
import { render, type Mounted } from '../test-support/render.svelte';
import CountdownControls from './CountdownControls.svelte';
import { HostSession } from './host-session.svelte';
import { type CountdownShown, showCountdown } from '../test-support/countdown';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let host: HostSession;
let sent: ClientMessage[];
let mounted: Mounted<{ host: HostSession; size: 'small' | 'wide'; testid: string }> | undefined;

const showing = (current: Slide, countdown?: CountdownShown) => showCountdown(host, current, countdown);

beforeEach(() => {
  host = new HostSession('session-1');
  host.detail = { presentation: { slides: [quiz] } } as unknown as SessionDetail;
  sent = [];
  vi.spyOn(host.live, 'command').mockImplementation((message) => void sent.push(message));
});

afterEach(() => mounted?.destroy());

describe("a quiz's countdown controls", () => {
  beforeAll(() => setLocale('sv'));

  it('extends and pauses a running countdown, and the pause button turns into the one that resumes', () => {
    showing(quiz, { closesIn: 14 });
    mounted = render(CountdownControls, { host, size: 'wide', testid: 'control-countdown' });
    const page = mounted;
    const buttons = () => [...page.target.querySelectorAll('button')];
    const note = () => page.target.querySelector('[role="status"]');
    expect(page.target.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Nedräkning');
    expect(buttons().map(text)).toEqual(['Förläng 10 s', 'Förläng 30 s', 'Pausa nedräkningen']);
    expect(note()?.classList.contains('sr-only')).toBe(true);

    buttons()[1]?.click();
    expect(sent.at(-1)).toEqual({ type: 'countdown', slideId: 'quiz', action: 'extend', seconds: 30 });

    const pause = page.target.querySelector('[data-testid="control-countdown-pause"]');
    (pause as HTMLButtonElement).click();
    expect(sent.at(-1)).toEqual({ type: 'countdown', slideId: 'quiz', action: 'pause' });
    showing(quiz, { pausedLeftMs: 13_600 });
    page.flush();
    expect(buttons().map(text)).toEqual(['Förläng 10 s', 'Förläng 30 s', 'Fortsätt nedräkningen (14 s kvar)']);
    expect(page.target.querySelector('[data-testid="control-countdown-resume"]')).toBe(pause);
    expect(text(note())).toBe('Nedräkningen är pausad. Svaren är öppna tills du fortsätter eller stänger dem.');
    expect(note()?.classList.contains('sr-only')).toBe(false);

    // The server takes more time for a paused countdown too.
    buttons()[0]?.click();
    expect(sent.at(-1)).toEqual({ type: 'countdown', slideId: 'quiz', action: 'extend', seconds: 10 });
    (pause as HTMLButtonElement).click();
    expect(sent.at(-1)).toEqual({ type: 'countdown', slideId: 'quiz', action: 'resume' });
  });

  it('starts a countdown that waits for its start with the button that then pauses it, keeping the focus', () => {
    showing(quiz, { awaitingStart: true });
    mounted = render(CountdownControls, { host, size: 'wide', testid: 'control-countdown' });
    const page = mounted;
    const start = page.target.querySelector<HTMLButtonElement>('[data-testid="control-countdown-start"]');
    expect([...page.target.querySelectorAll('button')].map(text)).toEqual(['Starta nedräkningen']);
    expect(text(page.target.querySelector('[role="status"]'))).toBe(
      'Nedräkningen har inte börjat än. Svaren tas emot först när den har startat.',
    );
    start?.focus();
    start?.click();
    expect(sent).toEqual([{ type: 'countdown', slideId: 'quiz', action: 'start' }]);

    showing(quiz, { closesIn: 20 });
    page.flush();
    expect(page.target.querySelector('[data-testid="control-countdown-pause"]')).toBe(start);
    expect(document.activeElement).toBe(start);
    expect(text(page.target.querySelector('[role="status"]'))).toBe('');
  });

  it('offers the start in the big screen’s toolbar too, without the note', () => {
    showing(quiz, { awaitingStart: true });
    mounted = render(CountdownControls, { host, size: 'small', testid: 'countdown' });
    expect(text(mounted.target.querySelector('[data-testid="countdown-start"]'))).toBe('Starta nedräkningen');
    expect(mounted.target.querySelector('[role="status"]')).toBeNull();
  });

  it('shows nothing for a question without a countdown running or paused, or once answering has closed', () => {
    const untimed = { ...quiz, id: 'untimed', seconds: null };
    host.detail = { presentation: { slides: [quiz, untimed] } } as unknown as SessionDetail;
    showing(untimed, { closesIn: 14 });
    mounted = render(CountdownControls, { host, size: 'small', testid: 'countdown' });
    expect(mounted.target.querySelector('button')).toBeNull();
    showing(quiz, { closesIn: 14, votingOpen: false });
    mounted.flush();
    expect(mounted.target.querySelector('button')).toBeNull();
  });
});
