import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childPids } from './proc-stats.js';
import { REPO, startService } from './server-process.js';

/** The documented set-up: the bench puts its nodes and port into this file rather than writing a config of its own. */
export const SITE = path.join(REPO, 'deploy/nginx/ettor.conf');

/** Sockets nginx holds besides two per phone: screens, probes, health checks and the kept-alive upstream ones. */
const SPARE_CONNECTIONS = 1024;

export interface NginxProcess {
  /** Where phones connect. */
  url: string;
  /** The master and its workers, whose CPU and memory the report shows. */
  pids(): number[];
  stop(): Promise<void>;
}

export interface NginxOptions {
  /** The nginx binary. */
  binary: string;
  /** host:port of every node. */
  nodes: string[];
  port: number;
  participants: number;
  keepData?: boolean;
}

/**
 * The site config with the nodes in place of its example upstream servers (with the first one's parameters) and one
 * listen address in place of its listen lines; everything else as shipped. Throws when the file no longer has the
 * parts this replaces.
 */
export function renderSite(source: string, upstreams: readonly string[], listen: string): string {
  const upstream = /^(upstream ettor \{\n(?:[ \t]*#[^\n]*\n)*)((?:[ \t]*server [^;\n]+;\n)+)/mu.exec(source);
  if (!upstream) throw new Error(`${SITE}: no "upstream ettor {" block starting with its server lines`);
  const [, indent, parameters] = /^([ \t]*)server [^\s;]+([^;\n]*);/u.exec(upstream[2]!)!;
  const servers = upstreams.map((address) => `${indent}server ${address}${parameters};\n`).join('');
  const withNodes = source.replace(upstream[0], `${upstream[1]}${servers}`);
  if (!/^[ \t]*listen [^;\n]+;\n/mu.test(withNodes)) throw new Error(`${SITE}: no listen line`);
  let first = true;
  return withNodes.replace(/^([ \t]*)listen [^;\n]+;\n/gmu, (_line, space: string) => {
    const replaced = first ? `${space}listen ${listen};\n` : '';
    first = false;
    return replaced;
  });
}

/** The main configuration around the site: files in the run's own folder, errors to the log the bench shows, room for every phone. */
export function mainConfig(dir: string, participants: number): string {
  // Every phone is two connections in nginx: one from the phone, one to its node.
  const connections = 2 * participants + SPARE_CONNECTIONS;
  return `# Written by the bench (bench/src/nginx.ts) for one run; the site is ${SITE} with this run's addresses.
worker_processes auto;
worker_rlimit_nofile ${connections + SPARE_CONNECTIONS};
error_log stderr warn;

events {
    worker_connections ${connections};
}

http {
    access_log off;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include ${dir}/ettor.conf;
}
`;
}

/** Starts nginx in front of the nodes, from deploy/nginx/ettor.conf, and waits until it reaches one. */
export async function startNginx(options: NginxOptions): Promise<NginxProcess> {
  if (!fs.existsSync(SITE)) throw new Error(`${SITE} is missing: the bench runs nginx from the deployed site file`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ettor-bench-nginx-'));
  // nginx's workers run as an unprivileged user when the bench runs as root, and keep their temp files in here.
  fs.chmodSync(dir, 0o755);
  const host = '127.0.0.1';
  fs.writeFileSync(path.join(dir, 'ettor.conf'), renderSite(fs.readFileSync(SITE, 'utf8'), options.nodes, `${host}:${options.port}`));
  fs.writeFileSync(path.join(dir, 'nginx.conf'), mainConfig(dir, options.participants));
  const url = `http://${host}:${options.port}`;
  const service = await startService(
    'nginx',
    options.binary,
    ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', 'stderr', '-g', `daemon off; pid ${dir}/nginx.pid;`],
    { dataDir: dir, logName: 'nginx.log', env: process.env, url, keepData: options.keepData ?? false },
  );
  return {
    url,
    pids: () => {
      try {
        return [service.pid, ...childPids(service.pid)];
      } catch {
        return [];
      }
    },
    stop: () => service.stop(),
  };
}
