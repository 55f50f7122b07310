import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { JoinCodeGuard } from './code-guard.js';

describe('JoinCodeGuard', () => {
  const setUp = () => {
    let now = 1_000_000;
    const guard = new JoinCodeGuard(() => now);
    return { guard, wait: (ms: number) => (now += ms) };
  };
  const refused = (guard: JoinCodeGuard, address: string): string | null => {
    try {
      guard.assertMayTry(address);
      return null;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return `${error.code}: ${error.message}`;
    }
  };

  it('takes 49 wrong codes a minute from one address, and blocks it for a minute at the 50th', () => {
    const { guard, wait } = setUp();
    for (let i = 0; i < 49; i += 1) {
      expect(refused(guard, '10.0.0.1')).toBeNull();
      guard.wrong('10.0.0.1');
    }
    expect(refused(guard, '10.0.0.1')).toBeNull();
    guard.wrong('10.0.0.1');
    expect(refused(guard, '10.0.0.1')).toBe('rate_limited: Too many wrong codes from this network; try again in 60 seconds.');
    // Another address is not affected.
    expect(refused(guard, '10.0.0.2')).toBeNull();
    wait(59_000);
    expect(refused(guard, '10.0.0.1')).toBe('rate_limited: Too many wrong codes from this network; try again in 1 seconds.');
    wait(1_000);
    expect(refused(guard, '10.0.0.1')).toBeNull();
  });

  it('doubles the wait each time the address goes over again, up to 15 minutes', () => {
    const { guard, wait } = setUp();
    const blocks: number[] = [];
    for (let round = 0; round < 6; round += 1) {
      for (let i = 0; i < 50; i += 1) guard.wrong('10.0.0.1');
      let waited = 0;
      while (refused(guard, '10.0.0.1') !== null) {
        wait(1_000);
        waited += 1;
      }
      blocks.push(waited);
    }
    expect(blocks).toEqual([60, 120, 240, 480, 900, 900]);
  });

  it('forgets wrong codes from an earlier window: a typo now and then never adds up', () => {
    const { guard, wait } = setUp();
    for (let minute = 0; minute < 10; minute += 1) {
      for (let i = 0; i < 40; i += 1) guard.wrong('10.0.0.1');
      wait(60_000);
    }
    expect(refused(guard, '10.0.0.1')).toBeNull();
  });
});
