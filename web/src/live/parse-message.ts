import type { ServerMessage } from '@ettor/protocol';

const TYPES = new Set<string>(['welcome', 'state', 'results', 'presence', 'ack', 'error', 'pong'] satisfies ServerMessage['type'][]);

/**
 * Checks only the message type and trusts the server, which speaks the same protocol version
 * (the handshake refuses a mismatch). Parsing with serverMessageSchema would put zod on the
 * phone's page, which has a 60 KB budget; see PROTOCOL-REQUESTS.md.
 */
export function parseServerMessage(data: string): ServerMessage | null {
  try {
    const message: unknown = JSON.parse(data);
    const type = (message as { type?: unknown } | null)?.type;
    return typeof type === 'string' && TYPES.has(type) ? (message as ServerMessage) : null;
  } catch {
    return null;
  }
}
