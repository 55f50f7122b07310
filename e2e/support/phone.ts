import net from 'node:net';
import type { Presentation, Results, ServerMessage, SessionState, Slide } from '@ettor/protocol';
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '@ettor/protocol';

/**
 * One device's network: a TCP relay between that browser context and the server, which the test can cut.
 *
 * Chromium's emulated offline (`context.setOffline`) only fails new requests and flips `navigator.onLine`;
 * a WebSocket that is already open keeps working through it. A dead network is therefore simulated here,
 * below the browser, and `setOffline` is used alongside it for the events and the refused new requests.
 */
export interface Network {
  /** The server's address as this device reaches it. */
  url: string;
  /**
   * Cuts the line. New connections are refused until `online()`. Open connections:
   * - `reset`: torn down at once, as when the phone's radio is switched off: the page sees the socket close.
   * - `silent`: they hear nothing more, as in a tunnel or while a laptop sleeps; and since the server gives
   *   them up meanwhile, once the line is back their next packet is answered with a reset, never with data.
   */
  offline(how: 'reset' | 'silent'): void;
  online(): void;
  /** Server-to-device bytes are lost from now on (device-to-server still arrive): an answer gets through, its ack does not. */
  loseReplies(): void;
  /** Open connections through the relay. */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startNetwork(serverUrl: string): Promise<Network> {
  const target = new URL(serverUrl);
  let down = false;
  let losingReplies = false;
  const pairs = new Set<{ device: net.Socket; upstream: net.Socket; forgotten: boolean }>();

  const relay = net.createServer((device) => {
    device.on('error', () => undefined);
    if (down) {
      device.resetAndDestroy();
      return;
    }
    const upstream = net.connect(Number(target.port), target.hostname);
    upstream.on('error', () => undefined);
    const pair = { device, upstream, forgotten: false };
    pairs.add(pair);
    device.on('data', (chunk) => {
      if (pair.forgotten) {
        // The line is back but the server no longer knows this connection: a reset, as a real TCP stack answers.
        if (!down) {
          device.resetAndDestroy();
          upstream.destroy();
        }
        return;
      }
      if (!down) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!pair.forgotten && !down && !losingReplies) device.write(chunk);
    });
    device.on('close', () => {
      pairs.delete(pair);
      upstream.destroy();
    });
    upstream.on('close', () => {
      // A connection the device cannot hear about dies silently; the device learns of it only by sending.
      if (!pair.forgotten) device.destroy();
    });
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.address() as net.AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    offline(how) {
      down = true;
      for (const pair of pairs) {
        if (how === 'reset') {
          pair.device.resetAndDestroy();
          pair.upstream.destroy();
        } else {
          pair.forgotten = true;
        }
      }
    },
    online() {
      down = false;
      losingReplies = false;
    },
    loseReplies() {
      losingReplies = true;
    },
    get connections() {
      return pairs.size;
    },
    async close() {
      for (const pair of pairs) {
        pair.device.destroy();
        pair.upstream.destroy();
      }
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
}

/** What the presenter's own socket hears on hosting: the truth the big screen should be showing. */
export interface HostView {
  state: SessionState;
  participants: number;
  results: Results | undefined;
}

/** Opens a host socket with the presenter's cookie (no Origin, as a non-browser client may) and reports what it is told. */
export async function hostView(serverUrl: string, cookie: string, sessionId: string): Promise<HostView> {
  const socket = new WebSocket(`${serverUrl.replace(/^http/u, 'ws')}/live`, { headers: { cookie } });
  try {
    return await new Promise<HostView>((resolve, reject) => {
      let state: SessionState | undefined;
      let participants: number | undefined;
      let results: Results | undefined;
      const timer = setTimeout(() => reject(new Error('no welcome, presence and results within 10 s')), 10_000);
      const done = () => {
        if (!state || participants === undefined) return;
        const question = state.slide && state.slide.kind !== 'content';
        if (question && results?.slideId !== state.slide?.id) return;
        clearTimeout(timer);
        resolve({ state, participants, results });
      };
      socket.on('open', () => socket.send(JSON.stringify({ type: 'host', v: PROTOCOL_VERSION, sessionId })));
      socket.on('error', reject);
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as ServerMessage;
        if (message.type === 'welcome') state = message.state;
        else if (message.type === 'presence') participants = message.participants;
        else if (message.type === 'results') results = message.results;
        else if (message.type === 'error') reject(new Error(`host refused: ${message.code}`));
        done();
      });
    });
  } finally {
    socket.close();
  }
}

/** A phone's socket without a browser: joins with the code and sends what a hacked or older page might. */
export async function audienceSocket(serverUrl: string, code: string) {
  const socket = new WebSocket(`${serverUrl.replace(/^http/u, 'ws')}/live`);
  const received: ServerMessage[] = [];
  const waiters: { match: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage;
    received.push(message);
    for (const waiter of [...waiters]) {
      if (waiter.match(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const next = <T extends ServerMessage>(match: (m: ServerMessage) => boolean, what: string): Promise<T> => {
    const already = received.find(match);
    if (already) return Promise.resolve(already as T);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within 10 s`)), 10_000);
      waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as T);
        },
      });
    });
  };
  socket.send(JSON.stringify({ type: 'join', v: PROTOCOL_VERSION, code }));
  await next((m) => m.type === 'welcome', 'welcome');
  return {
    /** Sends an answer and resolves with the server's ack or error for it. */
    async answer(slideId: string, answer: unknown, clientId: string): Promise<ServerMessage> {
      socket.send(JSON.stringify({ type: 'answer', clientId, slideId, answer }));
      return next((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === clientId, `reply to ${clientId}`);
    },
    close: () => socket.close(),
  };
}

/** The answer state a phone shows, once it has the given `data-state`. */
export async function answerState(page: Page, state: string, timeout = 10_000): Promise<void> {
  await page.locator(`[data-testid="answer-state"][data-state="${state}"]`).waitFor({ timeout });
}

/** Chromium's WebSocket frames of a page, for checking what a phone did (or did not) send. */
export function recordFrames(page: Page): { sent: string[]; received: string[] } {
  const frames = { sent: [] as string[], received: [] as string[] };
  page.on('websocket', (ws) => {
    ws.on('framesent', (frame) => frames.sent.push(String(frame.payload)));
    ws.on('framereceived', (frame) => frames.received.push(String(frame.payload)));
  });
  return frames;
}

type Api = (method: string, pathname: string, body?: unknown) => Promise<unknown>;

/**
 * A presentation made over HTTP as the presenter, holding exactly the given slides in order
 * (the title slide a new presentation starts with is removed).
 */
export async function buildDeck(api: Api, title: string, slides: Record<string, unknown>[]): Promise<Presentation> {
  const created = (await api('POST', '/api/presentations', { title })) as Presentation;
  for (const fields of slides) {
    const blank = (await api('POST', `/api/presentations/${created.id}/slides`, { kind: fields.kind })) as Slide;
    const saved = (await api('PUT', `/api/presentations/${created.id}/slides/${blank.id}`, { ...blank, ...fields, id: blank.id })) as Slide;
    if (saved.id !== blank.id) throw new Error(`slide not saved: ${JSON.stringify(saved)}`);
  }
  for (const slide of created.slides) await api('DELETE', `/api/presentations/${created.id}/slides/${slide.id}`);
  return (await api('GET', `/api/presentations/${created.id}`)) as Presentation;
}

/** The number in a count such as "3 har svarat". */
export async function countIn(page: Page, testId: string): Promise<number | null> {
  const text = await page
    .getByTestId(testId)
    .textContent({ timeout: 1_000 })
    .catch(() => null);
  const match = text?.match(/\d+/);
  return match ? Number(match[0]) : null;
}

/** Moves the big screen to a slide with the arrow keys, as a speaker with a clicker would. */
export async function showSlide(screen: Page, deck: Presentation, slideId: string): Promise<void> {
  const target = deck.slides.findIndex((s) => s.id === slideId) + 1;
  if (target === 0) throw new Error(`no slide ${slideId}`);
  const position = async () => Number((await screen.getByTestId('slide-position').textContent())?.match(/\d+/)?.[0]);
  if (await screen.getByTestId('join-screen').isVisible()) await screen.keyboard.press('ArrowRight');
  for (let guard = 0; guard <= deck.slides.length && (await position()) !== target; guard += 1) {
    const before = await position();
    await screen.keyboard.press(before < target ? 'ArrowRight' : 'ArrowLeft');
    for (let wait = 0; wait < 100 && (await position()) === before; wait += 1) await screen.waitForTimeout(50);
  }
  if ((await position()) !== target) throw new Error(`the big screen did not reach slide ${target}`);
  await screen.getByTestId('join-screen').waitFor({ state: 'detached' });
}

/** Shows code points, so that two strings that look the same but are not can be told apart in a failure. */
export function codePoints(text: string): string {
  return [...text].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}
