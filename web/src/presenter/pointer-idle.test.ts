import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_MS, PointerIdle } from './pointer-idle';

const mouse = (x: number, y: number) => ({ pointerType: 'mouse', clientX: x, clientY: y });

describe('the big screen’s toolbar shows only while the mouse moves', () => {
  let seen: boolean[];
  let idle: PointerIdle;
  beforeEach(() => {
    vi.useFakeTimers();
    seen = [];
    idle = new PointerIdle((visible) => seen.push(visible));
  });
  afterEach(() => {
    idle.stop();
    vi.useRealTimers();
  });

  it('shows on a real move of the mouse and hides 2.5 s after the last one', () => {
    idle.move(mouse(100, 100));
    expect(seen).toEqual([]);
    idle.move(mouse(104, 101));
    expect(seen).toEqual([true]);
    vi.advanceTimersByTime(IDLE_MS - 100);
    idle.move(mouse(110, 101));
    vi.advanceTimersByTime(IDLE_MS - 1);
    expect(seen).toEqual([true, true]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([true, true, false]);
    expect(IDLE_MS).toBe(2500);
  });

  it('ignores the browser’s move at the same spot, as when a new slide appears under a resting mouse', () => {
    idle.move(mouse(100, 100));
    idle.move(mouse(100, 100));
    idle.move(mouse(100, 100));
    expect(seen).toEqual([]);
  });

  it('ignores touches and pens: a tap on a touch screen or a clicker is not the speaker reaching for the mouse', () => {
    for (const pointerType of ['touch', 'pen']) {
      idle.move({ pointerType, clientX: 10, clientY: 10 });
      idle.move({ pointerType, clientX: 50, clientY: 80 });
    }
    expect(seen).toEqual([]);
  });

  it('hides at once when the mouse leaves the window, and needs a real move to show again', () => {
    idle.move(mouse(1, 1));
    idle.move(mouse(2, 2));
    idle.leave();
    expect(seen).toEqual([true, false]);
    vi.advanceTimersByTime(IDLE_MS);
    expect(seen).toEqual([true, false]);
    idle.move(mouse(500, 500));
    expect(seen).toEqual([true, false]);
    idle.move(mouse(501, 500));
    expect(seen).toEqual([true, false, true]);
  });
});
