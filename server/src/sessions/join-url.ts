import os from 'node:os';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Whether a host name or listening address is this computer only. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

/**
 * The address phones are told to open, and whether they can reach it. A presenter on `localhost` would otherwise show
 * an address no phone can reach, so loopback is swapped for the machine's first LAN address, unless the server
 * listens on loopback only: then no address works, and the big screen says so rather than advertise one.
 */
export function joinUrlFor(
  publicUrl: string | undefined,
  requestOrigin: string,
  listenHost: string,
): { joinUrl: string; joinReachable: boolean } {
  if (publicUrl) return { joinUrl: publicUrl.replace(/\/+$/u, ''), joinReachable: true };
  const url = new URL(requestOrigin);
  if (!isLoopback(url.hostname)) return { joinUrl: url.origin, joinReachable: true };
  if (isLoopback(listenHost)) return { joinUrl: url.origin, joinReachable: false };
  const lan = Object.values(os.networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal);
  if (lan) url.hostname = lan.address;
  return { joinUrl: url.origin, joinReachable: lan !== undefined };
}
