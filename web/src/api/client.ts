import type { ErrorCode } from '@ettor/protocol';

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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Calls the Ettor API and returns the parsed JSON body, or throws an ApiError. */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError('network', 'network error', 0);
  }
  if (response.status === 204) return undefined as T;
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(parsed, response.status);
  return parsed as T;
}

function toApiError(body: unknown, status: number): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(error.code as ErrorCode, String(error.message ?? ''), status);
  }
  return new ApiError(status >= 500 ? 'internal' : 'validation_failed', `HTTP ${status}`, status);
}
