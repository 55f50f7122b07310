import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { type NginxProcess, startNginx } from './nginx.js';
import { type ServerProcess, startServer } from './server-process.js';

export interface ClusterOptions {
  nodes: number;
  /** Node i listens on port + i - 1, nginx on port + nodes. */
  port: number;
  /** A database of the PostgreSQL server to create the run's own database from. */
  postgres: string;
  redis: string;
  nginx: string;
  participants: number;
  keepData: boolean;
  profileDir: string | undefined;
  log(line: string): void;
}

/** Several Ettor nodes on one PostgreSQL database and one Redis prefix of the run's own, behind nginx. */
export interface Cluster {
  nodes: ServerProcess[];
  nginx: NginxProcess;
  stop(): Promise<void>;
}

/** What clusters still hold outside this process: dropped by stop(), or by dropClusters() on the way out. */
const held = new Set<() => Promise<void>>();

/** Drops every cluster's database and Redis keys; for the orchestrator's exit path, once killServers() has ended the nodes. */
export async function dropClusters(): Promise<void> {
  const drops = [...held];
  held.clear();
  await Promise.allSettled(drops.map((drop) => drop()));
}

async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // FORCE ends what a node killed on the way out may have left connected.
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Creates the run's database (`ettor_bench_<random>`) and Redis prefix, starts the nodes on them with nginx in front,
 * and returns once nginx reaches a node. stop() ends the processes, drops the database and deletes the keys.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const id = randomBytes(4).toString('hex');
  const database = `ettor_bench_${id}`;
  const redisPrefix = `ettor-bench-${id}:`;
  const databaseUrl = new URL(options.postgres);
  databaseUrl.pathname = `/${database}`;
  const admin = new pg.Client({ connectionString: options.postgres });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const drop = async () => {
    await Promise.all([dropDatabase(options.postgres, database), deleteKeys(options.redis, redisPrefix)]);
  };
  held.add(drop);
  options.log(`cluster: database ${database} on ${databaseUrl.host}, Redis prefix ${redisPrefix}`);

  const nodes: ServerProcess[] = [];
  let nginx: NginxProcess | undefined;
  const stop = async () => {
    await nginx?.stop();
    await Promise.all(nodes.map((node) => node.stop()));
    held.delete(drop);
    if (options.keepData) options.log(`cluster: kept database ${database} and the Redis keys ${redisPrefix}*`);
    else await drop();
  };
  const start = (index: number) =>
    startServer('ettor', {
      port: options.port + index,
      name: `ettor-node${index + 1}`,
      keepData: options.keepData,
      profileDir: options.profileDir,
      env: {
        DATABASE_URL: databaseUrl.href,
        REDIS_URL: options.redis,
        ETTOR_REDIS_PREFIX: redisPrefix,
        // nginx is the one proxy in front: the address it appends to X-Forwarded-For is the phone's.
        ETTOR_TRUST_PROXY: '1',
      },
    });
  try {
    // The first node brings the new database's schema up to date alone; the others find it done.
    nodes.push(await start(0));
    const rest = await Promise.allSettled(Array.from({ length: options.nodes - 1 }, (_, i) => start(i + 1)));
    for (const result of rest) if (result.status === 'fulfilled') nodes.push(result.value);
    const failed = rest.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
    nginx = await startNginx({
      binary: options.nginx,
      nodes: nodes.map((node) => new URL(node.url).host),
      port: options.port + options.nodes,
      participants: options.participants,
      keepData: options.keepData,
    });
    return { nodes, nginx, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
