import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openStore } from './database.js';
import { databaseProblem } from './health.js';
import type { Database } from './schema.js';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  // In order: a server's sockets go first, so a pool still connecting to it fails at once rather than at its timeout.
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A listening server that does what `onConnection` does with each connection; closed after the test. */
async function listening(onConnection: (socket: net.Socket) => void): Promise<number> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return (server.address() as net.AddressInfo).port;
}

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function postgresAt(port: number): Db {
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ host: '127.0.0.1', port, user: 'nobody', connectionTimeoutMillis: 5000 }) }),
  });
  cleanups.push(() => db.destroy());
  return db;
}

describe('databaseProblem', () => {
  it('finds nothing wrong with a database that answers', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ettor-health-'));
    const store = openStore({ databaseUrl: undefined, dataDir });
    cleanups.push(async () => {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    await expect(databaseProblem(store)).resolves.toBeUndefined();
  });

  it('names the database and why it does not answer when the connection is refused', async () => {
    const port = await closedPort();
    const problem = await databaseProblem({ db: postgresAt(port), dialect: 'postgres' });
    expect(problem).toBe(`PostgreSQL does not answer: connect ECONNREFUSED 127.0.0.1:${port}`);
  });

  it('gives up after the timeout on a database that takes the connection and never answers', async () => {
    const port = await listening(() => undefined);
    const started = performance.now();
    const problem = await databaseProblem({ db: postgresAt(port), dialect: 'postgres' }, 200);
    expect(problem).toBe('PostgreSQL did not answer within 200 ms');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
