import fs from 'node:fs';
import { type Slide, deckFileSchema, renumberSlides } from '@ettor/protocol';
import { BENCH_DECK, type ServerProcess } from './server-process.js';
import type { LiveSession, ServerKind, TransportKind } from './types.js';

export function transportOf(kind: ServerKind): TransportKind {
  return kind === 'typical' ? 'socketio' : 'ws';
}

/** The bench deck: the file itself is the body of Ettor's import; parsed, it is what every server's session must hold. */
function readDeck(): { file: unknown; slides: Slide[] } {
  const file: unknown = JSON.parse(fs.readFileSync(BENCH_DECK, 'utf8'));
  return { file, slides: deckFileSchema.parse(file).slides };
}

/**
 * A deck's slides as they run, without what a server may change: import gives fresh ids (a topography's references
 * follow them, so both decks are numbered alike here), and notes never go to phones.
 */
function shapes(slides: readonly Slide[]): string[] {
  let next = 0;
  return renumberSlides(slides, () => `slide-${(next += 1)}`).map(({ notes: _notes, ...rest }) =>
    JSON.stringify(rest, (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
        : value,
    ),
  );
}

/** Opens a live session of the bench deck (`bench/deck.json`) the way a presenter would, and returns what the audience needs. */
export async function openSession(server: Pick<ServerProcess, 'kind' | 'url'>): Promise<LiveSession> {
  const deck = readDeck();
  const session = await (server.kind === 'ettor' ? openEttorSession(server.url, deck.file) : openBaselineSession(server.url));
  // Every server must run the same slides in the same order, or their figures do not compare.
  const count = `${session.slides.length} slides for ${deck.slides.length}`;
  const [expected, running] = [shapes(deck.slides), shapes(session.slides)];
  const differs = expected.findIndex((slide, i) => slide !== running[i]);
  if (differs >= 0 || session.slides.length !== deck.slides.length) {
    throw new Error(`${server.kind} does not run ${BENCH_DECK} as it stands: ${differs >= 0 ? `slide ${differs + 1} differs` : count}`);
  }
  return session;
}

/** One HTTP call; the reply is trusted to be the `T` the caller names, as the servers' own tests check their shapes. */
async function call<T>(url: string, method: string, cookie: string, body?: unknown): Promise<{ json: T; cookie: string }> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  const session = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('ettor_session='));
  return { json: (text ? JSON.parse(text) : undefined) as T, cookie: session ?? cookie };
}

/**
 * Ettor: sign up (the first account is allowed), import the bench deck as a presenter would (the deck file's import
 * route, which validates and stores it like any upload), start a session of it, read its slides.
 */
async function openEttorSession(base: string, deck: unknown): Promise<LiveSession> {
  const { cookie } = await call(`${base}/api/auth/signup`, 'POST', '', {
    email: 'bench@example.com',
    password: 'bench-password-1',
    name: 'Bench',
  });
  const { json: imported } = await call<{ id: string }>(`${base}/api/presentations/import`, 'POST', cookie, deck);
  const { json: info } = await call<{ id: string; code: string }>(`${base}/api/presentations/${imported.id}/sessions`, 'POST', cookie, {});
  const { json: detail } = await call<{ presentation: { slides: Slide[] } }>(`${base}/api/sessions/${info.id}`, 'GET', cookie);
  return { sessionId: info.id, code: info.code, slides: detail.presentation.slides, hostHeaders: { cookie } };
}

/** A baseline: one call starts a session of the same deck; it has no accounts, so the host needs no cookie. */
async function openBaselineSession(base: string): Promise<LiveSession> {
  const { json } = await call<{ id: string; code: string; slides: Slide[] }>(`${base}/session`, 'POST', '', {});
  return { sessionId: json.id, code: json.code, slides: json.slides, hostHeaders: {} };
}
