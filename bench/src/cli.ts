import { parseArgs } from 'node:util';
import { SCENARIOS, SERVER_KINDS, type ScenarioName, type ServerKind } from './types.js';

export interface Options {
  participants: number;
  scenarios: ScenarioName[];
  servers: ServerKind[];
  json: string | undefined;
  workers: number | undefined;
  profileDir: string | undefined;
  port: number;
  keepData: boolean;
  /** How long the flood scenario's attack lasts. */
  floodSeconds: number;
  /** How long the qa scenario's upvotes are spread over; its questions come in the first sixth of that. */
  qaSeconds: number;
  /** Shorter waits for the smoke test: checks the harness end to end; its timings are not comparable. */
  quick: boolean;
  /** Ettor nodes behind nginx, on PostgreSQL and Redis; 1 is one node on its own SQLite file. */
  nodes: number;
  /** With several nodes: a PostgreSQL database to create the run's own from, the Redis they share, the nginx binary. */
  postgres: string;
  redis: string;
  nginx: string;
}

export const USAGE = `Usage: npm run bench -- [options]

  --participants N     simulated phones (default 10000)
  --scenario NAME      hold, fanout, burst, sustained, talk, qa or flood; repeat or comma-separate (default: all)
  --servers LIST       ettor,limit,typical (default: all three)
  --json FILE          also write the results as JSON
  --workers N          simulator processes (default: 2, more if the open-file limit needs it)
  --profile DIR        write a V8 CPU profile of each server into DIR (node --cpu-prof)
  --port N             first port to listen on (default 4300; each server gets the next)
  --keep-data          keep each server's temp folder (database and log)
  --flood-seconds N    how long the flood scenario's attack lasts (default 20)
  --qa-seconds N       how long the qa scenario's upvotes are spread over (default 60)
  --quick              shorter waits (smoke test): checks correctness, its timings mean little
  --nodes N            Ettor nodes behind nginx, on a PostgreSQL database and a Redis prefix of the run's own
                       (default 1: one node on SQLite); Ettor only, so the servers default to ettor
  --postgres URL       with --nodes: where to create that database (default postgres://postgres@127.0.0.1:5432/postgres)
  --redis URL          with --nodes: the Redis the nodes share (default redis://127.0.0.1:6379)
  --nginx PATH         with --nodes: the nginx binary (default nginx)
`;

function list<T extends string>(values: string[], allowed: readonly T[], what: string): T[] {
  const items = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const item of items) if (!allowed.includes(item as T)) throw new Error(`unknown ${what} "${item}"; use ${allowed.join(', ')}`);
  // Keep the canonical order, so hold runs before the rest whatever order they were named in.
  return allowed.filter((a) => items.includes(a));
}

export function parseOptions(argv: string[]): Options | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      participants: { type: 'string', short: 'n' },
      scenario: { type: 'string', multiple: true },
      servers: { type: 'string', multiple: true },
      json: { type: 'string' },
      workers: { type: 'string' },
      profile: { type: 'string' },
      port: { type: 'string' },
      'keep-data': { type: 'boolean' },
      'flood-seconds': { type: 'string' },
      'qa-seconds': { type: 'string' },
      quick: { type: 'boolean' },
      nodes: { type: 'string' },
      postgres: { type: 'string' },
      redis: { type: 'string' },
      nginx: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const participants = Number(values.participants ?? 10_000);
  if (!Number.isInteger(participants) || participants < 1) throw new Error('--participants must be a positive whole number');
  const floodSeconds = Number(values['flood-seconds'] ?? 20);
  if (!Number.isFinite(floodSeconds) || floodSeconds <= 0) throw new Error('--flood-seconds must be a positive number');
  const qaSeconds = Number(values['qa-seconds'] ?? 60);
  if (!Number.isFinite(qaSeconds) || qaSeconds <= 0) throw new Error('--qa-seconds must be a positive number');
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) throw new Error('--workers must be a positive whole number');
  const nodes = Number(values.nodes ?? 1);
  if (!Number.isInteger(nodes) || nodes < 1) throw new Error('--nodes must be a positive whole number');
  // The baselines are single processes: several nodes means Ettor, named or not.
  const servers = values.servers
    ? list(values.servers, SERVER_KINDS, 'server')
    : nodes > 1
      ? (['ettor'] as ServerKind[])
      : [...SERVER_KINDS];
  if (nodes > 1 && servers.some((server) => server !== 'ettor')) {
    throw new Error(`--nodes ${nodes} runs Ettor only: the baselines are single processes and have no nodes (use --servers ettor)`);
  }
  return {
    participants,
    scenarios: values.scenario ? list(values.scenario, SCENARIOS, 'scenario') : [...SCENARIOS],
    servers,
    json: values.json,
    workers,
    profileDir: values.profile,
    port: Number(values.port ?? 4300),
    keepData: values['keep-data'] ?? false,
    floodSeconds,
    qaSeconds,
    quick: values.quick ?? false,
    nodes,
    postgres: values.postgres ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redis: values.redis ?? 'redis://127.0.0.1:6379',
    nginx: values.nginx ?? 'nginx',
  };
}
