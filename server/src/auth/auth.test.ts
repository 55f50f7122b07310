import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, PASSWORD, signedUpClient } from '../test/http-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

describe.each(dialects)('accounts on $name', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    if (!dialect.skipReason) server = await startTestServer(dialect);
  });
  afterAll(async () => server?.stop());

  it.skipIf(dialect.skipReason)('offers set-up until the first account exists, which becomes admin with the example deck', async () => {
    const anonymous = new HttpClient(server.url);
    expect((await anonymous.get('/api/setup')).body).toEqual({ needsSetup: true, signupOpen: true });
    expect((await anonymous.get('/api/auth/me')).status).toBe(401);

    const admin = await signedUpClient(server.url, 'Admin@Example.se ');
    const me = await admin.get('/api/auth/me');
    expect(me.body).toMatchObject({ email: 'admin@example.se', isAdmin: true });
    const decks = await admin.get('/api/presentations');
    expect(decks.body.map((d: { title: string }) => d.title)).toEqual(['Hur får vi nollorna att bli ettor?']);
    expect((await anonymous.get('/api/setup')).body).toEqual({ needsSetup: false, signupOpen: false });
  });

  it.skipIf(dialect.skipReason)('keeps sign-up closed until an admin opens it', async () => {
    const visitor = new HttpClient(server.url);
    const closed = await visitor.post('/api/auth/signup', { email: 'b@example.se', password: PASSWORD, name: 'B' });
    expect(closed.status).toBe(403);
    expect(closed.body.error.code).toBe('signup_closed');

    const admin = new HttpClient(server.url);
    await admin.post('/api/auth/login', { email: 'admin@example.se', password: PASSWORD });
    expect((await admin.patch('/api/admin/settings', { signupOpen: true })).body).toEqual({
      signupOpen: true,
      answerRetentionDays: null,
      publicUrl: null,
    });
    const opened = await visitor.post('/api/auth/signup', { email: 'b@example.se', password: PASSWORD, name: 'B' });
    expect(opened.status).toBe(201);
    expect(opened.body.isAdmin).toBe(false);
    expect((await visitor.patch('/api/admin/settings', { signupOpen: false })).status).toBe(403);

    const again = await new HttpClient(server.url).post('/api/auth/signup', { email: 'b@example.se', password: PASSWORD, name: 'B' });
    expect(again.body.error.code).toBe('email_taken');
  });

  it.skipIf(dialect.skipReason)('lets an admin set the address phones open, which the big screen then shows', async () => {
    const admin = new HttpClient(server.url);
    await admin.post('/api/auth/login', { email: 'admin@example.se', password: PASSWORD });
    for (const bad of ['ettor.kommun.se', 'ftp://ettor.kommun.se', 'https://ettor.kommun.se/?kod=1', `https://${'a'.repeat(300)}.se`, 42]) {
      const refused = await admin.patch('/api/admin/settings', { publicUrl: bad });
      expect(refused.status, String(bad)).toBe(400);
      expect(refused.body.error.code).toBe('validation_failed');
    }
    expect((await admin.get('/api/admin/settings')).body.publicUrl).toBeNull();
    expect((await admin.patch('/api/admin/settings', { publicUrl: 'https://ettor.kommun.se/' })).body.publicUrl).toBe(
      'https://ettor.kommun.se',
    );
    const deck = (await admin.post('/api/presentations', { title: 'Adressen' })).body as { id: string };
    const started = (await admin.post(`/api/presentations/${deck.id}/sessions`)).body as { id: string };
    expect((await admin.get(`/api/sessions/${started.id}`)).body).toMatchObject({
      joinUrl: 'https://ettor.kommun.se',
      joinReachable: true,
    });
    expect((await admin.patch('/api/admin/settings', { publicUrl: null })).body.publicUrl).toBeNull();
    expect((await admin.get(`/api/sessions/${started.id}`)).body.joinUrl).not.toBe('https://ettor.kommun.se');
  });

  it.skipIf(dialect.skipReason)('rotates the session id at login and forgets it at logout', async () => {
    const client = new HttpClient(server.url);
    await client.post('/api/auth/login', { email: 'b@example.se', password: PASSWORD });
    const first = client.cookieHeader;
    const response = await client.post('/api/auth/login', { email: 'b@example.se', password: PASSWORD });
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(response.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    expect(client.cookieHeader).not.toBe(first);

    const stale = new HttpClient(server.url);
    expect((await stale.request('GET', '/api/auth/me', undefined, { cookie: first })).status).toBe(401);

    await client.post('/api/auth/logout');
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it.skipIf(dialect.skipReason)('answers bad credentials and bad bodies with stable codes', async () => {
    const client = new HttpClient(server.url);
    expect((await client.post('/api/auth/login', { email: 'b@example.se', password: 'wrong password' })).body.error.code).toBe(
      'invalid_credentials',
    );
    expect((await client.post('/api/auth/login', { email: 'nobody@example.se', password: 'whatever12' })).body.error.code).toBe(
      'invalid_credentials',
    );
    expect((await client.request('POST', '/api/auth/login', '{"email":', { 'content-type': 'application/json' })).body.error.code).toBe(
      'invalid_json',
    );
    expect((await client.post('/api/auth/login', { email: 'b@example.se', password: PASSWORD, admin: true })).body.error.code).toBe(
      'validation_failed',
    );
    expect((await client.post('/api/auth/signup', { email: 'not-an-email', password: PASSWORD, name: 'X' })).body.error.code).toBe(
      'validation_failed',
    );
    const short = await client.post('/api/auth/signup', { email: 'c@example.se', password: 'short', name: 'X' });
    expect(short.status).toBe(400);
    expect(short.body.error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('password') });
  });

  it.skipIf(dialect.skipReason)('refuses an easily guessed password at sign-up, creating no account', async () => {
    // Sign-up is open after the previous test; each weak password is refused before anything is stored.
    const visitor = new HttpClient(server.url);
    for (const password of ['aaaaaaaaaa', 'qwertyuiop', 'Sommar2026!']) {
      const refused = await visitor.post('/api/auth/signup', { email: 'weak@example.se', password, name: 'Svag' });
      expect(refused.status, password).toBe(400);
      expect(refused.body.error.code, password).toBe('weak_password');
    }
    expect((await visitor.post('/api/auth/login', { email: 'weak@example.se', password: 'aaaaaaaaaa' })).status).toBe(401);
  });

  it.skipIf(dialect.skipReason)('answers health checks', async () => {
    const health = await new HttpClient(server.url).get('/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', problems: [] });
  });
});
