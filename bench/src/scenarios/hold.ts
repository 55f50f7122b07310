import { now, sleep } from '../clock.js';
import { cpuSeconds, rssBytes, total } from '../proc-stats.js';
import type { ConnectResult } from '../simulator/messages.js';
import { percentile } from '../stats.js';
import type { ScenarioContext, ScenarioOutcome } from './context.js';

export interface HoldOptions {
  concurrency: number;
  timeoutMs: number;
  idleMs: number;
}

/**
 * hold: the whole audience joins and idles. Run first for every server, since every later scenario needs the
 * audience in the room. Memory per participant is the server's growth from an empty room to a full one.
 */
export async function hold(
  ctx: Omit<ScenarioContext, 'connected' | 'idleCpuPerS'>,
  options: HoldOptions,
): Promise<ScenarioOutcome & { connected: number; idleCpuPerS: number }> {
  const rssBefore = total(ctx.server.pids, rssBytes);
  const startedAt = now();
  const results: ConnectResult[] = await ctx.pool.all('connect', { concurrency: options.concurrency, timeoutMs: options.timeoutMs });
  const connected = results.reduce((sum, r) => sum + r.joined, 0);
  const failedAttempts = results.reduce((sum, r) => sum + r.failedAttempts, 0);
  const lastWelcomeAt = Math.max(...results.map((r) => r.lastWelcomeAt));
  const joinSeconds = (lastWelcomeAt - startedAt) / 1000;
  const joinLatencies = results.flatMap((r) => Array.from(r.joinLatencies));
  const presenceSeen = await ctx.presenter.whenPresence(connected, 10_000);
  // Idle, as a room waiting for the talk to start: heartbeats flow, nothing else. What the server spends on that
  // is the floor under every later CPU figure.
  const idleFrom = now();
  const idleCpuBefore = total(ctx.server.pids, cpuSeconds);
  await sleep(options.idleMs);
  const idleCpuPerS = (total(ctx.server.pids, cpuSeconds) - idleCpuBefore) / ((now() - idleFrom) / 1000);
  const rssAfter = total(ctx.server.pids, rssBytes);
  ctx.log(
    `hold: ${connected}/${ctx.participants} joined in ${joinSeconds.toFixed(1)} s, server RSS ${(rssAfter / 2 ** 20).toFixed(0)} MiB`,
  );
  return {
    connected,
    idleCpuPerS,
    figures: { rss_per_participant_bytes: connected > 0 ? Math.round((rssAfter - rssBefore) / connected) : null },
    details: {
      joins_per_s: joinSeconds > 0 ? Math.round(connected / joinSeconds) : null,
      failed_joins: ctx.participants - connected,
      failed_join_attempts: failedAttempts,
      join_p50_ms: percentile(joinLatencies, 50),
      join_p99_ms: percentile(joinLatencies, 99),
      join_seconds: joinSeconds,
      presence_matched: presenceSeen,
      presenter_presence: ctx.presenter.participants,
      server_rss_before_bytes: rssBefore,
      server_rss_after_bytes: rssAfter,
      idle_server_cpu_per_s: Math.round(idleCpuPerS * 1000) / 1000,
    },
  };
}
