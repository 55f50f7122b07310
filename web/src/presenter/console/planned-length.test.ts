import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePlannedMinutes, readPlannedMinutes, savePlannedMinutes } from './planned-length';

describe('the planned length of a talk', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('takes whole minutes from 1 to 600, with spaces around them', () => {
    expect(parsePlannedMinutes('45')).toBe(45);
    expect(parsePlannedMinutes(' 90 ')).toBe(90);
    expect(parsePlannedMinutes('600')).toBe(600);
    for (const text of ['', ' ', '0', '601', '4.5', '-5', '1e2', 'en timme', null]) expect(parsePlannedMinutes(text)).toBeNull();
  });

  it('is kept per session in this browser, and forgotten when cleared', () => {
    savePlannedMinutes('session-1', 45);
    savePlannedMinutes('session-2', 20);
    expect(readPlannedMinutes('session-1')).toBe(45);
    expect(readPlannedMinutes('session-2')).toBe(20);
    savePlannedMinutes('session-1', null);
    expect(readPlannedMinutes('session-1')).toBeNull();
    expect(readPlannedMinutes('session-3')).toBeNull();
  });

  it('does without storage where the browser forbids it', () => {
    const blocked = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    vi.stubGlobal('localStorage', { getItem: blocked, setItem: blocked, removeItem: blocked });
    expect(() => savePlannedMinutes('session-1', 45)).not.toThrow();
    expect(readPlannedMinutes('session-1')).toBeNull();
  });
});
