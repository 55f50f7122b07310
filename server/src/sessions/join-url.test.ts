import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { joinUrlFor } from './join-url.js';

describe('joinUrlFor', () => {
  it('prefers the configured public address, without a trailing slash', () => {
    expect(joinUrlFor('https://ettor.kommun.se/', 'http://localhost:3000')).toBe('https://ettor.kommun.se');
  });

  it('keeps the address the presenter used when phones can reach it', () => {
    expect(joinUrlFor(undefined, 'http://192.168.1.20:3000')).toBe('http://192.168.1.20:3000');
  });

  it('swaps localhost for the LAN address when there is one', () => {
    const lan = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    const url = joinUrlFor(undefined, 'http://localhost:3000');
    expect(url).toBe(lan ? `http://${lan.address}:3000` : 'http://localhost:3000');
  });
});
