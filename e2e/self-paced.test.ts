import { PROTOCOL_VERSION, type DeckFileInput, type Presentation, type ServerMessage, type SessionInfo } from '@ettor/protocol';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LAPTOP, PHONE, browserSkipReason, expectAccessible, launchChromium, presenterContext, screenshot } from './support/browser.js';
import { answerState } from './support/phone.js';
import { type RunningServer, signUpPresenter, startBuiltServer } from './support/server.js';

const DAY_MS = 86_400_000;

/** Resolves once `condition` holds, checked every 50 ms, or fails after 10 s naming what did not happen. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited >= 10_000) throw new Error(`${what} within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The presenter's commands over their own socket, as the console sends them, with the state each one leads to. */
async function presenterSocket(url: string, cookie: string, sessionId: string) {
  const socket = new WebSocket(`${url.replace(/^http/u, 'ws')}/live`, { headers: { cookie } });
  const received: ServerMessage[] = [];
  socket.on('message', (data) => received.push(JSON.parse(String(data)) as ServerMessage));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'host', v: PROTOCOL_VERSION, sessionId }));
  await until(() => received.some((m) => m.type === 'welcome'), 'no welcome');
  return {
    /** Sends a command and waits until the state it changes says so. */
    async command(message: Record<string, unknown>, done: (state: Extract<ServerMessage, { type: 'state' }>['state']) => boolean) {
      const before = received.length;
      socket.send(JSON.stringify(message));
      await until(
        () => received.slice(before).some((m) => m.type === 'error' || (m.type === 'state' && done(m.state))),
        `no state after ${String(message.type)}`,
      );
      expect(received.slice(before).filter((m) => m.type === 'error')).toEqual([]);
    },
    close: () => socket.close(),
  };
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/gu, ' ').trim();
const tableRows = (scope: Locator) =>
  scope
    .locator('table tbody tr')
    .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent?.replace(/\s+/gu, ' ').trim() ?? '')));

/**
 * A course taken at each participant's own pace: three phones at different slides answer different questions, the
 * presenter's results page counts them, a reload comes back to the same slide; then, presented live again, someone
 * away from the room follows the big screen's results on their own phone.
 */
describe.skipIf(browserSkipReason)('a session at the participants’ own pace, and following it from afar', () => {
  let server: RunningServer;
  let browser: Browser;
  let cookie: string;
  let api: Awaited<ReturnType<typeof signUpPresenter>>['api'];
  let deck: Presentation;
  let session: SessionInfo;
  let presenter: Awaited<ReturnType<typeof presenterSocket>>;
  let phones: [Page, Page, Page];
  const contexts: BrowserContext[] = [];
  // An imported deck's slides get new ids; they keep their order.
  const idOf = (name: 'roll' | 'ord') => deck.slides[name === 'roll' ? 1 : 2]!.id;

  async function joinPhone(): Promise<Page> {
    const context = await browser.newContext(PHONE);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/${session.code}`);
    await page.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ state: 'attached' });
    return page;
  }

  const progress = (phone: Page) => phone.getByTestId('slide-progress');

  async function goTo(phone: Page, slide: number): Promise<void> {
    for (let guard = 0; guard < 10; guard += 1) {
      const at = Number((await progress(phone).textContent())?.match(/\d+/)?.[0]);
      if (at === slide) return;
      await phone.getByTestId(at < slide ? 'paced-next' : 'paced-previous').click();
      await progress(phone)
        .filter({ hasText: `Bild ${at < slide ? at + 1 : at - 1} av` })
        .waitFor();
    }
    throw new Error(`the phone did not reach slide ${slide}`);
  }

  async function choose(phone: Page, optionId: string): Promise<void> {
    await phone.locator(`[data-testid="answer-option"][data-option-id="${optionId}"]`).click();
    await phone.getByTestId('submit-answer').click();
    await answerState(phone, 'saved');
  }

  async function word(phone: Page, text: string): Promise<void> {
    await phone.getByTestId('word-input').first().fill(text);
    await phone.getByTestId('submit-answer').click();
    await answerState(phone, 'saved');
  }

  beforeAll(async () => {
    server = await startBuiltServer();
    ({ cookie, api } = await signUpPresenter(server.url));
    browser = await launchChromium();
    const file: DeckFileInput = {
      format: 'ettor-deck',
      version: 1,
      title: 'Introduktion för nyanställda',
      // Three phones are a room as small as k allows.
      anonymityThreshold: 3,
      slides: [
        { id: 'intro', kind: 'content', heading: 'Välkommen till kursen', body: 'Gå igenom bilderna när det passar dig.' },
        {
          id: 'roll',
          kind: 'choice',
          question: 'Vilken roll har du?',
          options: [
            { id: 'tj', label: 'Tjänsteperson' },
            { id: 'ch', label: 'Chef' },
            { id: 'po', label: 'Politiker' },
          ],
          showResultsOnPhones: true,
        },
        { id: 'ord', kind: 'wordcloud', question: 'Ett ord om din första vecka?', maxEntries: 1, reveal: 'on-reveal' },
        { id: 'fritt', kind: 'open', question: 'Vad vill du veta mer om?' },
      ],
    };
    deck = (await api('POST', '/api/presentations/import', file)) as Presentation;
    session = (await api('POST', `/api/presentations/${deck.id}/sessions`)) as SessionInfo;
    presenter = await presenterSocket(server.url, cookie, session.id);
  });

  afterAll(async () => {
    presenter?.close();
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('lets three phones at different slides answer different questions, counted on the presenter’s results page', async () => {
    const openUntil = new Date(Date.now() + 14 * DAY_MS).toISOString();
    await presenter.command({ type: 'set-pace', pace: 'audience', openUntil }, (state) => state.pace === 'audience');
    phones = [await joinPhone(), await joinPhone(), await joinPhone()];
    const [anna, bo, cecilia] = phones;
    for (const phone of phones) {
      expect(squash(await progress(phone).textContent())).toBe('Bild 1 av 4');
      expect(await phone.getByTestId('open-until').textContent()).toMatch(/^Du kan svara fram till /u);
    }
    expect(await anna.getByRole('heading', { name: 'Välkommen till kursen' }).count()).toBe(1);

    // Each on a slide of their own.
    await goTo(anna, 2);
    await goTo(bo, 3);
    await goTo(cecilia, 4);
    await choose(anna, 'tj');
    await word(bo, 'Nyfiken');
    await cecilia.getByTestId('open-input').fill('Hur semestern fungerar');
    await cecilia.getByTestId('submit-answer').click();
    await answerState(cecilia, 'saved');
    await screenshot(cecilia, 'self-paced-phone');
    await expectAccessible(cecilia);

    // Then on to the others, in their own order.
    await goTo(bo, 2);
    await choose(bo, 'ch');
    await goTo(cecilia, 2);
    await choose(cecilia, 'ch');
    await goTo(anna, 3);
    await word(anna, 'Nyfiken');
    await goTo(cecilia, 3);
    await word(cecilia, 'Trött');

    // A phone that answered the choice question sees its results once three have.
    await goTo(bo, 2);
    await bo.locator('.phone-bars').waitFor();
    expect(squash(await bo.locator('.phone-bars').textContent())).toContain('Chef');

    // A reload comes back to the same slide.
    await anna.reload();
    await progress(anna).filter({ hasText: 'Bild 3 av 4' }).waitFor();
    await answerState(anna, 'saved');

    const laptop = await (await presenterContext(browser, server.url, cookie, LAPTOP)).newPage();
    contexts.push(laptop.context());
    await laptop.goto(`${server.url}/app/sessions/${session.id}/results`);
    const roll = laptop.locator(`[data-testid="report-question"][data-slide-id="${idOf('roll')}"]`);
    await roll.waitFor();
    expect(await tableRows(roll)).toEqual([
      ['Tjänsteperson', '1', '33 %'],
      ['Chef', '2', '67 %'],
      ['Politiker', '0', '0 %'],
    ]);
    expect(squash(await laptop.getByTestId('report-facts').textContent())).toMatch(/3 deltagare/u);
  });

  it('presented live again with every answer kept, shows someone away from the room the big screen’s results once revealed', async () => {
    await presenter.command({ type: 'set-pace', pace: 'presenter' }, (state) => state.pace === 'presenter');
    const [anna] = phones;
    await anna.getByTestId('paced-nav').waitFor({ state: 'detached' });
    const away = await joinPhone();

    await presenter.command({ type: 'goto', slideId: idOf('ord') }, (state) => state.slide?.id === idOf('ord') && !state.resultsShown);
    await away.getByRole('heading', { name: 'Ett ord om din första vecka?' }).waitFor();
    await away.getByTestId('follow-toggle').check();
    await anna.getByRole('heading', { name: 'Ett ord om din första vecka?' }).waitFor();
    // Held on the big screen, so held here too.
    await away.waitForTimeout(1_500);
    expect(await away.getByTestId('follow-results').count()).toBe(0);

    await presenter.command({ type: 'reveal-results', slideId: idOf('ord'), shown: true }, (state) => state.resultsShown);
    const results = away.getByTestId('follow-results');
    await results.locator('li').first().waitFor();
    expect(await results.locator('li').evaluateAll((rows) => rows.map((row) => row.textContent?.replace(/\s+/gu, ' ').trim()))).toEqual([
      'Nyfiken 2 svar',
      'Trött 1 svar',
    ]);
    await screenshot(away, 'self-paced-follow');
    await expectAccessible(away);
    // A phone in the room sees the big screen itself.
    expect(await anna.getByTestId('follow-results').count()).toBe(0);

    // Remembered after a reload.
    await away.reload();
    expect(await away.getByTestId('follow-toggle').isChecked()).toBe(true);
    await away.getByTestId('follow-results').locator('li').first().waitFor();
  });
});
