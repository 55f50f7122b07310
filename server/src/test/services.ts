import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';

export const POSTGRES_ADMIN_URL = process.env.ETTOR_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** On CI, or when asked, a missing service fails the run instead of skipping its tests. */
export const servicesRequired = process.env.CI === 'true' || process.env.ETTOR_REQUIRE_SERVICES === '1';

async function postgresReachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL at ${POSTGRES_ADMIN_URL} is not reachable (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** Set for PostgreSQL: a database of this test file's own. */
  databaseUrl: string | undefined;
  drop(): Promise<void>;
}

export interface DialectCase {
  name: 'sqlite' | 'postgres';
  /** Why the dialect's tests are skipped on this machine, if they are. */
  skipReason: string | undefined;
  create(): Promise<TestDatabase>;
}

const postgresProblem = await postgresReachable();
if (postgresProblem && servicesRequired) {
  throw new Error(`${postgresProblem}; it is required because CI=true or ETTOR_REQUIRE_SERVICES=1.`);
}
if (postgresProblem) console.warn(`Skipping PostgreSQL tests: ${postgresProblem}.`);

/** Every store test runs once per dialect: embedded SQLite and PostgreSQL. */
export const dialects: DialectCase[] = [
  {
    name: 'sqlite',
    skipReason: undefined,
    create: async () => ({ name: 'sqlite', databaseUrl: undefined, drop: async () => undefined }),
  },
  {
    name: 'postgres',
    skipReason: postgresProblem,
    async create() {
      const database = `ettor_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.end();
      const url = new URL(POSTGRES_ADMIN_URL);
      url.pathname = `/${database}`;
      return {
        name: 'postgres',
        databaseUrl: url.toString(),
        async drop() {
          const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
          await client.connect();
          // pg's pool.end() resolves before its connections have finished closing; forcing the drop over one
          // that is still closing kills it, and its client reports the kill as an uncaught error.
          for (let waited = 0; waited < 3000; waited += 50) {
            const open = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [database]);
            if (open.rows[0].n === 0) break;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
          await client.end();
        },
      };
    },
  },
];

export const REDIS_TEST_URL = process.env.ETTOR_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisReachable(): Promise<string | undefined> {
  const client = new Redis(REDIS_TEST_URL, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    return `Redis at ${REDIS_TEST_URL} is not reachable (${(error as Error).message})`;
  } finally {
    client.disconnect();
  }
}

/** Why Redis tests are skipped on this machine, if they are; on CI a missing Redis fails the run instead. */
export const redisProblem = await redisReachable();
if (redisProblem && servicesRequired) {
  throw new Error(`${redisProblem}; it is required because CI=true or ETTOR_REQUIRE_SERVICES=1.`);
}
if (redisProblem) console.warn(`Skipping Redis tests: ${redisProblem}.`);

/** A key prefix of a test's own in the shared Redis, and the way to remove every key under it afterwards. */
export function testRedisPrefix(): { prefix: string; clean(): Promise<void> } {
  const prefix = `ettor-test-${randomBytes(6).toString('hex')}:`;
  return {
    prefix,
    async clean() {
      const client = new Redis(REDIS_TEST_URL, { maxRetriesPerRequest: 1 });
      try {
        for (let cursor = '0'; ;) {
          const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
          if (keys.length > 0) await client.del(...keys);
          cursor = next;
          if (cursor === '0') break;
        }
      } finally {
        client.disconnect();
      }
    },
  };
}
