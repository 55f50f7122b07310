// A question's countdown as the server keeps it: started, paused, resumed, extended, closed. Pure: times go in as values.
import { type CountdownMessage, type ErrorCode, MAX_COUNTDOWN_SECONDS } from '@ettor/protocol';
import { z } from 'zod';

/** A pause of the countdown; `to` is null while it lasts. */
export const pauseSchema = z.strictObject({ from: z.iso.datetime(), to: z.iso.datetime().nullable() });
export type Pause = z.infer<typeof pauseSchema>;
export const pausesSchema = z.array(pauseSchema);

/** The countdown's part of a slide's state in its current round. */
export interface Countdown {
  /** When answering closes: a future time while a countdown runs, a past one once closed, null while open without one. */
  closedAt: string | null;
  /** When the round's answering began; null before. */
  openedAt: string | null;
  /** What a paused countdown has left; null unless paused. */
  pausedLeftMs: number | null;
  pauses: readonly Pause[];
}

export type CountdownStep = Pick<CountdownMessage, 'action' | 'seconds'> & {
  /** The slide's own time limit in milliseconds (the deck's extra time included), for `start`; null for a slide without one. */
  limitMs: number | null;
};

export type CountdownOutcome = { ok: true; countdown: Countdown } | { ok: false; code: ErrorCode; message: string };

const MAX_MS = MAX_COUNTDOWN_SECONDS * 1000;

const isRunning = (countdown: Countdown, now: Date): boolean =>
  countdown.closedAt !== null && Date.parse(countdown.closedAt) > now.getTime();

const isClosed = (countdown: Countdown, now: Date): boolean =>
  countdown.closedAt !== null && Date.parse(countdown.closedAt) <= now.getTime();

/** Whether a timed question is waiting for the room to see it: no answering has begun and none has been closed. */
export const isAwaitingStart = (countdown: Pick<Countdown, 'closedAt' | 'openedAt'>): boolean =>
  countdown.openedAt === null && countdown.closedAt === null;

/** The pauses with the one that lasts ended at `at`. */
const endPause = (pauses: readonly Pause[], at: string): Pause[] =>
  pauses.map((pause) => (pause.to === null ? { ...pause, to: at } : pause));

/** Runs the countdown on for `ms` from now; the first run of a round marks when answering began. */
const run = (countdown: Countdown, now: Date, ms: number): Countdown => ({
  closedAt: new Date(now.getTime() + ms).toISOString(),
  openedAt: countdown.openedAt ?? now.toISOString(),
  pausedLeftMs: null,
  pauses: endPause(countdown.pauses, now.toISOString()),
});

/** Applies the presenter's `countdown` message. Repeating one (a start of a started countdown, a second pause) changes nothing. */
export function steerCountdown(countdown: Countdown, step: CountdownStep, now: Date): CountdownOutcome {
  const fail = (code: ErrorCode, message: string): CountdownOutcome => ({ ok: false, code, message });
  if (step.action === 'start') {
    if (step.limitMs === null) return fail('validation_failed', 'This question has no time limit to start.');
    return { ok: true, countdown: isAwaitingStart(countdown) ? run(countdown, now, step.limitMs) : countdown };
  }
  if (isClosed(countdown, now)) return fail('voting_closed', 'Answering on this question has closed.');
  const paused = countdown.pausedLeftMs;
  if (paused === null && !isRunning(countdown, now)) return fail('validation_failed', 'No countdown runs on this question.');
  switch (step.action) {
    case 'pause':
      if (paused !== null) return { ok: true, countdown };
      return {
        ok: true,
        countdown: {
          closedAt: null,
          openedAt: countdown.openedAt ?? now.toISOString(),
          pausedLeftMs: Date.parse(countdown.closedAt!) - now.getTime(),
          pauses: [...countdown.pauses, { from: now.toISOString(), to: null }],
        },
      };
    case 'resume':
      return { ok: true, countdown: paused === null ? countdown : run(countdown, now, paused) };
    case 'extend': {
      const more = (step.seconds ?? 0) * 1000;
      if (paused !== null) return { ok: true, countdown: { ...countdown, pausedLeftMs: Math.min(MAX_MS, paused + more) } };
      const left = Date.parse(countdown.closedAt!) - now.getTime();
      return { ok: true, countdown: { ...countdown, closedAt: new Date(now.getTime() + Math.min(MAX_MS, left + more)).toISOString() } };
    }
  }
}

/**
 * Opens answering with no countdown, closes it now, or runs a countdown of `ms` that closes it (the presenter's
 * set-voting). A pause ends either way; opening marks when answering began, so a timed question opened by hand
 * no longer waits for its start.
 */
export function setAnswering(countdown: Countdown, open: boolean, now: Date, ms = 0): Countdown {
  const at = now.toISOString();
  if (!open && ms > 0) return run(countdown, now, ms);
  return {
    closedAt: open ? null : at,
    openedAt: open ? (countdown.openedAt ?? at) : countdown.openedAt,
    pausedLeftMs: null,
    pauses: endPause(countdown.pauses, at),
  };
}

/** How long the countdown had run at `at` since answering began, pauses left out; null before it began. */
export function runningMs(countdown: Pick<Countdown, 'openedAt' | 'pauses'>, at: string): number | null {
  if (countdown.openedAt === null) return null;
  const start = Date.parse(countdown.openedAt);
  const end = Date.parse(at);
  const paused = countdown.pauses.reduce((sum, pause) => {
    const from = Math.max(start, Date.parse(pause.from));
    const to = Math.min(end, pause.to === null ? end : Date.parse(pause.to));
    return sum + Math.max(0, to - from);
  }, 0);
  return end - start - paused;
}
