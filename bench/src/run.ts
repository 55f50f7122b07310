import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { USAGE, type Options, parseOptions } from './cli.js';
import { now } from './clock.js';
import { type ScenarioRow, emptyFigures } from './metrics.js';
import { Presenter } from './presenter.js';
import { cpuSeconds, machineBusySeconds, openFileLimit } from './proc-stats.js';
import { machine, render, writeJson } from './report.js';
import { burst } from './scenarios/burst.js';
import type { ScenarioContext, ScenarioOutcome } from './scenarios/context.js';
import { fanout } from './scenarios/fanout.js';
import { flood } from './scenarios/flood.js';
import { hold } from './scenarios/hold.js';
import { qa, takesQuestions } from './scenarios/qa.js';
import { sustained } from './scenarios/sustained.js';
import { talk } from './scenarios/talk.js';
import { REPO, killServers, startServer } from './server-process.js';
import { openSession, transportOf } from './setup.js';
import type { WorkerInit } from './simulator/messages.js';
import { WorkerPool } from './simulator/pool.js';
import type { ScenarioName, ServerKind } from './types.js';

/** Sockets a process keeps besides its phones: stdio, IPC, the event loop's own descriptors. */
const SPARE_FILES = 200;

const pools = new Set<WorkerPool>();
const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

/** Two workers for two cores, more only if one process could not hold its share of sockets. */
function workerCount(options: Options, fileLimit: number): number {
  const needed = Math.ceil(options.participants / Math.max(1, fileLimit - SPARE_FILES));
  return Math.max(options.workers ?? 2, needed);
}

/** Hard time limits per scenario, so one run stays bounded whatever the server does. */
function limitMs(scenario: ScenarioName, options: Options): number {
  const scale = Math.max(1, options.participants / 10_000);
  const seconds: Record<ScenarioName, number> = {
    hold: 150,
    fanout: 240,
    burst: 120,
    sustained: 300,
    talk: 300,
    // The asking, the upvotes, and room to settle and check.
    qa: 120 + 2 * options.qaSeconds,
    flood: 600,
  };
  return seconds[scenario] * scale * 1000;
}

function withLimit<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} passed its time limit of ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** CPU used so far by this run's processes (server, workers, orchestrator) and by the whole machine. */
function ownAndMachineCpu(serverPid: number, workerPids: number[]): { own: number; machine: number } {
  let own = process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6;
  for (const pid of [serverPid, ...workerPids]) {
    try {
      own += cpuSeconds(pid);
    } catch {
      // a process that has gone uses nothing more
    }
  }
  return { own, machine: machineBusySeconds() };
}

/**
 * The share of the machine's CPU that other work took during a scenario. The machine may be shared; a figure
 * measured while something else ran is worth less, and the report says so.
 */
function otherCpuShare(before: { own: number; machine: number }, after: { own: number; machine: number }, seconds: number): number {
  const other = after.machine - before.machine - (after.own - before.own);
  return Math.max(0, Math.min(1, other / (seconds * os.availableParallelism())));
}

/** One server from start to stop: hold first (it brings the audience in), then the other scenarios in order. */
async function runServer(kind: ServerKind, port: number, options: Options, workers: number): Promise<ScenarioRow[]> {
  const rows: ScenarioRow[] = [];
  const row = (scenario: ScenarioName, connected: number, outcome: ScenarioOutcome | undefined, failure?: string): ScenarioRow => ({
    scenario,
    server: kind,
    figures: { ...emptyFigures(options.participants, connected), ...(outcome?.figures ?? {}) },
    details: outcome?.details ?? {},
    ...(failure ? { failure } : {}),
  });
  log(`${kind}: starting the server on port ${port}`);
  const server = await startServer(kind, {
    port,
    keepData: options.keepData,
    ...(options.profileDir ? { profileDir: options.profileDir } : {}),
  });
  let pool: WorkerPool | undefined;
  let presenter: Presenter | undefined;
  try {
    const session = await openSession(server);
    presenter = await Presenter.open(transportOf(kind), server.url, session);
    const share = Math.ceil(options.participants / workers);
    const inits: WorkerInit[] = [];
    for (let i = 0; i < workers; i += 1) {
      const firstIndex = i * share;
      const count = Math.max(0, Math.min(share, options.participants - firstIndex));
      if (count > 0)
        inits.push({
          workerIndex: i,
          transport: transportOf(kind),
          url: server.url,
          code: session.code,
          firstIndex,
          count,
          slides: session.slides,
        });
    }
    pool = await WorkerPool.start(inits);
    pools.add(pool);
    const base = { server, session, presenter, pool, participants: options.participants, log: (line: string) => log(`${kind}: ${line}`) };

    const holdLimit = limitMs('hold', options);
    const holdFrom = now();
    const holdBefore = ownAndMachineCpu(server.pid, pool.pids);
    const held = await withLimit(
      hold(base, { concurrency: 64, timeoutMs: holdLimit - 30_000, idleMs: options.quick ? 500 : 3_000 }),
      holdLimit,
      'hold',
    );
    held.details.other_cpu_share =
      Math.round(otherCpuShare(holdBefore, ownAndMachineCpu(server.pid, pool.pids), (now() - holdFrom) / 1000) * 100) / 100;
    if (options.scenarios.includes('hold')) rows.push(row('hold', held.connected, held));
    const ctx: ScenarioContext = { ...base, connected: held.connected, idleCpuPerS: held.idleCpuPerS };
    const qaMs = (options.quick ? 3 : options.qaSeconds) * 1000;
    const scenarios: Record<Exclude<ScenarioName, 'hold'>, () => Promise<ScenarioOutcome>> = {
      fanout: () => fanout(ctx, options.quick ? 5 : 30),
      burst: () => burst(ctx, { timeoutMs: 30_000 }),
      sustained: () =>
        sustained(ctx, {
          stepMs: options.quick ? 2_000 : 4_000,
          steadyMs: options.quick ? 4_000 : 20_000,
          firstRate: Math.min(250, Math.max(20, Math.round(held.connected / 4))),
          maxRate: Math.max(50, held.connected * 2),
          bisections: options.quick ? 0 : 1,
          steadyRetries: options.quick ? 0 : 2,
        }),
      talk: () =>
        talk(ctx, {
          questionTimeoutMs: options.quick ? 30_000 : 5_000,
          thinkMs: options.quick ? 500 : 3_000,
          contentDwellMs: options.quick ? 20 : 100,
        }),
      // The proportions: a fifth of the room asks, and the room upvotes five times its size within the time.
      qa: () =>
        qa(ctx, {
          questions: Math.round(held.connected / 5),
          upvotes: 5 * held.connected,
          askMs: qaMs / 6,
          upvoteMs: qaMs,
          graceMs: 10_000,
        }),
      flood: () =>
        flood(ctx, {
          sockets: options.quick ? 50 : 500,
          slow: options.quick ? 20 : 200,
          floodMs: options.quick ? 2_000 : options.floodSeconds * 1000,
          afterMs: options.quick ? 1_000 : 5_000,
          probeEveryMs: 250,
        }),
    };
    let broken: string | undefined;
    for (const name of options.scenarios) {
      if (name === 'hold') continue;
      if (name === 'flood' && kind !== 'ettor') {
        rows.push(
          row(name, held.connected, undefined, 'skipped: the flood measures Ettor’s own defences, which the baselines do not have'),
        );
        continue;
      }
      if (name === 'qa' && !takesQuestions(kind)) {
        // Not a failure: the figures are null, as for any figure a scenario does not measure.
        rows.push(row(name, held.connected, { figures: {}, details: { not_applicable: 'the baselines take no questions' } }));
        continue;
      }
      if (broken) {
        rows.push(row(name, held.connected, undefined, `skipped: ${broken}`));
        continue;
      }
      try {
        const startedAt = now();
        const before = ownAndMachineCpu(server.pid, pool.pids);
        const outcome = await withLimit(scenarios[name](), limitMs(name, options), name);
        const seconds = (now() - startedAt) / 1000;
        const share = otherCpuShare(before, ownAndMachineCpu(server.pid, pool.pids), seconds);
        log(
          `${kind}: ${name} took ${seconds.toFixed(0)} s; other work on the machine used ${(share * 100).toFixed(0)} % of its CPU meanwhile`,
        );
        outcome.details.seconds = Math.round(seconds);
        outcome.details.other_cpu_share = Math.round(share * 100) / 100;
        rows.push(row(name, held.connected, outcome));
      } catch (error) {
        // A scenario that overran leaves the audience busy; the rest of this server's run would measure that, not the server.
        broken = `${name} failed`;
        rows.push(row(name, held.connected, undefined, (error as Error).message));
        log(`${kind}: ${name} failed: ${(error as Error).message}`);
      }
    }
  } finally {
    presenter?.close();
    if (pool) {
      await pool.stop();
      pools.delete(pool);
    }
    await server.stop();
    log(`${kind}: server stopped`);
  }
  return rows;
}

/** Which Ettor was measured: the commit, and whether the work tree had changes on top of it. */
function revision(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'protocol'], { cwd: REPO, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} with uncommitted changes in server/ or protocol/` : commit;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<number> {
  const parsed = parseOptions(process.argv.slice(2));
  if (parsed === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const options = parsed;
  const fileLimit = openFileLimit();
  const workers = workerCount(options, fileLimit);
  if (options.participants > fileLimit - SPARE_FILES) {
    log(`warning: a server may hold at most ${fileLimit} open files, so fewer than ${options.participants} participants can join one node`);
  }
  log(
    `${options.participants} participants over ${workers} simulator workers; open-file limit ${fileLimit}; servers ${options.servers.join(', ')}`,
  );
  const startedAt = now();
  const rows: ScenarioRow[] = [];
  for (const [index, kind] of options.servers.entries()) {
    try {
      rows.push(...(await runServer(kind, options.port + index, options, workers)));
    } catch (error) {
      log(`${kind}: ${(error as Error).stack ?? error}`);
      for (const scenario of options.scenarios) {
        if (!rows.some((r) => r.server === kind && r.scenario === scenario)) {
          rows.push({
            scenario,
            server: kind,
            figures: emptyFigures(options.participants, 0),
            details: {},
            failure: (error as Error).message,
          });
        }
      }
    }
  }
  const seconds = (now() - startedAt) / 1000;
  process.stdout.write(
    `${render(rows, options.participants)}\n\nRan ${seconds.toFixed(0)} s on ${JSON.stringify(machine())}, Ettor ${revision()}\n`,
  );
  if (options.json) {
    writeJson(options.json, rows, {
      participants: options.participants,
      workers,
      revision: revision(),
      duration_s: Math.round(seconds),
      started_at: new Date(Date.now() - seconds * 1000).toISOString(),
    });
    log(`wrote ${options.json}`);
  }
  return rows.some((r) => r.failure) ? 1 : 0;
}

// Never leave a server or a worker behind, however the run ends.
const cleanUp = () => {
  for (const pool of pools) pool.killAll();
  killServers();
};
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    log(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  },
);
