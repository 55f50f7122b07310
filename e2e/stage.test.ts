import { PROTOCOL_VERSION, type Presentation, type SessionInfo, type Slide, THEMES } from '@ettor/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BIG_SCREEN, browserSkipReason, expectAccessible, launchChromium, presenterContext, screenshot } from './support/browser.js';
import { audienceSocket } from './support/phone.js';
import { type RunningServer, signUpPresenter, startBuiltServer } from './support/server.js';

const SIZES = [
  { name: '1920', viewport: BIG_SCREEN.viewport },
  { name: '1280', viewport: { width: 1280, height: 720 } },
  { name: '3840', viewport: { width: 3840, height: 2160 } },
] as const;

/** What three people in the room might answer, so every results slide has something to draw. */
function answersFor(slide: Slide, person: number): unknown {
  switch (slide.kind) {
    case 'choice':
      return { kind: 'choice', optionIds: [slide.options[person % slide.options.length]!.id] };
    case 'wordcloud':
      return { kind: 'wordcloud', entries: [['förståelse', 'mod', 'nyfikenhet'][person]!, 'kunskap'] };
    case 'scale':
      return { kind: 'scale', ratings: slide.statements.map((s, i) => ({ statementId: s.id, value: ((person + i) % slide.steps) + 1 })) };
    case 'open':
      return { kind: 'open', text: ['Mer tid för lärande i vardagen', 'Chefer som går före', 'Utbildning för politiker'][person] };
    default:
      return null;
  }
}

/** The presenter's own socket, steering the session as the console does. */
async function steering(url: string, cookie: string, sessionId: string) {
  const socket = new WebSocket(`${url.replace(/^http/u, 'ws')}/live`, { headers: { cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const refusals: string[] = [];
  await new Promise<void>((resolve) => {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; code?: string };
      if (message.type === 'welcome') resolve();
      if (message.type === 'error') refusals.push(message.code ?? '');
    });
    socket.send(JSON.stringify({ type: 'host', v: PROTOCOL_VERSION, sessionId }));
  });
  return {
    refusals,
    send: (message: Record<string, unknown>) => socket.send(JSON.stringify(message)),
    close: () => socket.close(),
  };
}

/**
 * Every slide of the example deck in every theme at 1920×1080, and in one at 1280×720 and 4K, as the room sees it: drawn, looked at
 * (e2e/screenshots/stage-<theme>-<size>-<n>.png), with nothing spilling off the canvas and no axe violation.
 */
describe.skipIf(browserSkipReason)('the example deck on the big screen in every theme', () => {
  let server: RunningServer;
  let browser: Browser;
  let presenter: Awaited<ReturnType<typeof signUpPresenter>>;
  let deck: Presentation;
  let session: SessionInfo;
  let host: Awaited<ReturnType<typeof steering>>;

  beforeAll(async () => {
    server = await startBuiltServer();
    presenter = await signUpPresenter(server.url);
    const [summary] = (await presenter.api('GET', '/api/presentations')) as { id: string }[];
    deck = (await presenter.api('PATCH', `/api/presentations/${summary!.id}`, { anonymityThreshold: 3 })) as Presentation;
    session = (await presenter.api('POST', `/api/presentations/${deck.id}/sessions`)) as SessionInfo;
    host = await steering(server.url, presenter.cookie, session.id);
    host.send({ type: 'set-screen', joinScreen: false });
    const people = await Promise.all([0, 1, 2].map(() => audienceSocket(server.url, session.code)));
    for (const slide of deck.slides) {
      for (const [person, phone] of people.entries()) {
        const answer = answersFor(slide, person);
        if (answer !== null)
          expect(await phone.answer(slide.id, answer, `s${person}-${slide.id}`.slice(0, 64))).toMatchObject({ type: 'ack' });
      }
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    host?.close();
    await browser?.close();
    await server?.stop();
  });

  /** The elements of the slide that reach outside the canvas, by what they say. */
  const spilled = (page: Page) =>
    page.evaluate(() => {
      const stage = document.querySelector('[data-testid="slide-stage"]') ?? document.querySelector('.stage');
      if (!stage) return ['no stage'];
      const frame = stage.getBoundingClientRect();
      return Array.from(stage.querySelectorAll('*'))
        .filter((element) => {
          const box = element.getBoundingClientRect();
          if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') return false;
          // Text for screen readers only is clipped to a pixel wherever it sits.
          if (element.closest('.sr-only')) return false;
          return box.left < frame.left - 1 || box.top < frame.top - 1 || box.right > frame.right + 1 || box.bottom > frame.bottom + 1;
        })
        .map((element) => `${element.tagName.toLowerCase()}: ${(element.textContent ?? '').trim().slice(0, 40)}`);
    });

  for (const theme of THEMES) {
    // Every theme at 1920, where axe checks its contrast; the layout does not change with the theme, so the other sizes
    // once: the canvas scales by one unit, and 1280 and 4K show whether anything does not.
    for (const size of SIZES.filter((each) => each.name === '1920' || theme === 'light')) {
      it(`draws every slide in the ${theme} theme at ${size.name}`, async () => {
        await presenter.api('PATCH', `/api/presentations/${deck.id}`, { theme });
        const context = await presenterContext(browser, server.url, presenter.cookie, { ...BIG_SCREEN, viewport: size.viewport });
        try {
          const page = await context.newPage();
          await page.emulateMedia({ reducedMotion: 'reduce' });
          for (const [index, slide] of deck.slides.entries()) {
            host.send({ type: 'goto', slideId: slide.id });
            if (index === 0) await page.goto(`${server.url}/app/sessions/${session.id}/present`);
            await page
              .getByTestId('slide-position')
              .filter({ hasText: new RegExp(`(^|\\s)${index + 1} (av|of) `, 'u') })
              .waitFor({ state: 'attached' });
            // Motion is off: only the results need a moment to arrive.
            await screenshot(page, `stage-${theme}-${size.name}-${String(index + 1).padStart(2, '0')}`, 250);
            expect(await spilled(page), `slide ${index + 1} (${slide.kind})`).toEqual([]);
            expect(host.refusals).toEqual([]);
            if (size.name === '1920' && (index === 0 || slide.kind !== 'content')) await expectAccessible(page);
          }
        } finally {
          await context.close();
        }
      });
    }
  }
});
