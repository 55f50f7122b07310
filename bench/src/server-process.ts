import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep } from './clock.js';
import type { StoreLocation } from './store.js';
import type { ServerKind } from './types.js';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const BASELINES = fileURLToPath(new URL('../baselines/', import.meta.url));
/** The deck every server runs: Ettor imports it, the baselines read it. Its own file, so the figures do not move when the example deck does. */
export const BENCH_DECK = path.join(REPO, 'bench/deck.json');

export interface ServerProcess {
  kind: ServerKind;
  pid: number;
  url: string;
  /** Where the server stores answers, read afterwards to count what was stored. */
  store: StoreLocation;
  logPath: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  port: number;
  /** Names the temp folder and the CPU profile, so that several nodes of one kind keep theirs apart. */
  name?: string;
  /** Settings on top of the bench's own, e.g. the PostgreSQL and Redis that nodes share. */
  env?: Record<string, string>;
  /** Write a V8 CPU profile of the server into this folder when it exits. */
  profileDir?: string;
  keepData?: boolean;
}

const live = new Map<ChildProcess, string>();

/** Signals a service and whatever it started: each runs in a process group of its own, so nginx's workers go with it. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Kills every server (and nginx) this process started and removes its temp folder; for the orchestrator's exit path. */
export function killServers(): void {
  for (const [child, dataDir] of live) {
    signalGroup(child, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  live.clear();
}

export interface ServiceOptions {
  /** The process's temp folder: its log goes there, and it is removed at the stop unless keepData. */
  dataDir: string;
  logName: string;
  env: NodeJS.ProcessEnv;
  /** Ready once `${url}/healthz` answers. */
  url: string;
  keepData?: boolean;
}

/**
 * Starts a process that serves HTTP (a server, or nginx in front of several), logging into its temp folder, and waits
 * until it answers; stop() ends it and removes the folder.
 */
export async function startService(
  name: string,
  command: string,
  args: string[],
  options: ServiceOptions,
): Promise<{ pid: number; logPath: string; stop(): Promise<void> }> {
  const logPath = path.join(options.dataDir, options.logName);
  const log = fs.openSync(logPath, 'a');
  const child = spawn(command, args, { env: options.env, stdio: ['ignore', log, log], cwd: REPO, detached: true });
  live.set(child, options.dataDir);
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`;
  });
  child.once('error', (error) => {
    exited = `could not start (${error.message})`;
  });
  const tail = () => fs.readFileSync(logPath, 'utf8').split('\n').slice(-20).join('\n');

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`${name} ${exited} before it was ready:\n${tail()}`);
    try {
      const response = await fetch(`${options.url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      signalGroup(child, 'SIGKILL');
      throw new Error(`${name} did not become ready in 30 s:\n${tail()}`);
    }
    await sleep(100);
  }

  return {
    pid: child.pid ?? 0,
    logPath,
    async stop() {
      if (!exited) {
        // A clean stop lets a server write its CPU profile; a stuck one is killed.
        signalGroup(child, 'SIGTERM');
        const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        await Promise.race([gone, sleep(15_000)]);
        if (!exited) {
          signalGroup(child, 'SIGKILL');
          await Promise.race([gone, sleep(5_000)]);
        }
      }
      fs.closeSync(log);
      live.delete(child);
      if (!options.keepData) fs.rmSync(options.dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts one server as its own process on a fresh SQLite database in a temp folder, and waits until it answers. */
export async function startServer(kind: ServerKind, options: StartOptions): Promise<ServerProcess> {
  const name = options.name ?? kind;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `ettor-bench-${name}-`));
  const host = '127.0.0.1';
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(options.port), HOST: host, NODE_ENV: 'production' };
  delete env.NODE_OPTIONS;
  // Node 20 refuses --cpu-prof in NODE_OPTIONS, so the flags go on the command line.
  const nodeFlags: string[] = [];
  if (options.profileDir) {
    fs.mkdirSync(options.profileDir, { recursive: true });
    nodeFlags.push('--cpu-prof', `--cpu-prof-dir=${path.resolve(options.profileDir)}`, `--cpu-prof-name=${name}.cpuprofile`);
  }
  let args: string[];
  let store: StoreLocation;
  if (kind === 'ettor') {
    args = [path.join(REPO, 'server/bin/ettor.js'), 'serve'];
    Object.assign(env, {
      ETTOR_DATA_DIR: dataDir,
      ETTOR_LOG_LEVEL: 'warn',
      // Every simulated phone comes from 127.0.0.1, as a whole room behind one NAT address would.
      ETTOR_MAX_SOCKETS_PER_IP: '100000',
      ...options.env,
    });
    store = env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'sqlite', path: path.join(dataDir, 'ettor.sqlite') };
  } else {
    args = [path.join(BASELINES, `${kind}.js`)];
    Object.assign(env, { BENCH_DATA_DIR: dataDir, BENCH_DECK });
    store = { kind: 'sqlite', path: path.join(dataDir, 'bench.sqlite') };
  }
  const url = `http://${host}:${options.port}`;
  const service = await startService(`${name} server`, process.execPath, [...nodeFlags, ...args], {
    dataDir,
    logName: 'server.log',
    env,
    url,
    keepData: options.keepData ?? false,
  });
  return { kind, pid: service.pid, url, store, logPath: service.logPath, stop: () => service.stop() };
}
