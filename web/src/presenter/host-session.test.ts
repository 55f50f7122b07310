// The presenter's hold on a quiz's countdown: start, pause, resume and extend, each a `countdown` message; the server keeps
// the pause, so every page of the presenter sees it. And on the players' nicknames, which leaderboards show.
import { MAX_COUNTDOWN_SECONDS, type ClientMessage, type SessionDetail, type SessionState, type Slide } from '@ettor/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { slide as quiz } from '../slides/quiz/fixtures';
import { HostSession } from './host-session.svelte';
import { type CountdownShown, showCountdown } from '../test-support/countdown';

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

const showing = (current: Slide, countdown?: CountdownShown) => showCountdown(host, current, countdown);

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
    showing(choice, { closesIn: 30 });
    expect(host.timed).toBe(false);
    showing(quiz, { closesIn: 30 });
    expect(host.timed).toBe(true);
  });

  it('starts a countdown that waits for its start, and only such a one', () => {
    showing(quiz, { awaitingStart: true });
    expect(host.awaitingStart).toBe(true);
    expect(host.voting).toEqual({ open: false, closesAt: null, pausedLeftMs: null, awaitingStart: true });
    host.startCountdown();
    expect(sent).toEqual([{ type: 'countdown', slideId: 'quiz', action: 'start' }]);

    showing(quiz, { closesIn: 20 });
    host.startCountdown();
    expect(sent).toHaveLength(1);
  });

  it('pauses and resumes through the server, which keeps what was left', () => {
    showing(quiz, { closesIn: 15 });
    host.pauseCountdown();
    expect(sent).toEqual([{ type: 'countdown', slideId: 'quiz', action: 'pause' }]);
    expect(host.pausedSeconds).toBeNull();

    showing(quiz, { pausedLeftMs: 10_500 });
    expect(host.pausedSeconds).toBe(11);
    expect(host.voting).toEqual({ open: true, closesAt: null, pausedLeftMs: 10_500, awaitingStart: false });
    host.resumeCountdown();
    expect(sent.at(-1)).toEqual({ type: 'countdown', slideId: 'quiz', action: 'resume' });
  });

  it('keeps the pause over a reload of the page, since it comes with the state', () => {
    showing(quiz, { pausedLeftMs: 8_000 });
    host.stop();
    host = new HostSession('session-1');
    host.detail = { presentation: { slides: [choice, quiz] } } as unknown as SessionDetail;
    vi.spyOn(host.live, 'command').mockImplementation((message) => void sent.push(message));
    expect(host.pausedSeconds).toBeNull();
    showing(quiz, { pausedLeftMs: 8_000 });
    expect(host.pausedSeconds).toBe(8);
    host.resumeCountdown();
    expect(sent).toEqual([{ type: 'countdown', slideId: 'quiz', action: 'resume' }]);
  });

  it('extends a running or a paused countdown by the seconds added, at most what the protocol takes', () => {
    showing(quiz, { closesIn: 12.4 });
    host.extendCountdown(10);
    showing(quiz, { pausedLeftMs: 5_000 });
    host.extendCountdown(30);
    host.extendCountdown(MAX_COUNTDOWN_SECONDS + 1);
    expect(sent).toEqual([
      { type: 'countdown', slideId: 'quiz', action: 'extend', seconds: 10 },
      { type: 'countdown', slideId: 'quiz', action: 'extend', seconds: 30 },
      { type: 'countdown', slideId: 'quiz', action: 'extend', seconds: MAX_COUNTDOWN_SECONDS },
    ]);
  });

  it('does nothing without a countdown to steer, and keeps a pause to its own question', () => {
    showing(quiz);
    host.extendCountdown(10);
    host.pauseCountdown();
    host.resumeCountdown();
    host.startCountdown();
    expect(sent).toEqual([]);

    // The state still speaks of the quiz while the deck here has moved on to another slide.
    host.live.session = { slide: quiz, votingOpen: true } as SessionState;
    host.live.pausedLeftMs = 8_000;
    host.live.awaitingStart = true;
    host.detail = { presentation: { slides: [choice] } } as unknown as SessionDetail;
    expect(host.pausedSeconds).toBeNull();
    expect(host.awaitingStart).toBe(false);
    expect(host.voting.pausedLeftMs).toBeNull();
  });

  it('closes or opens the answers by set-voting as before, whatever the countdown', () => {
    showing(quiz, { pausedLeftMs: 8_000 });
    host.toggleVoting();
    host.closeAfter(30);
    expect(sent).toEqual([
      { type: 'set-voting', slideId: 'quiz', open: false },
      { type: 'set-voting', slideId: 'quiz', open: false, inSeconds: 30 },
    ]);
  });
});

describe("the players' nicknames on the presenter's side", () => {
  it('approves or hides a nickname by a moderate-nickname message, whatever the current slide', () => {
    host.moderateNickname('Solrosen', 'approve');
    showing(choice);
    host.moderateNickname('Kvarnen', 'hide');
    expect(sent).toEqual([
      { type: 'moderate-nickname', nickname: 'Solrosen', action: 'approve' },
      { type: 'moderate-nickname', nickname: 'Kvarnen', action: 'hide' },
    ]);
  });
});
