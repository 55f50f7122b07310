import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LIVE_PATH, PROTOCOL_VERSION } from '@ettor/protocol';
import WebSocket from 'ws';
import type { AttackPlan, AttackReport } from '../flood/attacker.js';
import { now, sleep } from '../clock.js';
import { cpuSeconds, rssBytes, total } from '../proc-stats.js';
import { max, percentile, round } from '../stats.js';
import { readStore } from '../store.js';
import type { ScenarioContext, ScenarioOutcome } from './context.js';

const ATTACKER = fileURLToPath(new URL('../flood/attacker.js', import.meta.url));
/** The attacker and the room on one machine, told apart by their loopback addresses as two hosts would be. */
const ATTACKER_ADDRESS = '127.0.0.2';
const SLOW_ADDRESS = '127.0.0.3';
const ROOM_ADDRESS = '127.0.0.1';
/** A phone that has not joined and voted by then counts as failed. */
const PROBE_TIMEOUT_MS = 10_000;

export interface FloodOptions {
  sockets: number;
  slow: number;
  floodMs: number;
  /** How long the room is watched after the flood, for recovery. */
  afterMs: number;
  /** A new phone joins and votes this often, one at a time. */
  probeEveryMs: number;
}

interface Probe {
  startedAt: number;
  /** Open to ack of its vote, or undefined when it failed. */
  voteMs: number | undefined;
  /** Ack to the big screen counting it. */
  screenMs: number | undefined;
}

/**
 * flood: while the room idles on a question, one address opens hundreds of sockets that never join and spray
 * junk frames, reopening whenever they are closed or refused, and another holds slow requests open. A new phone
 * joins and votes every few hundred ms throughout; the figures are its join-and-vote time, the time until the
 * big screen counts it, the server's memory and CPU, and whether every acked vote was stored once.
 */
export async function flood(ctx: ScenarioContext, options: FloodOptions): Promise<ScenarioOutcome> {
  const slide = ctx.session.slides.find((s) => s.kind === 'choice');
  if (!slide || slide.kind !== 'choice') throw new Error('the deck has no choice slide');
  await ctx.presenter.goto(slide.id);
  await sleep(1_000);
  const storedBefore = await storedVotes(ctx, slide.id);
  let expected = ctx.presenter.latest(slide.id)?.respondents ?? storedBefore;

  const probes: Probe[] = [];
  const probe = async (): Promise<void> => {
    const startedAt = now();
    const voteMs = await joinAndVote(ctx.server.url, ctx.session.code, slide.id, slide.options[0]!.id).catch(() => undefined);
    let screenMs: number | undefined;
    if (voteMs !== undefined) {
      expected += 1;
      const target = expected;
      const ackedAt = startedAt + voteMs;
      const shownAt = await ctx.presenter.whenResults(slide.id, (s) => s.respondents >= target, PROBE_TIMEOUT_MS);
      screenMs = shownAt === undefined ? undefined : Math.max(0, shownAt - ackedAt);
    }
    probes.push({ startedAt, voteMs, screenMs });
  };
  const probeUntil = async (until: number) => {
    while (now() < until) {
      const next = now() + options.probeEveryMs;
      await probe();
      await sleep(Math.max(0, next - now()));
    }
  };

  await probeUntil(now() + 2_000);
  const quietProbes = probes.length;
  const rssBefore = total(ctx.server.pids, rssBytes);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, total(ctx.server.pids, rssBytes));
  }, 100);
  const cpuBefore = total(ctx.server.pids, cpuSeconds);
  const floodFrom = now();
  const plan: AttackPlan = {
    url: ctx.server.url,
    from: ATTACKER_ADDRESS,
    slowFrom: SLOW_ADDRESS,
    sockets: options.sockets,
    slow: options.slow,
    durationMs: options.floodMs,
  };
  const attack = runAttacker(plan);
  await probeUntil(floodFrom + options.floodMs);
  const report = await attack;
  const floodEnd = now();
  const cpuDuring = total(ctx.server.pids, cpuSeconds) - cpuBefore;
  const floodProbes = probes.length;
  await probeUntil(floodEnd + options.afterMs);
  clearInterval(sampler);
  const rssAfter = total(ctx.server.pids, rssBytes);

  const phase = (list: Probe[]) => {
    const votes = list.flatMap((p) => (p.voteMs === undefined ? [] : [p.voteMs]));
    const screens = list.flatMap((p) => (p.screenMs === undefined ? [] : [p.screenMs]));
    return {
      probes: list.length,
      failed: list.length - votes.length,
      vote_p50_ms: round(percentile(votes, 50)),
      vote_p99_ms: round(percentile(votes, 99)),
      vote_max_ms: round(max(votes)),
      screen_p50_ms: round(percentile(screens, 50)),
      screen_max_ms: round(max(screens)),
    };
  };
  const during = phase(probes.slice(quietProbes, floodProbes));
  const acked = probes.filter((p) => p.voteMs !== undefined).length;
  const stored = (await storedVotes(ctx, slide.id)) - storedBefore;
  const lost = Math.max(0, acked - stored);
  const doubleCounted = Math.max(0, stored - acked);
  ctx.log(
    `flood: ${report.attempts} connections tried, ${report.socketsOpened} opened (${report.refused} refused), ${report.framesSent} junk frames in ${options.floodMs / 1000} s; ` +
      `a phone joined and voted in ${during.vote_p50_ms} ms (p99 ${during.vote_p99_ms}, max ${during.vote_max_ms}), ${during.failed} failed; ` +
      `RSS ${mib(rssBefore)} → peak ${mib(rssPeak)} → ${mib(rssAfter)} MiB; lost ${lost}, double ${doubleCounted}`,
  );
  return {
    figures: { lost, double_counted: doubleCounted },
    details: {
      quiet: phase(probes.slice(0, quietProbes)),
      during,
      after: phase(probes.slice(floodProbes)),
      attack: report,
      attack_frames_per_s: Math.round(report.framesSent / (options.floodMs / 1000)),
      attack_connections_per_s: Math.round(report.attempts / (options.floodMs / 1000)),
      server_cpu_s_during: Math.round(cpuDuring * 100) / 100,
      server_rss_before_bytes: rssBefore,
      server_rss_peak_bytes: rssPeak,
      server_rss_after_bytes: rssAfter,
      acked,
      stored,
    },
  };
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

/** A fresh phone from the room's address: open, join, vote; resolves with the time to its ack. */
function joinAndVote(url: string, code: string, slideId: string, optionId: string): Promise<number> {
  const startedAt = now();
  const clientId = `flood-probe-${Math.random().toString(36).slice(2, 12)}`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${LIVE_PATH}`, { localAddress: ROOM_ADDRESS, perMessageDeflate: false });
    const timer = setTimeout(() => finish(new Error('timed out')), PROBE_TIMEOUT_MS);
    const finish = (outcome: Error | number) => {
      clearTimeout(timer);
      ws.terminate();
      if (typeof outcome === 'number') resolve(outcome);
      else reject(outcome);
    };
    ws.on('open', () => ws.send(JSON.stringify({ type: 'join', v: PROTOCOL_VERSION, code })));
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; clientId?: string; code?: string };
      if (message.type === 'welcome')
        ws.send(JSON.stringify({ type: 'answer', clientId, slideId, answer: { kind: 'choice', optionIds: [optionId] } }));
      else if (message.type === 'ack' && message.clientId === clientId) finish(now() - startedAt);
      else if (message.type === 'error') finish(new Error(message.code));
    });
    ws.on('error', (error) => finish(error));
    ws.on('close', () => finish(new Error('closed')));
  });
}

/** Runs the attacker at the lowest CPU priority, as a machine of its own would not take the server's cores. */
function runAttacker(plan: AttackPlan): Promise<AttackReport> {
  return new Promise((resolve, reject) => {
    const child = spawn('nice', ['-n', '19', process.execPath, ATTACKER, JSON.stringify(plan)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`the attacker exited with ${code}`));
      resolve(JSON.parse(output.trim()) as AttackReport);
    });
  });
}

function storedVotes(ctx: ScenarioContext, slideId: string): Promise<number> {
  return readStore(ctx.server.store, async (query) => {
    const [row] = await query<{ n: number | string }>('SELECT COUNT(*) AS n FROM responses WHERE session_id = ? AND slide_id = ?', [
      ctx.session.sessionId,
      slideId,
    ]);
    return Number(row?.n ?? 0);
  });
}
