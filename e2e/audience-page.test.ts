import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, browserSkipReason, launchChromium } from './support/browser.js';
import { type RunningServer, startBuiltServer } from './support/server.js';

/** What a phone on poor Wi-Fi downloads: only the audience page's own code, compressed, nothing from elsewhere. */
describe.skipIf(browserSkipReason)('the audience page on the wire', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startBuiltServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads at most 60 KB of compressed JavaScript, no presenter code, and no third-party request', async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    const scripts: { url: string; bytes: number; encoding: string | undefined }[] = [];
    const hosts = new Set<string>();
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    page.on('requestfinished', async (request) => {
      if (request.resourceType() !== 'script') return;
      const response = await request.response();
      const sizes = await request.sizes();
      scripts.push({ url: request.url(), bytes: sizes.responseBodySize, encoding: response?.headers()['content-encoding'] });
    });
    await page.goto(server.url, { waitUntil: 'networkidle' });
    await page.getByTestId('join-code').waitFor();

    const total = scripts.reduce((sum, script) => sum + script.bytes, 0);
    expect(scripts.length).toBeGreaterThan(0);
    expect(total, JSON.stringify(scripts)).toBeLessThanOrEqual(60 * 1024);
    for (const script of scripts) {
      if (script.bytes > 1024) expect(script.encoding, script.url).toMatch(/gzip|br|deflate/);
    }
    expect(scripts.map((s) => s.url).join(' ')).not.toMatch(/\/app-|qrcode|cloud|Editor|Present/i);
    // The presenter's texts stay on the presenter's page, and nothing on the phone asks for one of them.
    const presenterKeys = [
      ...fs.readFileSync(new URL('../web/src/i18n/presenter-sv.ts', import.meta.url), 'utf8').matchAll(/^ {2}'([\w.]+)':/gmu),
    ];
    expect(presenterKeys.length).toBeGreaterThan(100);
    const code = (await Promise.all(scripts.map(async (script) => (await fetch(script.url)).text()))).join('\n');
    expect(presenterKeys.map(([, key]) => key).filter((key) => code.includes(`"${key}"`) || code.includes(`'${key}'`))).toEqual([]);
    expect([...hosts]).toEqual([new URL(server.url).host]);
  });
});
