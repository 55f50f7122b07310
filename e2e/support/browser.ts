import fs from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { expect } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const required = process.env.CI === 'true' || process.env.ETTOR_REQUIRE_SERVICES === '1';

/** Why browser tests are skipped here, if they are; on CI a missing browser fails instead. */
export const browserSkipReason: string | undefined = fs.existsSync(CHROMIUM)
  ? undefined
  : `${CHROMIUM} is missing (apt-get install chromium)`;
if (browserSkipReason && required) throw new Error(`${browserSkipReason}; browser tests are required on CI.`);
if (browserSkipReason) console.warn(`Skipping browser tests: ${browserSkipReason}.`);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'sv-SE' };
export const BIG_SCREEN = { viewport: { width: 1920, height: 1080 }, locale: 'sv-SE' };
export const LAPTOP = { viewport: { width: 1440, height: 900 }, locale: 'sv-SE' };

/** A browser context signed in as the presenter. */
export async function presenterContext(browser: Browser, url: string, cookie: string, options = BIG_SCREEN): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url }]);
  return context;
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** WCAG 2.1 A and AA violations axe-core finds on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the debugging protocol, which Ettor's CSP (rightly) does not let an inline script tag do.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // A fade caught half way reads as low contrast: let every finite transition and animation end first.
    await Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    );
    const result = await (
      window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** Fails the test with every WCAG 2.1 A/AA violation on the page as it is now, named and located. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  const described = violations
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n');
  expect(violations, described).toEqual([]);
}

export const SCREENSHOTS = new URL('../screenshots/', import.meta.url);
export async function screenshot(page: Page, name: string, settleMs = 500): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // Let bars and words finish their (at most 300 ms) transitions, as a person would see them; a page without motion
  // needs only the moment its results take to arrive.
  await page.waitForTimeout(settleMs);
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: false });
}
