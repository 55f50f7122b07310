import { type ClientMessage, LIVE_PATH } from '@ettor/protocol';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import type { TransportKind } from './types.js';

/** What a link reports: frames as the server sent them (text for ws, a decoded object for socket.io). */
export interface LinkHandlers {
  open(): void;
  message(data: string | object): void;
  /**
   * For a client that never reads results: a results frame over ws comes here with its size, undecoded. A Q&A's
   * results are tens of KB each second to every phone; decoding them would cost the simulator more than the server.
   */
  results?(bytes: number): void;
  close(code: number, reason: string): void;
}

const RESULTS_FRAME = Buffer.from('{"type":"results"');

/** One client connection, whatever carries it; the simulator and the presenter speak through this. */
export interface Link {
  send(message: ClientMessage): void;
  /** A clean close, as a phone that leaves. */
  close(): void;
  /** Drops the connection without a close frame, as a phone that loses its network. */
  terminate(): void;
}

export function openLink(kind: TransportKind, baseUrl: string, headers: Record<string, string>, handlers: LinkHandlers): Link {
  return kind === 'ws' ? openWs(baseUrl, headers, handlers) : openSocketIo(baseUrl, headers, handlers);
}

function openWs(baseUrl: string, headers: Record<string, string>, handlers: LinkHandlers): Link {
  // No compression: Ettor's server does not offer it, and offering it would only cost the client.
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${LIVE_PATH}`, { headers, perMessageDeflate: false });
  let closed = false;
  const finish = (code: number, reason: string) => {
    if (closed) return;
    closed = true;
    handlers.close(code, reason);
  };
  ws.on('open', () => handlers.open());
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    if (handlers.results && Buffer.isBuffer(data) && data.subarray(0, RESULTS_FRAME.length).equals(RESULTS_FRAME)) {
      handlers.results(data.length);
    } else handlers.message(data.toString());
  });
  ws.on('close', (code, reason) => finish(code, reason.toString()));
  // A refused or reset connection emits error then close; the close carries the outcome.
  ws.on('error', () => undefined);
  return {
    send: (message) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
    },
    close: () => ws.close(1000),
    terminate: () => ws.terminate(),
  };
}

function openSocketIo(baseUrl: string, headers: Record<string, string>, handlers: LinkHandlers): Link {
  // WebSocket only and no automatic reconnection: the simulator reconnects itself, the same way for every
  // server. A default socket.io client would first long-poll over HTTP, which costs the server more.
  const socket = io(baseUrl, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
    timeout: 60_000,
  });
  let closed = false;
  const finish = (code: number, reason: string) => {
    if (closed) return;
    closed = true;
    handlers.close(code, reason);
  };
  socket.on('connect', () => handlers.open());
  // Each protocol message travels as a socket.io event named by its type, with the whole message as payload.
  socket.onAny((_event: string, payload: unknown) => {
    if (payload && typeof payload === 'object') handlers.message(payload);
  });
  socket.on('connect_error', (error: Error) => finish(1006, error.message));
  socket.on('disconnect', (reason: string) => {
    // socket.io has no close codes; a server-side disconnect with a reason of ours is a refusal.
    finish(reason === 'io server disconnect' ? 4001 : 1006, reason);
  });
  return {
    send: (message) => {
      if (socket.connected) socket.emit(message.type, message);
    },
    close: () => {
      socket.disconnect();
    },
    terminate: () => {
      // The engine's raw socket dies without a close handshake, as when a phone loses its network. A socket still
      // connecting may report nothing after that, so the close is reported here (finish runs once either way).
      socket.io.engine?.close();
      socket.disconnect();
      finish(1006, 'terminated');
    },
  };
}
