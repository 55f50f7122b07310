import type { ServerMessage } from '@ettor/protocol';

// Every type the protocol has, so a new one cannot be left out and silently dropped on phones.
const KNOWN: Record<ServerMessage['type'], true> = {
  welcome: true,
  state: true,
  deck: true,
  results: true,
  withheld: true,
  segments: true,
  presence: true,
  ack: true,
  asked: true,
  upvoted: true,
  reactions: true,
  nickname: true,
  score: true,
  error: true,
  pong: true,
};
const TYPES = new Set<string>(Object.keys(KNOWN));

export type MessageParser = (data: string) => ServerMessage | null;

/**
 * Checks only the message type and trusts the server, which speaks the same protocol version
 * (the handshake refuses a mismatch): the phone's page keeps zod out of its 60 KB budget.
 * The presenter's page validates every message with the schema (parse-message-strict.ts).
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
