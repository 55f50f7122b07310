import { MAX_COUNTDOWN_SECONDS } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { type Countdown, type CountdownStep, isAwaitingStart, runningMs, setAnswering, steerCountdown } from './countdown.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 3, 10, 0, 0) + seconds * 1000);
const iso = (seconds: number) => at(seconds).toISOString();
const waiting: Countdown = { closedAt: null, openedAt: null, pausedLeftMs: null, pauses: [] };
const step = (action: CountdownStep['action'], extra: Partial<CountdownStep> = {}): CountdownStep => ({
  action,
  limitMs: 20_000,
  ...extra,
});

/** Steps that must succeed, from `start` at 0 s. */
function play(...steps: [number, CountdownStep][]): Countdown {
  return steps.reduce((countdown, [second, next]) => {
    const outcome = steerCountdown(countdown, next, at(second));
    if (!outcome.ok) throw new Error(`${next.action} at ${second}s: ${outcome.code}`);
    return outcome.countdown;
  }, waiting);
}

describe('a countdown the server keeps', () => {
  it('starts once, for the time limit, and marks when answering began', () => {
    const started = play([0, step('start')]);
    expect(started).toEqual({ closedAt: iso(20), openedAt: iso(0), pausedLeftMs: null, pauses: [] });
    expect(isAwaitingStart(waiting)).toBe(true);
    expect(isAwaitingStart(started)).toBe(false);
    // A second start (the presenter going back to the slide) changes nothing.
    expect(play([0, step('start')], [5, step('start')])).toEqual(started);
  });

  it('pauses with what is left, keeps answering open, and resumes from exactly that', () => {
    const paused = play([0, step('start')], [6, step('pause')]);
    expect(paused).toEqual({ closedAt: null, openedAt: iso(0), pausedLeftMs: 14_000, pauses: [{ from: iso(6), to: null }] });
    // A second pause is the same pause.
    expect(play([0, step('start')], [6, step('pause')], [8, step('pause')])).toEqual(paused);
    const resumed = play([0, step('start')], [6, step('pause')], [60, step('resume')]);
    expect(resumed).toEqual({ closedAt: iso(74), openedAt: iso(0), pausedLeftMs: null, pauses: [{ from: iso(6), to: iso(60) }] });
    expect(runningMs(resumed, iso(70))).toBe(16_000);
  });

  it('extends a running or a paused countdown, never past the longest countdown', () => {
    expect(play([0, step('start')], [5, step('extend', { seconds: 30 })]).closedAt).toBe(iso(50));
    expect(play([0, step('start')], [5, step('pause')], [9, step('extend', { seconds: 10 })]).pausedLeftMs).toBe(25_000);
    const long = play([0, step('start')], [1, step('extend', { seconds: MAX_COUNTDOWN_SECONDS })]);
    expect(long.closedAt).toBe(iso(1 + MAX_COUNTDOWN_SECONDS));
  });

  it('refuses to steer what is closed, what has no countdown, and a start without a time limit', () => {
    const closed = play([0, step('start')]);
    for (const action of ['pause', 'resume', 'extend'] as const) {
      expect(steerCountdown(closed, step(action, { seconds: 5 }), at(20))).toMatchObject({ ok: false, code: 'voting_closed' });
      expect(steerCountdown(setAnswering(waiting, true, at(0)), step(action, { seconds: 5 }), at(1))).toMatchObject({
        ok: false,
        code: 'validation_failed',
      });
    }
    expect(steerCountdown(waiting, step('start', { limitMs: null }), at(0))).toMatchObject({ ok: false, code: 'validation_failed' });
  });

  it('ends a pause when the presenter opens or closes answering by hand, and opening by hand ends the wait', () => {
    const paused = play([0, step('start')], [6, step('pause')]);
    expect(setAnswering(paused, false, at(9))).toEqual({
      closedAt: iso(9),
      openedAt: iso(0),
      pausedLeftMs: null,
      pauses: [{ from: iso(6), to: iso(9) }],
    });
    expect(setAnswering(paused, true, at(9))).toMatchObject({ closedAt: null, pausedLeftMs: null, pauses: [{ from: iso(6), to: iso(9) }] });
    expect(isAwaitingStart(setAnswering(waiting, true, at(3)))).toBe(false);
    expect(setAnswering(waiting, false, at(3), 30_000)).toMatchObject({ closedAt: iso(33), openedAt: iso(3) });
  });

  it('counts the time run since answering began, pauses left out, the lasting one up to the moment asked', () => {
    expect(runningMs(waiting, iso(5))).toBeNull();
    const twice = {
      openedAt: iso(0),
      pauses: [
        { from: iso(4), to: iso(9) },
        { from: iso(12), to: null },
      ],
    };
    expect(runningMs(twice, iso(3))).toBe(3_000);
    expect(runningMs(twice, iso(6))).toBe(4_000);
    expect(runningMs(twice, iso(10))).toBe(5_000);
    expect(runningMs(twice, iso(30))).toBe(7_000);
  });
});
