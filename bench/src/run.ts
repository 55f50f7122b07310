import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { USAGE, type Options, parseOptions } from './cli.js';
import { now, sleep } from './clock.js';
import { dropClusters, startCluster } from './cluster.js';
import { type ClusterReport, type NodeUsage, type ScenarioRow, emptyFigures } from './metrics.js';
import { Presenter } from './presenter.js';
import { cpuSeconds, machineBusySeconds, openFileLimit, rssBytes, total } from './proc-stats.js';
import { machine, render, writeJson } from './report.js';
import { burst } from './scenarios/burst.js';
import type { CrossNode, ScenarioContext, ScenarioOutcome, Served } from './scenarios/context.js';
import { crossNodeVotes } from './scenarios/cross-node.js';
import { fanout } from './scenarios/fanout.js';
import { flood } from './scenarios/flood.js';
import { hold } from './scenarios/hold.js';
import { qa, takesQuestions } from './scenarios/qa.js';
import { sustained } from './scenarios/sustained.js';
import { talk } from './scenarios/talk.js';
import { REPO, type ServerProcess, killServers, startServer } from './server-process.js';
import { openSession, transportOf } from './setup.js';
import type { WorkerInit } from './simulator/messages.js';
import { WorkerPool } from './simulator/pool.js';
import { round } from './stats.js';
import type { ScenarioName, ServerKind } from './types.js';

/** Sockets a process keeps besides its phones: stdio, IPC, the event loop's own descriptors. */
const SPARE_FILES = 200;
/** With several nodes, the share of the phones that connect to node 2 directly instead of through nginx. */
const CROSS_NODE_SHARE = 0.1;
/** The cross-node measure's highest rate: enough to fill each screen's results, far below what a node takes. */
const CROSS_NODE_MAX_RATE = 200;

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

/** A figure of a process that may have gone: it uses nothing more. */
const ifAlive =
  (read: (pid: number) => number) =>
  (pid: number): number => {
    try {
      return read(pid);
    } catch {
      return 0;
    }
  };

/** CPU used so far by this run's processes (servers, nginx, workers, orchestrator) and by the whole machine. */
function ownAndMachineCpu(pids: number[]): { own: number; machine: number } {
  const own = process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6 + total(pids, ifAlive(cpuSeconds));
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

/** A part of a deployment the report shows on its own: a node, or nginx. */
interface Part {
  name: string;
  pids(): number[];
}

/** What one server's run stands on: one process, or several nodes behind nginx. */
interface Deployment {
  served: Served;
  /** Where the big screen connects: the one server, or node 1. */
  hostUrl: string;
  /** With several nodes: node 2, where the second big screen and the cross-node phones connect directly. */
  secondUrl?: string;
  /** Every process serving the audience, nginx included: this run's own CPU, not other work's. */
  pids(): number[];
  /** None with one server. */
  parts: Part[];
  stop(): Promise<void>;
}

/** Starts what a server's run stands on: the server alone, or with --nodes the cluster. */
async function deploy(kind: ServerKind, port: number, options: Options): Promise<Deployment> {
  if (options.nodes === 1) {
    log(`${kind}: starting the server on port ${port}`);
    const server = await startServer(kind, { port, keepData: options.keepData, profileDir: options.profileDir });
    return {
      served: { kind, url: server.url, pids: [server.pid], store: server.store },
      hostUrl: server.url,
      pids: () => [server.pid],
      parts: [],
      stop: () => server.stop(),
    };
  }
  log(`${kind}: starting ${options.nodes} nodes on ports ${port}–${port + options.nodes - 1} and nginx on ${port + options.nodes}`);
  const cluster = await startCluster({ ...options, port, log: (line) => log(`${kind}: ${line}`) });
  const [first, second] = cluster.nodes as [ServerProcess, ServerProcess];
  const parts: Part[] = [
    ...cluster.nodes.map((node, i) => ({ name: `node ${i + 1}`, pids: () => [node.pid] })),
    { name: 'nginx', pids: cluster.nginx.pids },
  ];
  return {
    served: { kind, url: cluster.nginx.url, pids: cluster.nodes.map((node) => node.pid), store: first.store },
    hostUrl: first.url,
    secondUrl: second.url,
    pids: () => parts.flatMap((part) => part.pids()),
    parts,
    stop: () => cluster.stop(),
  };
}

/**
 * Starts measuring each part of a deployment; the function returned puts each one's CPU-seconds since and its RSS now
 * into a scenario's details. With one server there are no parts, and the details stay as they were.
 */
function measureParts(parts: Part[]): (details: Record<string, unknown>) => void {
  const cpu = (part: Part) => total(part.pids(), ifAlive(cpuSeconds));
  const before = parts.map(cpu);
  return (details) => {
    if (parts.length === 0) return;
    details.nodes = parts.map((part, i): NodeUsage => ({
      node: part.name,
      cpu_s: round(cpu(part) - (before[i] ?? 0), 2),
      rss_bytes: total(part.pids(), ifAlive(rssBytes)),
    }));
  };
}

/**
 * One server from start to stop: hold first (it brings the audience in), then the other scenarios in order; with
 * several nodes, the cross-node measure last.
 */
async function runServer(
  kind: ServerKind,
  port: number,
  options: Options,
  workers: number,
): Promise<{ rows: ScenarioRow[]; cluster?: ClusterReport }> {
  const rows: ScenarioRow[] = [];
  const row = (scenario: ScenarioName, connected: number, outcome: ScenarioOutcome | undefined, failure?: string): ScenarioRow => ({
    scenario,
    server: kind,
    figures: { ...emptyFigures(options.participants, connected), ...(outcome?.figures ?? {}) },
    details: outcome?.details ?? {},
    ...(failure ? { failure } : {}),
  });
  const deployment = await deploy(kind, port, options);
  const { served, parts } = deployment;
  // With several nodes a tenth of the phones connect to node 2 directly: whatever they do is committed there.
  const direct = deployment.secondUrl ? Math.max(1, Math.round(options.participants * CROSS_NODE_SHARE)) : 0;
  const cluster: ClusterReport | undefined = deployment.secondUrl
    ? { nodes: options.nodes, direct_phones: direct, cross_node: null }
    : undefined;
  let pool: WorkerPool | undefined;
  const presenters: Presenter[] = [];
  try {
    const session = await openSession({ kind, url: deployment.hostUrl });
    const presenter = await Presenter.open(transportOf(kind), deployment.hostUrl, session);
    presenters.push(presenter);
    const throughServed = options.participants - direct;
    const share = Math.ceil(throughServed / workers);
    const inits: WorkerInit[] = [];
    const init = (url: string, firstIndex: number, count: number): WorkerInit => ({
      workerIndex: inits.length,
      transport: transportOf(kind),
      url,
      code: session.code,
      firstIndex,
      count,
      slides: session.slides,
    });
    for (let i = 0; i < workers; i += 1) {
      const firstIndex = i * share;
      const count = Math.max(0, Math.min(share, throughServed - firstIndex));
      if (count > 0) inits.push(init(served.url, firstIndex, count));
    }
    let crossNode: CrossNode | undefined;
    if (deployment.secondUrl) {
      // Node 2's own big screen, beside node 1's, and the last worker's phones on node 2 itself.
      const second = await Presenter.open(transportOf(kind), deployment.secondUrl, session);
      presenters.push(second);
      inits.push(init(deployment.secondUrl, throughServed, direct));
      crossNode = { presenter: second, worker: inits.length - 1 };
    }
    pool = await WorkerPool.start(inits);
    pools.add(pool);
    const workerPids = pool.pids;
    const ownPids = () => [...deployment.pids(), ...workerPids];
    const base = {
      server: served,
      session,
      presenter,
      pool,
      participants: options.participants,
      log: (line: string) => log(`${kind}: ${line}`),
    };

    const holdLimit = limitMs('hold', options);
    const holdFrom = now();
    const holdBefore = ownAndMachineCpu(ownPids());
    const holdParts = measureParts(parts);
    const held = await withLimit(
      hold(base, { concurrency: 64, timeoutMs: holdLimit - 30_000, idleMs: options.quick ? 500 : 3_000 }),
      holdLimit,
      'hold',
    );
    held.details.other_cpu_share =
      Math.round(otherCpuShare(holdBefore, ownAndMachineCpu(ownPids()), (now() - holdFrom) / 1000) * 100) / 100;
    holdParts(held.details);
    if (options.scenarios.includes('hold')) rows.push(row('hold', held.connected, held));
    const ctx: ScenarioContext = {
      ...base,
      connected: held.connected,
      idleCpuPerS: held.idleCpuPerS,
      ...(crossNode ? { crossNode } : {}),
    };
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
      // The issue's proportions: a fifth of the room asks, and the room upvotes five times its size within the time.
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
      // Not failures: the figures are null, as for any figure a scenario does not measure.
      if (name === 'flood' && options.nodes > 1) {
        rows.push(row(name, held.connected, { figures: {}, details: { not_applicable: 'the flood measures one node’s defences' } }));
        continue;
      }
      if (name === 'qa' && !takesQuestions(kind)) {
        rows.push(row(name, held.connected, { figures: {}, details: { not_applicable: 'the baselines take no questions' } }));
        continue;
      }
      if (broken) {
        rows.push(row(name, held.connected, undefined, `skipped: ${broken}`));
        continue;
      }
      try {
        const startedAt = now();
        const before = ownAndMachineCpu(ownPids());
        const scenarioParts = measureParts(parts);
        const outcome = await withLimit(scenarios[name](), limitMs(name, options), name);
        const seconds = (now() - startedAt) / 1000;
        const share = otherCpuShare(before, ownAndMachineCpu(ownPids()), seconds);
        log(
          `${kind}: ${name} took ${seconds.toFixed(0)} s; other work on the machine used ${(share * 100).toFixed(0)} % of its CPU meanwhile`,
        );
        outcome.details.seconds = Math.round(seconds);
        outcome.details.other_cpu_share = Math.round(share * 100) / 100;
        scenarioParts(outcome.details);
        rows.push(row(name, held.connected, outcome));
      } catch (error) {
        // A scenario that overran leaves the audience busy; the rest of this server's run would measure that, not the server.
        broken = `${name} failed`;
        rows.push(row(name, held.connected, undefined, (error as Error).message));
        log(`${kind}: ${name} failed: ${(error as Error).message}`);
      }
    }
    if (cluster && crossNode) {
      if (broken) cluster.failure = `skipped: ${broken}`;
      else {
        const measure = crossNodeVotes(ctx, crossNode, {
          rate: Math.min(CROSS_NODE_MAX_RATE, 2 * direct),
          durationMs: options.quick ? 3_000 : 10_000,
        });
        try {
          cluster.cross_node = await withLimit(measure, 120_000, 'the cross-node measure');
        } catch (error) {
          cluster.failure = (error as Error).message;
          log(`${kind}: the cross-node measure failed: ${cluster.failure}`);
        }
      }
    }
  } finally {
    for (const presenter of presenters) presenter.close();
    if (pool) {
      await pool.stop();
      pools.delete(pool);
    }
    await deployment.stop();
    log(`${kind}: ${options.nodes > 1 ? 'nodes and nginx' : 'server'} stopped`);
  }
  return { rows, ...(cluster ? { cluster } : {}) };
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
    `${options.participants} participants over ${workers} simulator workers${options.nodes > 1 ? ' and one more for the phones on node 2' : ''}; ` +
      `open-file limit ${fileLimit}; servers ${options.servers.join(', ')}${options.nodes > 1 ? ` on ${options.nodes} nodes` : ''}`,
  );
  const startedAt = now();
  const rows: ScenarioRow[] = [];
  let cluster: ClusterReport | undefined;
  for (const [index, kind] of options.servers.entries()) {
    try {
      const ran = await runServer(kind, options.port + index, options, workers);
      rows.push(...ran.rows);
      cluster = ran.cluster;
    } catch (error) {
      log(`${kind}: ${(error as Error).stack ?? error}`);
      if (options.nodes > 1) cluster = { nodes: options.nodes, direct_phones: 0, cross_node: null, failure: (error as Error).message };
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
    `${render(rows, options.participants, cluster)}\n\nRan ${seconds.toFixed(0)} s on ${JSON.stringify(machine())}, Ettor ${revision()}\n`,
  );
  if (options.json) {
    writeJson(options.json, rows, {
      participants: options.participants,
      workers,
      revision: revision(),
      duration_s: Math.round(seconds),
      started_at: new Date(Date.now() - seconds * 1000).toISOString(),
      ...(cluster ? { cluster } : {}),
    });
    log(`wrote ${options.json}`);
  }
  return rows.some((r) => r.failure) || cluster?.failure ? 1 : 0;
}

// Never leave a server, a worker or a cluster's database behind, however the run ends.
const cleanUp = () => {
  for (const pool of pools) pool.killAll();
  killServers();
};
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanUp();
    // With the nodes gone, their database can be dropped; a stuck PostgreSQL or Redis does not hold the exit up.
    void Promise.race([dropClusters(), sleep(10_000)]).finally(() => process.exit(130));
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
