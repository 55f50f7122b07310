import type { ChoiceResults, Presentation, SessionInfo } from '@ettor/protocol';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIG_SCREEN, PHONE, browserSkipReason, launchChromium, presenterContext, screenshot } from './support/browser.js';
import { type Network, answerState, buildDeck, countIn, hostView, recordFrames, showSlide, startNetwork } from './support/phone.js';
import { type RestartableServer, restartableServer, signUpPresenter } from './support/server.js';

const QUEUED = 'Skickas när anslutningen är tillbaka…';
const SENDING = 'Skickar…';

/** Phones and the big screen on bad networks, through a reload, a server restart and a laptop's sleep. */
describe.skipIf(browserSkipReason)('resilience of a live session', () => {
  let server: RestartableServer;
  let browser: Browser;
  let cookie: string;
  let api: Awaited<ReturnType<typeof signUpPresenter>>['api'];
  let deck: Presentation;
  let contexts: BrowserContext[] = [];
  let networks: Network[] = [];

  // A vote that cannot be changed, so a resend that the server took for a second vote would be refused and show.
  const vote = () => deck.slides[0]!.id;
  // A question whose answer may change, for answers given after the trouble.
  const mood = () => deck.slides[1]!.id;

  beforeAll(async () => {
    server = await restartableServer();
    ({ cookie, api } = await signUpPresenter(server.url));
    deck = await buildDeck(api, 'Återanslutning', [
      {
        kind: 'choice',
        question: 'Vilken roll har du?',
        allowChange: false,
        options: [
          { id: 'tjansteperson', label: 'Tjänsteperson' },
          { id: 'kommunchef', label: 'Kommunchef' },
          { id: 'politiker', label: 'Politiker' },
        ],
      },
      {
        kind: 'choice',
        question: 'Hur känns det just nu?',
        allowChange: true,
        options: [
          { id: 'bra', label: 'Bra' },
          { id: 'sadar', label: 'Sådär' },
        ],
      },
      { kind: 'content', heading: 'Tack!' },
    ]);
    browser = await launchChromium();
  });

  afterEach(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    for (const network of networks) await network.close();
    contexts = [];
    networks = [];
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  async function startSession(): Promise<SessionInfo> {
    return (await api('POST', `/api/presentations/${deck.id}/sessions`)) as SessionInfo;
  }

  async function openScreen(session: SessionInfo, url = server.url) {
    const context = await presenterContext(browser, url, cookie, BIG_SCREEN);
    contexts.push(context);
    const page = await context.newPage();
    const frames = recordFrames(page);
    await page.goto(`${url}/app/sessions/${session.id}/present`);
    await page.getByTestId('join-screen').waitFor();
    return { context, page, frames };
  }

  async function openPhone(session: SessionInfo, url = server.url) {
    const context = await browser.newContext(PHONE);
    contexts.push(context);
    const page = await context.newPage();
    const frames = recordFrames(page);
    await page.goto(`${url}/${session.code}`);
    await page.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ state: 'attached' });
    return { context, page, frames };
  }

  async function network(): Promise<Network> {
    const made = await startNetwork(server.url);
    networks.push(made);
    return made;
  }

  async function choose(phone: Page, optionId: string): Promise<void> {
    await phone.locator(`[data-testid="answer-option"][data-option-id="${optionId}"]`).click();
    await phone.getByTestId('submit-answer').click();
  }

  /** The counts the server gives the presenter for the slide now shown. */
  async function truth(session: SessionInfo) {
    const view = await hostView(server.url, cookie, session.id);
    const results = view.results as ChoiceResults | undefined;
    return {
      slideId: view.state.slide?.id,
      participants: view.participants,
      respondents: results?.respondents,
      counts: Object.fromEntries((results?.counts ?? []).map((c) => [c.optionId, c.count])),
    };
  }

  /**
   * What the big screen shows of the results. Two phones are fewer than any anonymity threshold (k is 3 at least), so
   * the screen must show that too few have answered, never the bars; the counts themselves are checked on the server.
   */
  async function screenResults(page: Page): Promise<'withheld' | 'shown'> {
    return (await page.getByTestId('present-results').getByTestId('withheld').count()) > 0 ? 'withheld' : 'shown';
  }

  const answersSent = (frames: { sent: string[] }) =>
    frames.sent.map((f) => JSON.parse(f) as { type: string; clientId?: string }).filter((m) => m.type === 'answer');

  it('counts a vote exactly once when the phone was offline for 30 s right after tapping it', async () => {
    const session = await startSession();
    const screen = await openScreen(session);
    await showSlide(screen.page, deck, vote());

    // Phone A taps "vote" and the network dies on the way back: the vote reaches the server, the ack does not.
    // Phone B's radio goes off first, and it votes while offline.
    const lineA = await network();
    const lineB = await network();
    const a = await openPhone(session, lineA.url);
    const b = await openPhone(session, lineB.url);
    await screen.page.getByTestId('participant-count').filter({ hasText: /^2 / }).waitFor();

    lineA.loseReplies();
    await choose(a.page, 'politiker');
    await expect.poll(async () => (await truth(session)).respondents, { timeout: 10_000 }).toBe(1);
    await a.context.setOffline(true);
    lineA.offline('silent');

    await b.context.setOffline(true);
    lineB.offline('reset');
    await b.page.locator('[data-testid="connection-state"][data-state="reconnecting"]').waitFor({ state: 'attached' });
    // The phone says so once, in its own words.
    await b.page.getByTestId('offline-notice').filter({ hasText: 'offline' }).waitFor();
    await choose(b.page, 'kommunchef');

    // Neither phone may claim the vote is saved while offline, and the state is in a live region a screen reader reads.
    await answerState(b.page, 'queued');
    const stateB = b.page.getByRole('status').and(b.page.getByTestId('answer-state'));
    expect(await stateB.textContent()).toBe(QUEUED);
    const stateA = a.page.getByRole('status').and(a.page.getByTestId('answer-state'));
    expect([SENDING, QUEUED]).toContain(await stateA.textContent());
    await screenshot(b.page, 'phone-offline-queued');

    const seen = { a: new Set<string>(), b: new Set<string>() };
    for (let waited = 0; waited < 30_000; waited += 2_000) {
      seen.a.add((await a.page.getByTestId('answer-state').getAttribute('data-state'))!);
      seen.b.add((await b.page.getByTestId('answer-state').getAttribute('data-state'))!);
      await a.page.waitForTimeout(2_000);
    }
    expect([...seen.a].filter((s) => s !== 'sending' && s !== 'queued')).toEqual([]);
    expect([...seen.b]).toEqual(['queued']);
    expect(await b.page.getByTestId('answer-state').textContent()).toBe(QUEUED);
    // The server still has only the vote that got through.
    expect(await truth(session)).toMatchObject({ respondents: 1, counts: { politiker: 1, kommunchef: 0 } });

    lineA.online();
    lineB.online();
    await a.context.setOffline(false);
    await b.context.setOffline(false);
    const back = Date.now();
    await answerState(b.page, 'saved', 20_000);
    const savedB = Date.now() - back;
    await answerState(a.page, 'saved', 20_000);
    console.info(`saved ${savedB} ms (radio off) and ${Date.now() - back} ms (ack lost) after the network came back`);
    expect(await b.page.getByRole('status').and(b.page.getByTestId('answer-state')).textContent()).toMatch(/Ditt svar är sparat/);
    await screenshot(a.page, 'phone-back-online-saved');

    // A resent its unacked vote with the same clientId; B sent its queued vote once it could.
    const idsA = answersSent(a.frames).map((m) => m.clientId);
    expect(idsA.length).toBeGreaterThanOrEqual(2);
    expect(new Set(idsA).size).toBe(1);
    expect(new Set(answersSent(b.frames).map((m) => m.clientId)).size).toBe(1);

    // Exactly once each, on the server and in the big screen's count.
    expect(await truth(session)).toMatchObject({ respondents: 2, counts: { tjansteperson: 0, politiker: 1, kommunchef: 1 } });
    await expect.poll(() => countIn(screen.page, 'answered-count'), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => countIn(screen.page, 'participant-count'), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => screenResults(screen.page)).toBe('withheld');

    // A second look: after a reload both phones still show their vote as saved, and nothing was counted again.
    for (const [phone, optionId] of [
      [a.page, 'politiker'],
      [b.page, 'kommunchef'],
    ] as const) {
      await phone.reload();
      await answerState(phone, 'saved');
      expect(await phone.locator(`[data-testid="answer-option"][data-option-id="${optionId}"] input`).isChecked()).toBe(true);
    }
    expect(await truth(session)).toMatchObject({ respondents: 2, participants: 2, counts: { politiker: 1, kommunchef: 1 } });
    await expect.poll(() => countIn(screen.page, 'answered-count')).toBe(2);
  });

  it('keeps a reloaded phone the same participant', async () => {
    const session = await startSession();
    const screen = await openScreen(session);
    await showSlide(screen.page, deck, mood());
    const phone = await openPhone(session);
    const other = await openPhone(session);
    await choose(phone.page, 'bra');
    await answerState(phone.page, 'saved');
    await choose(other.page, 'bra');
    await answerState(other.page, 'saved');
    await expect.poll(() => countIn(screen.page, 'answered-count')).toBe(2);
    await expect.poll(() => countIn(screen.page, 'participant-count')).toBe(2);

    await phone.page.reload();
    await answerState(phone.page, 'saved');
    expect(await phone.page.locator('[data-testid="answer-option"][data-option-id="bra"] input').isChecked()).toBe(true);
    await phone.page.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ state: 'attached' });
    expect(await truth(session)).toMatchObject({ participants: 2, respondents: 2 });

    // Changing the answer after the reload moves the vote instead of adding one: the server knows it is the same person.
    await phone.page.getByTestId('submit-answer').click();
    await choose(phone.page, 'sadar');
    await answerState(phone.page, 'saved');
    expect(await truth(session)).toMatchObject({ participants: 2, respondents: 2, counts: { bra: 1, sadar: 1 } });
    await expect.poll(() => screenResults(screen.page)).toBe('withheld');
    // The reload closed the phone's old socket; presence is throttled, so the count may show 1 for a moment before it settles.
    await expect.poll(() => countIn(screen.page, 'participant-count')).toBe(2);
    await expect.poll(() => countIn(screen.page, 'answered-count')).toBe(2);
  });

  it('recovers phones and the big screen by themselves when the server restarts mid-session', async () => {
    const session = await startSession();
    const screen = await openScreen(session);
    await showSlide(screen.page, deck, vote());
    const phones = [await openPhone(session), await openPhone(session)];
    for (const [i, phone] of phones.entries()) {
      await choose(phone.page, i === 0 ? 'politiker' : 'tjansteperson');
      await answerState(phone.page, 'saved');
    }
    await expect.poll(() => countIn(screen.page, 'answered-count')).toBe(2);
    // A reload would lose this; recovering in place keeps it.
    for (const page of [screen.page, ...phones.map((p) => p.page)])
      await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await server.stop();
    for (const page of [screen.page, ...phones.map((p) => p.page)]) {
      await page.locator('[data-testid="connection-state"][data-state="reconnecting"]').waitFor({ state: 'attached' });
    }
    await screenshot(phones[0]!.page, 'phone-server-restarting');
    await server.start();

    for (const page of [screen.page, ...phones.map((p) => p.page)]) {
      await page.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ state: 'attached', timeout: 30_000 });
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    }
    for (const phone of phones) await answerState(phone.page, 'saved');
    await expect.poll(() => countIn(screen.page, 'answered-count')).toBe(2);
    await expect.poll(() => countIn(screen.page, 'participant-count')).toBe(2);

    // Life goes on after the restart: the speaker moves on and new answers are saved and counted.
    await showSlide(screen.page, deck, mood());
    await choose(phones[0]!.page, 'sadar');
    await choose(phones[1]!.page, 'sadar');
    for (const phone of phones) await answerState(phone.page, 'saved');
    expect(await truth(session)).toMatchObject({ slideId: mood(), participants: 2, respondents: 2, counts: { bra: 0, sadar: 2 } });
    await expect.poll(() => countIn(screen.page, 'answered-count')).toBe(2);
    await expect.poll(() => screenResults(screen.page)).toBe('withheld');
    await screenshot(screen.page, 'presenter-after-server-restart');
  });

  /**
   * The big screen's laptop sleeps while a control view moves on and phones answer. On waking it must show the
   * slide and counts now current within 2 s: the audience looks at it, and that is how long a person waits.
   */
  async function sleepWhileTheTalkGoesOn(how: 'kept' | 'lost') {
    const session = await startSession();
    const line = await network();
    const screen = await openScreen(session, line.url);
    await showSlide(screen.page, deck, vote());
    const control = await (await presenterContext(browser, server.url, cookie, PHONE)).newPage();
    contexts.push(control.context());
    await control.goto(`${server.url}/app/sessions/${session.id}/control`);
    await control.getByTestId('control-current').filter({ hasText: 'Vilken roll har du?' }).waitFor();
    const phones = [await openPhone(session), await openPhone(session)];
    await expect.poll(() => countIn(screen.page, 'participant-count')).toBe(2);

    // Worst case: the laptop sleeps right after a heartbeat, so none is due when it wakes.
    if (how === 'lost') {
      const pings = screen.frames.sent.filter((f) => f.includes('"ping"')).length;
      await expect.poll(() => screen.frames.sent.filter((f) => f.includes('"ping"')).length, { timeout: 25_000 }).toBeGreaterThan(pings);
    }
    const cdp = await screen.context.newCDPSession(screen.page);
    await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
    if (how === 'lost') {
      await screen.context.setOffline(true);
      line.offline('silent');
    }
    const slept = Date.now();

    await control.getByTestId('control-next').click();
    await control.getByTestId('control-current').filter({ hasText: 'Hur känns det just nu?' }).waitFor();
    await choose(phones[0]!.page, 'bra');
    await choose(phones[1]!.page, 'sadar');
    for (const phone of phones) await answerState(phone.page, 'saved');
    const now = await truth(session);
    expect(now).toMatchObject({ slideId: mood(), respondents: 2, counts: { bra: 1, sadar: 1 } });
    await screen.page.waitForTimeout(Math.max(0, 10_000 - (Date.now() - slept)));

    if (how === 'lost') {
      line.online();
      await screen.context.setOffline(false);
    }
    await cdp.send('Page.setWebLifecycleState', { state: 'active' });
    const woke = Date.now();
    const shown = async () => ({
      position: (await screen.page.getByTestId('slide-position').textContent())?.match(/\d+/)?.[0],
      question: await screen.page.getByRole('heading', { level: 2 }).first().textContent(),
      answered: await countIn(screen.page, 'answered-count'),
      online: await countIn(screen.page, 'participant-count'),
      results: await screenResults(screen.page),
    });
    await expect
      .poll(shown, { timeout: 2_000, interval: 100 })
      .toEqual({ position: '2', question: 'Hur känns det just nu?', answered: 2, online: 2, results: 'withheld' });
    console.info(`big screen current ${Date.now() - woke} ms after waking (network ${how})`);
    await screenshot(screen.page, `presenter-after-sleep-${how}`);
  }

  it('shows the current slide and counts within 2 s after the presenter’s tab was frozen for 10 s', async () => {
    await sleepWhileTheTalkGoesOn('kept');
  });

  it('shows the current slide and counts within 2 s after the presenter’s laptop slept for 10 s, network and all', async () => {
    await sleepWhileTheTalkGoesOn('lost');
  });
});
