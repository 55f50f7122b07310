import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep } from './clock.js';
import type { ServerKind } from './types.js';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const BASELINES = fileURLToPath(new URL('../baselines/', import.meta.url));
/** The deck every server runs: Ettor imports it, the baselines read it. Its own file, so the figures do not move when the example deck does. */
export const BENCH_DECK = path.join(REPO, 'bench/deck.json');

export interface ServerProcess {
  kind: ServerKind;
  pid: number;
  url: string;
  /** The SQLite file the server writes, opened read-only afterwards to count what was stored. */
  dbPath: string;
  logPath: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  port: number;
  /** Write a V8 CPU profile of the server into this folder when it exits. */
  profileDir?: string;
  keepData?: boolean;
}

const live = new Map<ChildProcess, string>();

/** Kills every server this process started and removes its temp folder; for the orchestrator's exit path. */
export function killServers(): void {
  for (const [child, dataDir] of live) {
    child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  live.clear();
}

/** Starts one server as its own process on a fresh SQLite database in a temp folder, and waits until it answers. */
export async function startServer(kind: ServerKind, options: StartOptions): Promise<ServerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `ettor-bench-${kind}-`));
  const logPath = path.join(dataDir, 'server.log');
  const log = fs.openSync(logPath, 'a');
  const host = '127.0.0.1';
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(options.port), HOST: host, NODE_ENV: 'production' };
  delete env.NODE_OPTIONS;
  // Node 20 refuses --cpu-prof in NODE_OPTIONS, so the flags go on the command line.
  const nodeFlags: string[] = [];
  if (options.profileDir) {
    fs.mkdirSync(options.profileDir, { recursive: true });
    nodeFlags.push('--cpu-prof', `--cpu-prof-dir=${path.resolve(options.profileDir)}`, `--cpu-prof-name=${kind}.cpuprofile`);
  }
  let args: string[];
  let dbPath: string;
  if (kind === 'ettor') {
    args = [path.join(REPO, 'server/bin/ettor.js'), 'serve'];
    Object.assign(env, {
      ETTOR_DATA_DIR: dataDir,
      ETTOR_LOG_LEVEL: 'warn',
      // Every simulated phone comes from 127.0.0.1, as a whole room behind one NAT address would.
      ETTOR_MAX_SOCKETS_PER_IP: '100000',
    });
    dbPath = path.join(dataDir, 'ettor.sqlite');
  } else {
    args = [path.join(BASELINES, `${kind}.js`)];
    Object.assign(env, { BENCH_DATA_DIR: dataDir, BENCH_DECK });
    dbPath = path.join(dataDir, 'bench.sqlite');
  }
  const child = spawn(process.execPath, [...nodeFlags, ...args], { env, stdio: ['ignore', log, log], cwd: REPO });
  live.set(child, dataDir);
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`;
  });
  const url = `http://${host}:${options.port}`;
  const tail = () => fs.readFileSync(logPath, 'utf8').split('\n').slice(-20).join('\n');

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`${kind} server ${exited} before it was ready:\n${tail()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${kind} server did not become ready in 30 s:\n${tail()}`);
    }
    await sleep(100);
  }

  return {
    kind,
    pid: child.pid ?? 0,
    url,
    dbPath,
    logPath,
    async stop() {
      if (!exited) {
        // A clean stop lets the server write its CPU profile; a stuck one is killed.
        child.kill('SIGTERM');
        const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        await Promise.race([gone, sleep(15_000)]);
        if (!exited) {
          child.kill('SIGKILL');
          await Promise.race([gone, sleep(5_000)]);
        }
      }
      fs.closeSync(log);
      live.delete(child);
      if (!options.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
