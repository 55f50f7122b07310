import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { servicesRequired } from './cluster.js';
import { renderSite } from '../../bench/src/nginx.js';
import { freePort } from './server.js';

const NGINX = '/usr/sbin/nginx';
/** The site config an admin installs, and this test starts. */
export const SITE_CONFIG = fileURLToPath(new URL('../../deploy/nginx/ettor.conf', import.meta.url));

/** Debian's nginx, installed when missing and the tests run as root (as on CI); otherwise why it is not there. */
function nginxProblem(): string | undefined {
  if (fs.existsSync(NGINX)) return undefined;
  if (process.getuid?.() !== 0) return `${NGINX} is missing (apt-get install nginx)`;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', 'nginx'], { stdio: 'inherit', env }).status === 0;
  // A fresh machine's package lists may be empty or stale; read them once and try again.
  if (!install() && spawnSync('apt-get', ['update'], { stdio: 'inherit', env }).status === 0) install();
  return fs.existsSync(NGINX) ? undefined : `${NGINX} is missing and apt-get install nginx failed`;
}

/** Why nginx tests are skipped here, if they are; with CI=true or ETTOR_REQUIRE_SERVICES=1 a missing nginx fails instead. */
export const nginxSkipReason: string | undefined = nginxProblem();
if (nginxSkipReason && servicesRequired) throw new Error(`${nginxSkipReason}; it is required because CI=true or ETTOR_REQUIRE_SERVICES=1.`);
if (nginxSkipReason) console.warn(`Skipping nginx tests: ${nginxSkipReason}.`);

export interface RunningNginx {
  url: string;
  /** The access log so far: one line per request, `$remote_addr "$request" $status $upstream_addr`. */
  accessLog(): string;
  stop(): Promise<void>;
}

/**
 * nginx in the foreground with a minimal main config that includes the rendered site config; logs, pid and temporary
 * files stay in a directory of its own.
 */
export async function startNginx(upstreams: readonly string[]): Promise<RunningNginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ettor-nginx-'));
  // Run as root, nginx's workers are another user, which must reach the temporary files in here.
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const site = fs.readFileSync(SITE_CONFIG, 'utf8');
  fs.writeFileSync(path.join(dir, 'ettor.conf'), renderSite(site, upstreams, `127.0.0.1:${port}`));
  const main = `worker_processes 1;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  log_format upstreams '$remote_addr "$request" $status $upstream_addr';
  access_log ${dir}/access.log upstreams;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/ettor.conf;
}
`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), main);
  const child: ChildProcess = spawn(
    NGINX,
    ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf'), '-g', `daemon off; pid ${dir}/nginx.pid;`],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const errorLog = () => fs.readFileSync(path.join(dir, 'error.log'), 'utf8');

  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      const log = errorLog();
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`nginx did not start:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    accessLog: () => fs.readFileSync(path.join(dir, 'access.log'), 'utf8'),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
