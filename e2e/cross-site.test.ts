import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Presentation, SessionInfo } from '@ettor/protocol';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP, browserSkipReason, launchChromium, presenterContext } from './support/browser.js';
import { type RunningServer, signUpPresenter, startBuiltServer } from './support/server.js';

/**
 * A page on another port of the same host is another origin but the same site, so the presenter's SameSite=Lax
 * cookie travels with its form posts: only Ettor's own check of the request's origin stops them.
 */
describe.skipIf(browserSkipReason)('a page of another origin on the same host', () => {
  let server: RunningServer;
  let attacker: http.Server;
  let attackerUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let api: Awaited<ReturnType<typeof signUpPresenter>>['api'];
  let session: SessionInfo;
  let deck: Presentation;

  beforeAll(async () => {
    server = await startBuiltServer();
    const presenter = await signUpPresenter(server.url);
    api = presenter.api;
    const [summary] = (await api('GET', '/api/presentations')) as { id: string }[];
    deck = (await api('GET', `/api/presentations/${summary!.id}`)) as Presentation;
    session = (await api('POST', `/api/presentations/${deck.id}/sessions`)) as SessionInfo;

    // The attacker's page: a form that posts to Ettor as soon as it loads; at /copy it copies the presenter's deck.
    attacker = http.createServer((request, response) => {
      const target = request.url === '/copy' ? `/api/presentations/${deck.id}/duplicate` : `/api/sessions/${session.id}/end`;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><title>Gratis kaffe</title><form method="post" action="${server.url}${target}" enctype="text/plain">` +
          `<input name='{"title":"Hackad","x":"' value='"}'></form><script>document.forms[0].submit()</script>`,
      );
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;

    browser = await launchChromium();
    context = await presenterContext(browser, server.url, presenter.cookie, LAPTOP);
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
    await server?.stop();
  });

  it('cannot end the presenter’s live session with a form post, though the browser sends the cookie', async () => {
    const page = await context.newPage();
    const posted = page.waitForResponse((response) => response.url().includes('/end'));
    await page.goto(attackerUrl);
    const response = await posted;
    expect(response.status()).toBe(403);
    expect(response.request().headers().cookie ?? (await response.request().allHeaders()).cookie).toContain('ettor_session=');
    const detail = (await api('GET', `/api/sessions/${session.id}`)) as { session: SessionInfo };
    expect(detail.session.status).toBe('live');
  });

  it('cannot make anything in the presenter’s name either', async () => {
    const before = ((await api('GET', '/api/presentations')) as unknown[]).length;
    const page = await context.newPage();
    const posted = page.waitForResponse((response) => response.url().includes('/duplicate'));
    await page.goto(`${attackerUrl}/copy`);
    expect((await posted).status()).toBe(403);
    expect(((await api('GET', '/api/presentations')) as unknown[]).length).toBe(before);
  });

  it('loads the presenter’s pages without a single CSP violation, fonts from Ettor only', async () => {
    const page = await context.newPage();
    // Reported by the browser as they happen, zod's eval probe included.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const dashboard = await page.goto(`${server.url}/app`);
    const policy = (await dashboard?.allHeaders())?.['content-security-policy'] ?? '';
    expect(policy).toContain("font-src 'self'");
    expect(policy).not.toMatch(/font-src[^;]*(https:|data:)/u);
    await page.getByTestId('presentation-list').waitFor();
    await page.goto(`${server.url}/app/sessions/${session.id}/present`);
    await page.getByTestId('join-screen').waitFor();
    await page.goto(`${server.url}/app/presentations/${deck.id}`);
    await page.getByTestId('slide-list').waitFor();
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  });
});
