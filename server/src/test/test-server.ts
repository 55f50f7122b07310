import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config.js';
import { type Ettor, type EttorOptions, createEttor } from '../main.js';
import type { DialectCase, TestDatabase } from './services.js';

export interface TestServer {
  ettor: Ettor;
  url: string;
  wsUrl: string;
  config: Config;
  /** Stops the server and starts a new one on the same store and port, as after a crash or deploy. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A real server on a random port, with a temporary SQLite directory or its own PostgreSQL database. */
export async function startTestServer(
  dialect: DialectCase,
  overrides: Partial<Config> = {},
  options: EttorOptions = {},
): Promise<TestServer> {
  const database: TestDatabase = await dialect.create();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ettor-test-'));
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: database.databaseUrl,
    redisUrl: undefined,
    redisPrefix: 'ettor:',
    webDir: path.join(dataDir, 'no-web'),
    publicUrl: undefined,
    signupOpenByDefault: false,
    trustProxy: false,
    maxSocketsPerAddress: 2000,
    logLevel: 'silent',
    ...overrides,
  };
  let ettor = await createEttor(config, options);
  const url = await ettor.start();
  const port = new URL(url).port;
  const server: TestServer = {
    get ettor() {
      return ettor;
    },
    url,
    wsUrl: `ws://127.0.0.1:${port}/live`,
    config,
    async restart() {
      await ettor.stop();
      ettor = await createEttor({ ...config, port: Number(port) }, options);
      await ettor.start();
    },
    async stop() {
      await ettor.stop();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
