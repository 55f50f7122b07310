import type { Slide } from '@ettor/protocol';
import type { ServerProcess } from './server-process.js';
import type { LiveSession, ServerKind, TransportKind } from './types.js';

export function transportOf(kind: ServerKind): TransportKind {
  return kind === 'typical' ? 'socketio' : 'ws';
}

/** Opens a live session of the example deck the way a presenter would, and returns what the audience needs. */
export function openSession(server: ServerProcess): Promise<LiveSession> {
  return server.kind === 'ettor' ? openEttorSession(server.url) : openBaselineSession(server.url);
}

async function call(url: string, method: string, cookie: string, body?: unknown): Promise<{ json: any; cookie: string }> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  const session = response.headers.getSetCookie().map((line) => line.split(';')[0] ?? '').find((pair) => pair.startsWith('ettor_session='));
  return { json: text ? JSON.parse(text) : undefined, cookie: session ?? cookie };
}

/** Ettor: sign up (the first account is allowed and gets the example deck), start a session, read its slides. */
async function openEttorSession(base: string): Promise<LiveSession> {
  const { cookie } = await call(`${base}/api/auth/signup`, 'POST', '', { email: 'bench@example.com', password: 'bench-password-1', name: 'Bench' });
  const { json: presentations } = await call(`${base}/api/presentations`, 'GET', cookie);
  const deck = (presentations as { id: string; slideCount: number }[]).sort((a, b) => b.slideCount - a.slideCount)[0];
  if (!deck) throw new Error('the new account has no example deck');
  const { json: info } = await call(`${base}/api/presentations/${deck.id}/sessions`, 'POST', cookie, {});
  const { json: detail } = await call(`${base}/api/sessions/${info.id}`, 'GET', cookie);
  return { sessionId: info.id, code: info.code, slides: detail.presentation.slides as Slide[], hostHeaders: { cookie } };
}

/** A baseline: one call starts a session of the same deck; it has no accounts, so the host needs no cookie. */
async function openBaselineSession(base: string): Promise<LiveSession> {
  const { json } = await call(`${base}/session`, 'POST', '', {});
  return { sessionId: json.id, code: json.code, slides: json.slides as Slide[], hostHeaders: {} };
}
