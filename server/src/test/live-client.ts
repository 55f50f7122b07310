import { PROTOCOL_VERSION, type ServerMessage } from '@ettor/protocol';
import WebSocket from 'ws';

const newClientId = (): string => `c${Math.random().toString(36).slice(2, 14)}`;

/** A scripted phone or presenter speaking the live protocol, for tests. */
export class LiveClient {
  readonly messages: ServerMessage[] = [];
  private waiters: Array<{ match: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }> = [];
  closeCode: number | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      this.messages.push(message);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.match(message)) return true;
        waiter.resolve(message);
        return false;
      });
    });
    ws.on('close', (code) => {
      this.closeCode = code;
    });
  }

  /** Opens a socket; `from` picks a local address (any of 127.0.0.0/8), so one test can be several clients. */
  static async connect(url: string, headers: Record<string, string> = {}, from?: string): Promise<LiveClient> {
    const ws = new WebSocket(url, { headers, ...(from ? { localAddress: from } : {}) });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new LiveClient(ws);
  }

  /** Connects and joins a session by code as a phone. */
  static async join(url: string, code: string, participantToken?: string): Promise<LiveClient> {
    const client = await LiveClient.connect(url);
    client.send({ type: 'join', v: PROTOCOL_VERSION, code, ...(participantToken ? { participantToken } : {}) });
    await client.next('welcome');
    return client;
  }

  /** Connects as the presenter of a session, authenticated by their cookie. */
  static async host(url: string, sessionId: string, cookie: string): Promise<LiveClient> {
    const client = await LiveClient.connect(url, { cookie });
    client.send({ type: 'host', v: PROTOCOL_VERSION, sessionId });
    await client.next('welcome');
    return client;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first message already received, or the next to arrive, that matches. */
  waitFor<T extends ServerMessage>(match: (m: ServerMessage) => m is T, timeoutMs?: number): Promise<T>;
  waitFor(match: (m: ServerMessage) => boolean, timeoutMs?: number): Promise<ServerMessage>;
  waitFor(match: (m: ServerMessage) => boolean, timeoutMs = 10_000): Promise<ServerMessage> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return this.nextMatching(match, timeoutMs);
  }

  /** The next message of a type to arrive from now on. */
  next<K extends ServerMessage['type']>(type: K, timeoutMs = 10_000): Promise<Extract<ServerMessage, { type: K }>> {
    return this.nextMatching((m) => m.type === type, timeoutMs) as Promise<Extract<ServerMessage, { type: K }>>;
  }

  nextMatching(match: (m: ServerMessage) => boolean, timeoutMs = 10_000): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.messages.slice(-5))}`)),
        timeoutMs,
      );
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  /** Sends an answer and waits for its ack or error. */
  async answer(slideId: string, answer: unknown, clientId = newClientId()): Promise<ServerMessage> {
    const reply = this.nextMatching((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === clientId);
    this.send({ type: 'answer', clientId, slideId, answer });
    return reply;
  }

  /** Asks a Q&A a question and waits for its confirmation or error. */
  async ask(slideId: string, text: unknown, name?: unknown, clientId = newClientId()): Promise<ServerMessage> {
    const reply = this.nextMatching((m) => (m.type === 'asked' || m.type === 'error') && m.clientId === clientId);
    this.send({ type: 'ask', clientId, slideId, text, ...(name === undefined ? {} : { name }) });
    return reply;
  }

  /** Upvotes a question (or takes the vote back) and waits for the confirmation or error. */
  async upvote(questionId: string, up = true, clientId = newClientId()): Promise<ServerMessage> {
    const reply = this.nextMatching((m) => (m.type === 'upvoted' || m.type === 'error') && m.clientId === clientId);
    this.send({ type: 'upvote', clientId, questionId, up });
    return reply;
  }

  /** Resolves when the server has closed the socket. */
  closed(timeoutMs = 10_000): Promise<number> {
    if (this.closeCode !== undefined) return Promise.resolve(this.closeCode);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket not closed')), timeoutMs);
      this.ws.once('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  close(): void {
    this.ws.close();
  }
}
