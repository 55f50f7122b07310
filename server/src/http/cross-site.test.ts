import type { IncomingHttpHeaders } from 'node:http';
import { ROUTES, type RouteName, type SessionInfo } from '@ettor/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, signedUpClient } from '../test/http-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';
import { isCrossSite } from './same-origin.js';

describe('isCrossSite', () => {
  it.each<[IncomingHttpHeaders, boolean, string]>([
    [{ host: 'ettor.kommun.se' }, false, 'no Origin: curl, the CLI'],
    [{ host: 'ettor.kommun.se', origin: 'https://ettor.kommun.se' }, false, 'the page itself'],
    [{ host: 'ettor.kommun.se', 'sec-fetch-site': 'same-origin' }, false, 'the browser says same origin'],
    [{ host: 'ettor.kommun.se', 'sec-fetch-site': 'none' }, false, 'typed in the address bar'],
    [{ host: 'ettor.kommun.se', origin: 'https://evil.example' }, true, 'another site'],
    [{ host: '10.0.0.5:3000', origin: 'http://10.0.0.5:8080' }, true, 'another port of the same host'],
    [{ host: 'ettor.kommun.se', 'sec-fetch-site': 'same-site' }, true, 'a sibling subdomain or port'],
    [{ host: 'ettor.kommun.se', 'sec-fetch-site': 'cross-site' }, true, 'the browser says cross-site'],
    [{ host: 'ettor.kommun.se', origin: 'null' }, true, 'a sandboxed or file page'],
  ])('%o is cross-site: %s (%s)', (headers, expected) => {
    expect(isCrossSite(headers)).toBe(expected);
  });
});

const EVIL = { origin: 'https://evil.example' };

describe.each(dialects)('cross-site requests on $name', (dialect) => {
  let server: TestServer;
  let admin: HttpClient;
  let session: SessionInfo;
  let presentationId: string;

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect);
    admin = await signedUpClient(server.url);
    const [summary] = (await admin.get('/api/presentations')).body as { id: string }[];
    presentationId = summary?.id ?? '';
    session = (await admin.post(`/api/presentations/${presentationId}/sessions`)).body as SessionInfo;
  });
  afterAll(async () => server?.stop());

  const stateChanging = (Object.keys(ROUTES) as RouteName[]).filter((name) => ROUTES[name].method !== 'GET');

  it.skipIf(dialect.skipReason)('refuses every state-changing route from a page of another origin, cookie or not', async () => {
    const ids = { id: session.id, slideId: 'x', linkId: 'x' };
    for (const name of stateChanging) {
      // Parameters point at real things where it matters; a refusal comes before any of them are looked at.
      const path = ROUTES[name].path.replace(/:(\w+)/gu, (_match, key: 'id' | 'slideId' | 'linkId') =>
        name.includes('resentation') || name === 'addSlide' || name.includes('Slide') || name === 'startSession'
          ? presentationId
          : ids[key],
      );
      const response = await admin.request(ROUTES[name].method, path, {}, EVIL);
      expect(response.status, name).toBe(403);
      expect(response.body, name).toEqual({ error: { code: 'forbidden', message: 'Requests from pages of other sites are refused.' } });
    }
  });

  it.skipIf(dialect.skipReason)('a refused request changes nothing: the session stays live, the settings as they were', async () => {
    const settings = (await admin.get('/api/admin/settings')).body as unknown;
    const sameSite = { 'sec-fetch-site': 'same-site', origin: `http://127.0.0.1:1` };
    expect((await admin.request('POST', `/api/sessions/${session.id}/end`, {}, sameSite)).status).toBe(403);
    expect((await admin.request('PATCH', '/api/admin/settings', { signupOpen: true }, EVIL)).status).toBe(403);
    expect((await admin.get(`/api/sessions/${session.id}`)).body.session.status).toBe('live');
    expect((await admin.get('/api/admin/settings')).body).toEqual(settings);
  });

  it.skipIf(dialect.skipReason)('takes the same request from Ettor’s own page, and reading stays open to all', async () => {
    const own = { origin: server.url, 'sec-fetch-site': 'same-origin' };
    expect((await admin.request('GET', `/api/sessions/${session.id}`, undefined, EVIL)).status).toBe(200);
    const ended = await admin.request('POST', `/api/sessions/${session.id}/end`, {}, own);
    expect(ended.status).toBe(200);
    expect(ended.body.status).toBe('ended');
  });
});
