import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Kysely<Database> | Transaction<Database>;

export interface StoreOptions {
  databaseUrl: string | undefined;
  dataDir: string;
}

export interface Store {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

/**
 * How long a query waits for a connection, new or from a full pool: while PostgreSQL is down a request fails after
 * this with `unavailable` instead of hanging, and the first one after it is back connects anew.
 */
const CONNECT_TIMEOUT_MS = 5000;

/** Opens PostgreSQL when a URL is given, else embedded SQLite in the data directory. */
export function openStore(options: StoreOptions): Store {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // A connection PostgreSQL drops (a restart, a cut) fails whoever queries on it and the pool replaces it, so its
    // 'error' event needs no handling; unheard, an idle client's comes from the pool and a busy one's from the client,
    // and either would end the process.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const sqlite = new SQLite(path.join(options.dataDir, 'ettor.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  // An ack promises the answer survives a power cut, so every commit is synced, WAL or not.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // SQLite's default 2 MB page cache is outgrown by a large room's answer indexes; every insert then reads pages back.
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** Statements kept prepared; enough for every query the server runs, bounded because batch sizes vary the SQL. */
const STATEMENT_CACHE_SIZE = 500;

/** Kysely prepares every statement again on each run; preparing costs more than running most of ours. */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) {
        // Least recently used goes first: a Map iterates in insertion order.
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

/** True when a write failed because a unique or primary-key constraint already holds the row. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
