import { PROTOCOL_VERSION, type Results, type ServerMessage, type SessionState } from '@ettor/protocol';
import WebSocket from 'ws';

type Message<K extends ServerMessage['type']> = Extract<ServerMessage, { type: K }>;
export type Reply = Message<'ack'> | Message<'error'>;

export interface ConnectOptions {
  /** A loopback address of the client's own (any of 127.0.0.0/8), so that many clients are many addresses. */
  from?: string;
  headers?: Record<string, string>;
}

/** An upgrade the server (or nginx) answered with an HTTP status instead of a WebSocket. */
export class UpgradeRefused extends Error {
  constructor(readonly status: number) {
    super(`upgrade refused with HTTP ${status}`);
  }
}

/** Conditions waited for, tested again whenever a client hears something. */
class Inbox {
  private waiters: { check: () => boolean; resolve: () => void }[] = [];

  notify(): void {
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.check()) return true;
      waiter.resolve();
      return false;
    });
  }

  until(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = {
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`${what}: not within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
}

/** One WebSocket on the live path: every message it heard and how it closed. */
class LiveSocket {
  readonly messages: ServerMessage[] = [];
  closeCode: number | undefined;

  private constructor(private readonly ws: WebSocket) {}

  static open(serverUrl: string, options: ConnectOptions, inbox: Inbox, heard: (message: ServerMessage) => void): Promise<LiveSocket> {
    const ws = new WebSocket(`${serverUrl.replace(/^http/u, 'ws')}/live`, {
      headers: options.headers ?? {},
      ...(options.from ? { localAddress: options.from } : {}),
    });
    const socket = new LiveSocket(ws);
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      socket.messages.push(message);
      heard(message);
      inbox.notify();
    });
    ws.on('close', (code) => {
      socket.closeCode = code;
      inbox.notify();
    });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(socket));
      // A refusal at the upgrade carries its status here; ws would otherwise report only "Unexpected server response".
      ws.once('unexpected-response', (request, response) => {
        reject(new UpgradeRefused(response.statusCode ?? 0));
        request.destroy();
      });
      ws.on('error', reject);
    });
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends when the socket is open; a message for a closed socket is lost, as it would be on a phone. */
  send(message: unknown): void {
    if (this.isOpen) this.ws.send(JSON.stringify(message));
  }

  close(): void {
    this.ws.close();
  }
}

abstract class LiveClient {
  socket: LiveSocket | undefined;
  protected readonly inbox = new Inbox();

  /** Waits until `check` holds, testing it on every message and close this client hears. */
  until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    return this.inbox.until(check, what, timeoutMs);
  }

  /** Opens a socket, sends the first message and resolves with the welcome; a refusal (an error and a close) throws. */
  protected async connect(serverUrl: string, options: ConnectOptions, first: unknown): Promise<Message<'welcome'>> {
    this.socket?.close();
    const socket = await LiveSocket.open(serverUrl, options, this.inbox, (message) => this.heard(message));
    this.socket = socket;
    socket.send(first);
    const welcome = () => socket.messages.find((m): m is Message<'welcome'> => m.type === 'welcome');
    await this.until(() => welcome() !== undefined || socket.closeCode !== undefined, `welcome from ${serverUrl}`);
    const received = welcome();
    if (!received) throw new Error(`refused by ${serverUrl}: closed with ${socket.closeCode} after ${JSON.stringify(socket.messages)}`);
    return received;
  }

  protected abstract heard(message: ServerMessage): void;

  /** Resolves with the close code once the current socket has closed. */
  async closed(timeoutMs = 10_000): Promise<number> {
    const socket = this.socket;
    if (!socket) throw new Error('never connected');
    await this.until(() => socket.closeCode !== undefined, 'socket closed', timeoutMs);
    return socket.closeCode!;
  }

  close(): void {
    this.socket?.close();
  }
}

/** A phone: keeps its participant token and every answer it sent until acked, and resends them as the web page does. */
export class Phone extends LiveClient {
  token: string | undefined;
  /** Every answer sent, by client id, with the last reply to it. */
  readonly answers = new Map<string, { slideId: string; answer: unknown; reply: Reply | undefined }>();
  /** Every state heard, on any socket, in order. */
  readonly states: SessionState[] = [];

  constructor(
    readonly code: string,
    private readonly options: ConnectOptions = {},
  ) {
    super();
  }

  /** Joins (again, with its token when it has one) and keeps the token the welcome returns. */
  async join(serverUrl: string): Promise<Message<'welcome'>> {
    const welcome = await this.connect(serverUrl, this.options, {
      type: 'join',
      v: PROTOCOL_VERSION,
      code: this.code,
      ...(this.token ? { participantToken: this.token } : {}),
    });
    this.token = welcome.participantToken;
    this.states.push(welcome.state);
    return welcome;
  }

  protected heard(message: ServerMessage): void {
    if (message.type === 'state') this.states.push(message.state);
    if ((message.type === 'ack' || message.type === 'error') && message.clientId !== undefined) {
      const sent = this.answers.get(message.clientId);
      if (sent) sent.reply = message;
    }
  }

  /** Sends an answer (lost if the socket is closed, and then resent later like any unacked one). */
  answer(slideId: string, answer: unknown, clientId: string): void {
    this.answers.set(clientId, { slideId, answer, reply: undefined });
    this.socket?.send({ type: 'answer', clientId, slideId, answer });
  }

  acked(clientId: string): boolean {
    return this.answers.get(clientId)?.reply?.type === 'ack';
  }

  unacked(): string[] {
    return [...this.answers.keys()].filter((clientId) => !this.acked(clientId));
  }

  /** Sends every answer without an ack again with its own client id, as the page does after each welcome. */
  resendUnacked(): string[] {
    const resent = this.unacked();
    for (const clientId of resent) {
      const sent = this.answers.get(clientId)!;
      sent.reply = undefined;
      this.socket?.send({ type: 'answer', clientId, slideId: sent.slideId, answer: sent.answer });
    }
    return resent;
  }

  /** Resolves with the reply to an answer, once there is one. */
  async reply(clientId: string, timeoutMs = 10_000): Promise<Reply> {
    await this.until(() => this.answers.get(clientId)?.reply !== undefined, `reply to ${clientId}`, timeoutMs);
    return this.answers.get(clientId)!.reply!;
  }

  lastState(): SessionState | undefined {
    return this.states.at(-1);
  }
}

/** A presenter's screen: a host socket with the presenter's cookie, keeping the latest results and presence. */
export class HostScreen extends LiveClient {
  readonly results = new Map<string, Results>();
  participants: number | undefined;
  state: SessionState | undefined;

  private constructor(
    private readonly sessionId: string,
    private readonly options: ConnectOptions,
  ) {
    super();
  }

  static async open(serverUrl: string, cookie: string, sessionId: string, options: ConnectOptions = {}): Promise<HostScreen> {
    const screen = new HostScreen(sessionId, { ...options, headers: { cookie, ...options.headers } });
    await screen.reconnect(serverUrl);
    return screen;
  }

  /** Hosts again, as the big screen does after losing its socket. */
  async reconnect(serverUrl: string): Promise<void> {
    const welcome = await this.connect(serverUrl, this.options, { type: 'host', v: PROTOCOL_VERSION, sessionId: this.sessionId });
    this.state = welcome.state;
  }

  protected heard(message: ServerMessage): void {
    if (message.type === 'results') this.results.set(message.results.slideId, message.results);
    else if (message.type === 'presence') this.participants = message.participants;
    else if (message.type === 'state') this.state = message.state;
  }

  send(message: unknown): void {
    this.socket?.send(message);
  }
}

/** Runs `task` for every item, `size` at a time, as a room of phones arrives: not all in one instant. */
export async function inBatches<T>(items: readonly T[], size: number, task: (item: T, index: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map((item, offset) => task(item, start + offset)));
  }
}

let addressesGiven = 0;
/** A loopback address no other client of this test file has had: one per phone, as in a room. */
export function ownAddress(): string {
  const n = addressesGiven++;
  return `127.0.${1 + Math.floor(n / 250)}.${1 + (n % 250)}`;
}
