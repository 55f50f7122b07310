import { describe, expect, it } from 'vitest';
import { elapsedSeconds, formatClock, formatDuration, remainingSeconds, remainingState } from './time';

describe('the console’s times', () => {
  it('formats durations as mm:ss, and as h:mm:ss from an hour on', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(5)).toBe('00:05');
    expect(formatDuration(245.9)).toBe('04:05');
    expect(formatDuration(3599)).toBe('59:59');
    expect(formatDuration(3600)).toBe('1:00:00');
    expect(formatDuration(3 * 3600 + 4 * 60 + 5)).toBe('3:04:05');
    expect(formatDuration(-12)).toBe('00:00');
  });

  it('counts whole seconds since the start, never fewer than none', () => {
    const start = '2026-12-03T13:00:00.000Z';
    expect(elapsedSeconds(start, Date.parse('2026-12-03T13:12:34.900Z'))).toBe(754);
    // This device's clock a little behind the server's.
    expect(elapsedSeconds(start, Date.parse('2026-12-03T12:59:58.000Z'))).toBe(0);
    expect(elapsedSeconds('not a time', Date.now())).toBe(0);
  });

  it('counts down the planned length, below zero once the talk runs over', () => {
    expect(remainingSeconds(30, 754)).toBe(1046);
    expect(remainingSeconds(10, 754)).toBe(-154);
    expect(remainingState(1046)).toBe('plenty');
    expect(remainingState(300)).toBe('low');
    expect(remainingState(0)).toBe('low');
    expect(remainingState(-1)).toBe('over');
  });

  it('shows the wall time in the language’s own style', () => {
    const now = new Date(2026, 11, 3, 14, 5).getTime();
    expect(formatClock(now, 'sv')).toBe('14:05');
  });
});
