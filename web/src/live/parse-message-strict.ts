import { type ServerMessage, serverMessageSchema } from '@ettor/protocol';

/** Validates a frame against the protocol's schema; a malformed message is dropped, not trusted. */
export function parseServerMessageStrictly(data: string): ServerMessage | null {
  try {
    const result = serverMessageSchema.safeParse(JSON.parse(data));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
