import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, expect, it } from 'vitest';
import { createCore, registerRoutes } from '../main.js';
import { createHttpApp } from './app.js';
import { trustFunction } from './client-address.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ettor-log-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

it('logs requests by method and route: no client address, join code, share-link token or body', async () => {
  const core = await createCore({ databaseUrl: undefined, dataDir, signupOpenByDefault: false });
  const log = new PassThrough();
  const lines: string[] = [];
  log.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
  const webDir = path.join(dataDir, 'no-web');
  const app = await createHttpApp({ auth: core.auth, webDir, trustProxy: trustFunction(['loopback']), logLevel: 'info', logStream: log });
  registerRoutes(app, core, { publicUrl: undefined, host: '127.0.0.1', webDir });
  await app.ready();

  const forwarded = { 'x-forwarded-for': '203.0.113.77' };
  await app.inject({ method: 'GET', url: '/api/join/31415926', headers: forwarded });
  await app.inject({ method: 'GET', url: `/api/shared/${'t'.repeat(43)}/report`, headers: forwarded });
  await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: forwarded,
    payload: { email: 'anna@kommun.se', password: 'Hemligt-lösenord-1' },
  });
  await app.close();
  await core.close();

  const text = lines.join('');
  expect(text).toContain('/api/join/:code');
  for (const secret of ['203.0.113.77', '127.0.0.1', '31415926', 'ttttttttt', 'anna@kommun.se', 'Hemligt']) {
    expect(text, `the log holds ${secret}`).not.toContain(secret);
  }
});
