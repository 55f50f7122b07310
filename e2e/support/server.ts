import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A port nothing listens on now, for a server (or nginx) to take. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The built server as `npm start` runs it, on a fixed port and data directory, so it can be stopped and started again. */
export interface RestartableServer {
  url: string;
  dataDir: string;
  readonly process: ChildProcess | null;
  start(): Promise<void>;
  /** SIGTERM, as systemd or Docker stop it, and waits for the process to exit. */
  stop(): Promise<void>;
  /** Stops the server for good and removes its data. */
  dispose(): Promise<void>;
}

/**
 * Starts `ettor serve` from the build on a port and resolves once `/healthz` answers (200, `ok` or `degraded`).
 * `stdio` is the child's output: inherited, or piped for the caller to read.
 */
export async function spawnServer(port: number, env: Record<string, string>, stdio: 'inherit' | 'pipe' = 'inherit'): Promise<ChildProcess> {
  if (!fs.existsSync(path.join(root, 'server/dist/cli.js')) || !fs.existsSync(path.join(root, 'web/dist/index.html'))) {
    throw new Error('Build first: npm run build (npm test does it).');
  }
  const started = spawn(process.execPath, [path.join(root, 'server/bin/ettor.js'), 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ETTOR_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', stdio, stdio],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (started.exitCode !== null) throw new Error(`server exited with ${started.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return started;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      started.kill('SIGKILL');
      throw new Error('server did not become healthy within 30 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function restartableServer(env: Record<string, string> = {}): Promise<RestartableServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ettor-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;

  const server: RestartableServer = {
    url,
    dataDir,
    get process() {
      return child;
    },
    async start() {
      if (child) throw new Error('already running');
      child = await spawnServer(port, { ETTOR_DATA_DIR: dataDir, ...env });
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    },
    async dispose() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

/** Starts the built server exactly as `npm start` runs it, on a free port and a fresh SQLite directory. */
export interface RunningServer {
  url: string;
  /** Stops the server and removes its data. */
  stop(): Promise<void>;
}

export async function startBuiltServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const server = await restartableServer(env);
  return { url: server.url, stop: () => server.dispose() };
}

/**
 * Signs up the first presenter over HTTP and returns their session cookie and example deck. With `origin`, every
 * request carries it, as a browser's page at that address would.
 */
export async function signUpPresenter(url: string, origin?: string) {
  const originHeader: Record<string, string> = origin ? { origin } : {};
  const response = await fetch(`${url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...originHeader },
    body: JSON.stringify({ email: 'talare@example.se', password: 'ett lösenord som håller', name: 'Talare' }),
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${await response.text()}`);
  const cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const api = async (method: string, pathname: string, body?: unknown) => {
    const res = await fetch(url + pathname, {
      method,
      headers: { cookie, ...originHeader, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return res.status === 204 ? undefined : res.json();
  };
  return { cookie, api };
}
