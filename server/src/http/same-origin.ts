import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a request was made by a page of another origin: the browser says the site differs (`Sec-Fetch-Site`), or its
 * `Origin` names another host than the one asked. A request with neither (curl, the CLI, a script) is not: the
 * rule stops a browser carrying the presenter's cookie for someone else's page, which always sends them.
 */
export function isCrossSite(headers: IncomingHttpHeaders): boolean {
  const site = headers['sec-fetch-site'];
  // Another port of the same host is "same-site" but another origin, and SameSite cookies travel there.
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== headers.host;
  } catch {
    return true;
  }
}
