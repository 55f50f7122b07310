import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROUTES, healthSchema, type RouteName } from '@ettor/protocol';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Core, createCore, registerRoutes } from '../main.js';
import { createHttpApp } from './app.js';
import { trustFunction } from './client-address.js';

interface Operation {
  operationId: string;
  security?: unknown[];
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: unknown }>;
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

const isApiRoute = (url: string) => url === '/healthz' || url.startsWith('/api/') || url.startsWith('/media/');
const openApiPath = (url: string) => url.replace(/:(\w+)/gu, '{$1}');

describe('the OpenAPI document', () => {
  let dataDir: string;
  let core: Core;
  let app: FastifyInstance;
  let document: Document;
  const registered: Array<{ method: string; url: string }> = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ettor-openapi-'));
    core = await createCore({ databaseUrl: undefined, dataDir, signupOpenByDefault: false });
    app = await createHttpApp({
      auth: core.auth,
      webDir: path.join(dataDir, 'no-web'),
      trustProxy: trustFunction(false),
      logLevel: 'silent',
    });
    app.addHook('onRoute', (route) => {
      // Fastify adds HEAD to every GET by itself.
      for (const method of [route.method].flat()) if (method !== 'HEAD') registered.push({ method, url: route.url });
    });
    registerRoutes(app, core, { publicUrl: undefined, host: '127.0.0.1', webDir: path.join(dataDir, 'no-web') });
    await app.ready();
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    document = response.json<Document>();
  });

  afterAll(async () => {
    await app.close();
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes every API route Fastify registered, with its method', () => {
    const api = registered.filter((route) => isApiRoute(route.url));
    expect(api.length).toBeGreaterThan(0);
    for (const { method, url } of api) {
      expect(document.paths[openApiPath(url)]?.[method.toLowerCase()], `${method} ${url}`).toBeDefined();
    }
  });

  it('registers every route of the table', () => {
    for (const [name, route] of Object.entries(ROUTES)) {
      expect(registered, name).toContainEqual({ method: route.method, url: route.path });
    }
    expect(registered.filter((route) => !isApiRoute(route.url)).map((route) => route.url)).toEqual([
      '/',
      '/:code(^\\d{8}$)',
      '/app',
      '/app/*',
    ]);
  });

  it('names each operation after its route, with the cookie required where the route needs a presenter', () => {
    for (const name of Object.keys(ROUTES) as RouteName[]) {
      const route = ROUTES[name];
      const operation = document.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
      expect(operation?.operationId).toBe(name);
      expect(operation?.security, name).toEqual(route.auth === 'public' ? undefined : [{ session: [] }]);
      expect(Object.keys(operation?.responses ?? {}), name).toContain(String(route.status));
    }
  });

  it('gives every error status the error body', () => {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const errors = Object.entries(operation.responses).filter(
          ([status]) => Number(status) >= 400 && !(path === '/healthz' && status === '503'),
        );
        expect(
          errors.map(([status]) => status),
          `${method} ${path}`,
        ).toContain('500');
        for (const [status, response] of errors) {
          expect(response.content?.['application/json']?.schema, `${method} ${path} ${status}`).toEqual({
            $ref: '#/components/schemas/ErrorBody',
          });
        }
      }
    }
    expect(Object.keys(document.paths['/api/auth/login']?.post?.responses ?? {})).toEqual(expect.arrayContaining(['401', '429']));
    expect(Object.keys(document.paths['/api/admin/settings']?.patch?.responses ?? {})).toEqual(
      expect.arrayContaining(['400', '401', '403']),
    );
  });

  it('describes the image upload as a multipart form and images as bytes', () => {
    expect(Object.keys(document.paths['/api/assets']?.post?.requestBody?.content ?? {})).toEqual(['multipart/form-data']);
    expect(Object.keys(document.paths['/media/{id}']?.get?.responses['200']?.content ?? {})).toEqual([
      'image/png',
      'image/jpeg',
      'image/gif',
      'image/webp',
    ]);
  });

  it('describes a query string as query parameters, with what a bad one is refused for', () => {
    const report = document.paths['/api/sessions/{id}/report']?.get;
    expect(report?.parameters?.map(({ in: where, name, required }) => ({ where, name, required: required ?? false }))).toEqual([
      { where: 'path', name: 'id', required: true },
      { where: 'query', name: 'segmentBy', required: false },
    ]);
    expect(report?.responses['200']?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/SessionReport' });
    expect(report?.responses['400']).toBeDefined();
    expect(document.paths['/api/presentations/{id}/sessions']?.get?.operationId).toBe('listSessions');
    expect(document.paths['/api/presentations/{id}/sessions']?.post?.operationId).toBe('startSession');
  });

  it('serves the health check in the shape its schema declares', async () => {
    const healthy = await app.inject({ method: 'GET', url: '/healthz' });
    expect(healthy.statusCode).toBe(200);
    expect(healthSchema.parse(healthy.json())).toEqual({ status: 'ok', problems: [] });

    // A node whose database is away still serves (answers get a retryable error), so it is degraded, not down.
    const down = vi.spyOn(core.store.db.getExecutor(), 'executeQuery').mockRejectedValue(new Error('database unreachable'));
    const unhealthy = await app.inject({ method: 'GET', url: '/healthz' });
    down.mockRestore();
    expect(unhealthy.statusCode).toBe(200);
    expect(healthSchema.parse(unhealthy.json())).toEqual({
      status: 'degraded',
      problems: [{ part: 'database', message: 'SQLite does not answer: database unreachable' }],
    });
  });
});
