import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

/** The reverse proxies believed about the client's address and scheme: none, the nearest `n` hops, or those at these addresses. */
export type TrustProxy = false | number | readonly string[];

/** Whether the hop `index` steps from the server (0: the socket's peer, then X-Forwarded-For from its end) is a trusted proxy. */
export type TrustFunction = (address: string, index: number) => boolean;

/** Compiles the setting once, for Fastify and the live channel alike; throws on an entry proxy-addr does not understand. */
export function trustFunction(setting: TrustProxy): TrustFunction {
  if (setting === false) return () => false;
  // Fastify 5.12 trusts no hop for a bare number (it cannot tell the peer is the proxy), so a hop count is a function.
  if (typeof setting === 'number') return (_address, index) => index < setting;
  return proxyAddr.compile([...setting]);
}

/** The address the outermost trusted proxy saw the client at, or the socket's peer when no proxy is trusted. */
export function clientAddress(request: IncomingMessage, trust: TrustFunction): string {
  // A socket already closed has no peer address left to report, whatever proxy-addr's types say.
  const address: string | undefined = proxyAddr(request, trust);
  return address ?? 'unknown';
}
