// The presenter's hold on a quiz's countdown: extend, pause and resume, each one set-voting the server already knows.
import type { ClientMessage, SessionDetail, SessionState, Slide } from '@ettor/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { slide as quiz } from '../slides/quiz/fixtures';
import { HostSession } from './host-session.svelte';

const choice: Slide = {
  id: 'roll',
  kind: 'choice',
  question: 'Vilken roll har du?',
  options: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
  ],
  allowMultiple: false,
  allowChange: true,
  showResultsOnPhones: false,
  notes: '',
};

let host: HostSession;
let sent: ClientMessage[];

/** A session on `current`, whose countdown (if any) ends in `closesInSeconds`. */
function showing(current: Slide, closesInSeconds: number | null, votingOpen = true): void {
  host.live.session = { slide: current, votingOpen } as SessionState;
  host.live.closesAt = closesInSeconds === null ? null : Date.now() + closesInSeconds * 1000;
}

beforeEach(() => {
  vi.useFakeTimers();
  host = new HostSession('session-1');
  host.detail = { presentation: { slides: [choice, quiz] } } as unknown as SessionDetail;
  sent = [];
  vi.spyOn(host.live, 'command').mockImplementation((message) => void sent.push(message));
});

afterEach(() => vi.useRealTimers());

describe("a timed question's countdown on the presenter's side", () => {
  it('is only for a question timed from the start', () => {
    showing(choice, 30);
    expect(host.timed).toBe(false);
    showing(quiz, 30);
    expect(host.timed).toBe(true);
  });

  it('extends by the seconds left and the seconds added', () => {
    showing(quiz, 12.4);
    host.extendCountdown(10);
    expect(sent).toEqual([{ type: 'set-voting', slideId: 'quiz', open: false, inSeconds: 23 }]);
  });

  it('pauses by keeping answering open without a countdown, and resumes from the seconds that were left', () => {
    showing(quiz, 15);
    vi.advanceTimersByTime(4_500);
    host.pauseCountdown();
    expect(sent).toEqual([{ type: 'set-voting', slideId: 'quiz', open: true }]);
    expect(host.pausedSeconds).toBe(11);

    // The server has stopped the countdown; a while later the presenter resumes it.
    showing(quiz, null);
    vi.advanceTimersByTime(60_000);
    host.resumeCountdown();
    expect(sent.at(-1)).toEqual({ type: 'set-voting', slideId: 'quiz', open: false, inSeconds: 11 });
    expect(host.pausedSeconds).toBeNull();
  });

  it('forgets a pause once the presenter closes or opens the answers another way', () => {
    showing(quiz, 15);
    host.pauseCountdown();
    showing(quiz, null);
    host.toggleVoting();
    expect(sent.at(-1)).toEqual({ type: 'set-voting', slideId: 'quiz', open: false });
    expect(host.pausedSeconds).toBeNull();
  });

  it('does nothing without a running countdown, and keeps a pause to its own question', () => {
    showing(quiz, null);
    host.extendCountdown(10);
    host.pauseCountdown();
    expect(sent).toEqual([]);
    showing(quiz, 15);
    host.pauseCountdown();
    showing(choice, null);
    expect(host.pausedSeconds).toBeNull();
    host.resumeCountdown();
    expect(sent).toHaveLength(1);
  });
});
