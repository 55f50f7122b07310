// The HTTP route table without its schemas: free of zod, so the phone's page can import it.
// The schemas of each route, keyed by the same names, are in route-schemas.ts.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route: anyone, a signed-in presenter, or an administrator. A presenter reaches only
 * their own presentations and sessions; someone else's are answered `not_found`, as if missing.
 */
export type RouteAuth = 'public' | 'user' | 'admin';

export interface RouteSpec {
  readonly method: HttpMethod;
  /** Fastify's form: `:name` marks a path parameter. */
  readonly path: string;
  readonly auth: RouteAuth;
  /** The status of a success; 204 has no body. */
  readonly status: 200 | 201 | 204;
}

export const ROUTES = {
  health: { method: 'GET', path: '/healthz', auth: 'public', status: 200 },
  openApi: { method: 'GET', path: '/api/openapi.json', auth: 'public', status: 200 },
  setupStatus: { method: 'GET', path: '/api/setup', auth: 'public', status: 200 },
  signup: { method: 'POST', path: '/api/auth/signup', auth: 'public', status: 201 },
  login: { method: 'POST', path: '/api/auth/login', auth: 'public', status: 200 },
  logout: { method: 'POST', path: '/api/auth/logout', auth: 'public', status: 204 },
  me: { method: 'GET', path: '/api/auth/me', auth: 'user', status: 200 },
  getSettings: { method: 'GET', path: '/api/admin/settings', auth: 'admin', status: 200 },
  updateSettings: { method: 'PATCH', path: '/api/admin/settings', auth: 'admin', status: 200 },
  listPresentations: { method: 'GET', path: '/api/presentations', auth: 'user', status: 200 },
  createPresentation: { method: 'POST', path: '/api/presentations', auth: 'user', status: 201 },
  importPresentation: { method: 'POST', path: '/api/presentations/import', auth: 'user', status: 201 },
  getPresentation: { method: 'GET', path: '/api/presentations/:id', auth: 'user', status: 200 },
  renamePresentation: { method: 'PATCH', path: '/api/presentations/:id', auth: 'user', status: 200 },
  deletePresentation: { method: 'DELETE', path: '/api/presentations/:id', auth: 'user', status: 204 },
  duplicatePresentation: { method: 'POST', path: '/api/presentations/:id/duplicate', auth: 'user', status: 201 },
  exportPresentation: { method: 'GET', path: '/api/presentations/:id/export', auth: 'user', status: 200 },
  listTemplates: { method: 'GET', path: '/api/templates', auth: 'user', status: 200 },
  createFromTemplate: { method: 'POST', path: '/api/templates/:id/presentations', auth: 'user', status: 201 },
  addSlide: { method: 'POST', path: '/api/presentations/:id/slides', auth: 'user', status: 201 },
  updateSlide: { method: 'PUT', path: '/api/presentations/:id/slides/:slideId', auth: 'user', status: 200 },
  deleteSlide: { method: 'DELETE', path: '/api/presentations/:id/slides/:slideId', auth: 'user', status: 204 },
  reorderSlides: { method: 'PUT', path: '/api/presentations/:id/slide-order', auth: 'user', status: 200 },
  uploadAsset: { method: 'POST', path: '/api/assets', auth: 'user', status: 201 },
  media: { method: 'GET', path: '/media/:id', auth: 'public', status: 200 },
  startSession: { method: 'POST', path: '/api/presentations/:id/sessions', auth: 'user', status: 201 },
  listSessions: { method: 'GET', path: '/api/presentations/:id/sessions', auth: 'user', status: 200 },
  getSession: { method: 'GET', path: '/api/sessions/:id', auth: 'user', status: 200 },
  endSession: { method: 'POST', path: '/api/sessions/:id/end', auth: 'user', status: 200 },
  deleteSession: { method: 'DELETE', path: '/api/sessions/:id', auth: 'user', status: 204 },
  sessionReport: { method: 'GET', path: '/api/sessions/:id/report', auth: 'user', status: 200 },
  exportSessionReport: { method: 'GET', path: '/api/sessions/:id/export', auth: 'user', status: 200 },
  compareSessions: { method: 'GET', path: '/api/compare', auth: 'user', status: 200 },
  listShareLinks: { method: 'GET', path: '/api/sessions/:id/share-links', auth: 'user', status: 200 },
  createShareLink: { method: 'POST', path: '/api/sessions/:id/share-links', auth: 'user', status: 201 },
  revokeShareLink: { method: 'DELETE', path: '/api/sessions/:id/share-links/:linkId', auth: 'user', status: 204 },
  sharedReport: { method: 'GET', path: '/api/shared/:token/report', auth: 'public', status: 200 },
  join: { method: 'GET', path: '/api/join/:code', auth: 'public', status: 200 },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;

/** The parameter names of a path, from its `:name` segments. */
export type PathParamName<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamName<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export type RouteParams<N extends RouteName> = { [K in PathParamName<(typeof ROUTES)[N]['path']>]: string };

/** The address of a route with its parameters filled in. */
export function routePath<N extends RouteName>(name: N, params: RouteParams<N>): string {
  const values: Record<string, string> = params;
  return ROUTES[name].path.replace(/:(\w+)/gu, (_match, key: string) => encodeURIComponent(values[key] ?? ''));
}
