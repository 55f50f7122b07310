import type { ClientMessage, SessionDetail, SessionState, Slide } from '@ettor/protocol';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { slide as quiz } from '../slides/quiz/fixtures';
import { render, type Mounted } from '../test-support/render.svelte';
import CountdownControls from './CountdownControls.svelte';
import { HostSession } from './host-session.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let host: HostSession;
let sent: ClientMessage[];
let mounted: Mounted<{ host: HostSession; size: 'small' | 'wide'; testid: string }> | undefined;

function showing(current: Slide, closesInSeconds: number | null, votingOpen = true): void {
  host.live.session = { slide: current, votingOpen } as SessionState;
  host.live.closesAt = closesInSeconds === null ? null : Date.now() + closesInSeconds * 1000;
}

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
    showing(quiz, 14);
    mounted = render(CountdownControls, { host, size: 'wide', testid: 'control-countdown' });
    const page = mounted;
    const buttons = () => [...page.target.querySelectorAll('button')];
    expect(page.target.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Nedräkning');
    expect(buttons().map(text)).toEqual(['Förläng 10 s', 'Förläng 30 s', 'Pausa nedräkningen']);

    buttons()[1]?.click();
    expect(sent.at(-1)).toMatchObject({ open: false, inSeconds: 44 });

    const pause = page.target.querySelector('[data-testid="control-countdown-pause"]');
    (pause as HTMLButtonElement).click();
    showing(quiz, null);
    page.flush();
    expect(buttons().map(text)).toEqual(['Fortsätt nedräkningen (14 s kvar)']);
    expect(page.target.querySelector('[data-testid="control-countdown-resume"]')).toBe(pause);
    expect(text(page.target.querySelector('.paused'))).toBe(
      'Nedräkningen är pausad. Svaren är öppna tills du fortsätter eller stänger dem.',
    );
  });

  it('shows nothing for a question without a countdown running or paused, or once answering has closed', () => {
    const untimed = { ...quiz, id: 'untimed', seconds: null };
    host.detail = { presentation: { slides: [quiz, untimed] } } as unknown as SessionDetail;
    showing(untimed, 14);
    mounted = render(CountdownControls, { host, size: 'small', testid: 'countdown' });
    expect(mounted.target.querySelector('button')).toBeNull();
    showing(quiz, 14, false);
    mounted.flush();
    expect(mounted.target.querySelector('button')).toBeNull();
  });
});
