import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { isLoopback, joinUrlFor } from './join-url.js';

describe('joinUrlFor', () => {
  it('prefers the configured public address, without a trailing slash', () => {
    expect(joinUrlFor('https://ettor.kommun.se/', 'http://localhost:3000', '127.0.0.1')).toEqual({
      joinUrl: 'https://ettor.kommun.se',
      joinReachable: true,
    });
  });

  it('keeps the address the presenter used when phones can reach it', () => {
    expect(joinUrlFor(undefined, 'http://192.168.1.20:3000', '0.0.0.0')).toEqual({
      joinUrl: 'http://192.168.1.20:3000',
      joinReachable: true,
    });
  });

  it('swaps localhost for the LAN address when there is one and the server listens there', () => {
    const lan = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    expect(joinUrlFor(undefined, 'http://localhost:3000', '0.0.0.0')).toEqual(
      lan ? { joinUrl: `http://${lan.address}:3000`, joinReachable: true } : { joinUrl: 'http://localhost:3000', joinReachable: false },
    );
  });

  it('says no phone can reach it when the server listens on loopback only and no public address is set', () => {
    expect(joinUrlFor(undefined, 'http://localhost:3000', '127.0.0.1')).toEqual({ joinUrl: 'http://localhost:3000', joinReachable: false });
    expect(joinUrlFor(undefined, 'http://[::1]:3000', '::1')).toEqual({ joinUrl: 'http://[::1]:3000', joinReachable: false });
  });

  it('trusts the address a proxy was reached by, whatever the server listens on', () => {
    expect(joinUrlFor(undefined, 'https://ettor.region.se', '127.0.0.1')).toEqual({
      joinUrl: 'https://ettor.region.se',
      joinReachable: true,
    });
  });
});

describe('isLoopback', () => {
  it('knows this computer by name and by address', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]'].map(isLoopback)).toEqual([true, true, true, true, true]);
    expect(['0.0.0.0', '::', '192.168.1.20', 'ettor.se'].map(isLoopback)).toEqual([false, false, false, false]);
  });
});
