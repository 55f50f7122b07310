export type Route =
  | { name: 'dashboard' }
  | { name: 'login' }
  | { name: 'signup' }
  | { name: 'admin' }
  | { name: 'editor'; id: string }
  | { name: 'present'; id: string }
  | { name: 'control'; id: string }
  | { name: 'results'; id: string }
  /** Runs of one deck side by side, the session ids in the query: `?sessions=a,b`. */
  | { name: 'compare'; sessions: string[] }
  /** A session's results through a share link: public, read-only, outside the signed-in app. */
  | { name: 'shared'; token: string }
  | { name: 'notFound' };

const patterns: [RegExp, (match: RegExpMatchArray, search: string) => Route][] = [
  [/^\/app\/?$/, () => ({ name: 'dashboard' })],
  [/^\/app\/login\/?$/, () => ({ name: 'login' })],
  [/^\/app\/signup\/?$/, () => ({ name: 'signup' })],
  [/^\/app\/admin\/?$/, () => ({ name: 'admin' })],
  [/^\/app\/presentations\/([^/]+)\/?$/, (m) => ({ name: 'editor', id: decodeURIComponent(m[1] ?? '') })],
  [/^\/app\/sessions\/([^/]+)\/present\/?$/, (m) => ({ name: 'present', id: decodeURIComponent(m[1] ?? '') })],
  [/^\/app\/sessions\/([^/]+)\/control\/?$/, (m) => ({ name: 'control', id: decodeURIComponent(m[1] ?? '') })],
  [/^\/app\/sessions\/([^/]+)\/results\/?$/, (m) => ({ name: 'results', id: decodeURIComponent(m[1] ?? '') })],
  [/^\/app\/shared\/([^/]+)\/?$/, (m) => ({ name: 'shared', token: decodeURIComponent(m[1] ?? '') })],
  [
    /^\/app\/compare\/?$/,
    (_m, search) => ({
      name: 'compare',
      sessions: (new URLSearchParams(search).get('sessions') ?? '').split(',').filter(Boolean),
    }),
  ],
];

/** The route of an address; a query string or fragment does not change which page it is, only what the compare page compares. */
export function matchRoute(path: string): Route {
  const pathname = path.replace(/[?#].*$/su, '');
  const search = /\?[^#]*/su.exec(path)?.[0] ?? '';
  for (const [pattern, toRoute] of patterns) {
    const match = pathname.match(pattern);
    if (match) return toRoute(match, search);
  }
  return { name: 'notFound' };
}

// The query is part of the path: the compare page's sessions are in it.
const where = $state({ path: location.pathname + location.search, changes: 0 });

/** The presenter app's History API router: one current route, changed by links and back/forward. */
export const router = {
  get route(): Route {
    return matchRoute(where.path);
  },
  get path(): string {
    return where.path;
  },
  /** Counts navigations, so views can move focus after a change but not on the first load. */
  get changes(): number {
    return where.changes;
  },
  navigate(path: string, options: { replace?: boolean } = {}): void {
    if (path === where.path) return;
    if (options.replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    where.path = path;
    where.changes += 1;
  },
};

window.addEventListener('popstate', () => {
  where.path = location.pathname + location.search;
  where.changes += 1;
});

// Same-app links navigate without a page load; modified clicks keep their browser meaning.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element | null)?.closest?.('a');
  if (!link || link.target || link.hasAttribute('download') || link.origin !== location.origin) return;
  // A link within the page (the skip link) keeps its browser meaning: scroll and move focus there.
  if (link.getAttribute('href')?.startsWith('#')) return;
  if (!/^\/app(\/|$)/.test(link.pathname)) return;
  event.preventDefault();
  router.navigate(link.pathname + link.search);
});
