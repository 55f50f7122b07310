import { ROUTES, routePath, type ErrorCode, type RouteName, type RouteParams, type RouteRequest, type RouteResult } from '@ettor/protocol';

/** A failed request: the server's error code, or `network` when the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'network',
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The routes answered with JSON or nothing; images are loaded by `<img>`, not through here. */
type ApiRoute = { [N in RouteName]: RouteResult<N> extends Blob ? never : N }[RouteName];

/** The request argument, which may be left out when the route needs no parameters, query or body. */
type ApiArgs<N extends ApiRoute> = Record<never, never> extends RouteRequest<N> ? [request?: RouteRequest<N>] : [request: RouteRequest<N>];

/** Calls a route of the table and returns its parsed JSON body, or throws an ApiError. */
export async function api<N extends ApiRoute>(name: N, ...[request]: ApiArgs<N>): Promise<RouteResult<N>> {
  const { params, query, body } = (request ?? {}) as {
    params?: RouteParams<N>;
    query?: Record<string, string | undefined>;
    body?: unknown;
  };
  const init: RequestInit = { method: ROUTES[name].method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  let response: Response;
  try {
    response = await fetch(routePath(name, params ?? ({} as RouteParams<N>)) + queryString(query), init);
  } catch {
    throw new ApiError('network', 'network error', 0);
  }
  if (response.status === 204) return undefined as RouteResult<N>;
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(parsed, response.status);
  return parsed as RouteResult<N>;
}

/** `?a=1&b=2` from the fields that are set; nothing when none is. */
function queryString(query: Record<string, string | undefined> | undefined): string {
  const fields = Object.entries(query ?? {}).filter((field): field is [string, string] => field[1] !== undefined);
  return fields.length === 0 ? '' : `?${new URLSearchParams(fields).toString()}`;
}

function toApiError(body: unknown, status: number): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(error.code as ErrorCode, String(error.message ?? ''), status);
  }
  return new ApiError(status >= 500 ? 'internal' : 'validation_failed', `HTTP ${status}`, status);
}
