import os from 'node:os';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The address phones are told to open. A presenter on `localhost` would otherwise show an address no phone
 * can reach, so loopback is swapped for the machine's first LAN address.
 */
export function joinUrlFor(publicUrl: string | undefined, requestOrigin: string): string {
  if (publicUrl) return publicUrl.replace(/\/+$/u, '');
  const url = new URL(requestOrigin);
  if (LOOPBACK.has(url.hostname)) {
    const lan = Object.values(os.networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (lan) url.hostname = lan.address;
  }
  return url.origin;
}
