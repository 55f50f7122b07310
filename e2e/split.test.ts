import type { ChoiceSlide, Presentation, SessionInfo, Slide } from '@ettor/protocol';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIG_SCREEN, PHONE, expectAccessible, browserSkipReason, launchChromium, presenterContext, screenshot } from './support/browser.js';
import { answerState, audienceSocket, showSlide } from './support/phone.js';
import { type RunningServer, signUpPresenter, startBuiltServer } from './support/server.js';

type Socket = Awaited<ReturnType<typeof audienceSocket>>;

const TOOLS_QUESTION = 'Hur ofta använder du digitala verktyg i arbetet?';
const TOOLS = [
  { id: 'dagligen', label: 'Dagligen' },
  { id: 'varje-vecka', label: 'Varje vecka' },
  { id: 'sallan', label: 'Sällan' },
];

/**
 * Sixteen people: one real phone (an official, "dagligen") and fifteen sockets. With k = 5 the officials (6) and the
 * managers (5) are shown, the politicians (3) and the two who never gave a role are withheld; together those two
 * groups hold 5, not fewer than k, so the complement rule hides no one more. Nobody chose "Annan roll".
 */
const SOCKETS: { role: string | null; tools: string }[] = [
  ...['dagligen', 'dagligen', 'dagligen', 'varje-vecka', 'varje-vecka'].map((tools) => ({ role: 'tjansteperson', tools })),
  ...['dagligen', 'varje-vecka', 'sallan', 'sallan', 'sallan'].map((tools) => ({ role: 'kommunchef', tools })),
  ...['sallan', 'sallan', 'sallan'].map((tools) => ({ role: 'politiker', tools })),
  ...['dagligen', 'dagligen'].map((tools) => ({ role: null, tools })),
];

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/gu, ' ').trim();
/** A bar chart's numbers as its text alternative gives them: option, count, share. */
const barRows = (scope: Locator) =>
  scope
    .locator('table tbody tr')
    .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent?.replace(/\s+/gu, ' ').trim() ?? '')));

const EVERYONE = [
  ['Dagligen', '7', '44 %'],
  ['Varje vecka', '3', '19 %'],
  ['Sällan', '6', '38 %'],
];
const OFFICIALS = [
  ['Dagligen', '4', '67 %'],
  ['Varje vecka', '2', '33 %'],
  ['Sällan', '0', '0 %'],
];
const MANAGERS = [
  ['Dagligen', '1', '20 %'],
  ['Varje vecka', '1', '20 %'],
  ['Sällan', '3', '60 %'],
];

describe.skipIf(browserSkipReason)('results split by role, and the anonymity threshold, live', () => {
  let server: RunningServer;
  let browser: Browser;
  let deck: Presentation;
  let role: ChoiceSlide;
  let toolsId: string;
  let session: SessionInfo;
  let screen: Page;
  let control: Page;
  let phone: Page;
  const sockets: Socket[] = [];
  const contexts: BrowserContext[] = [];

  const results = () => screen.getByTestId('present-results');
  const key = async () => squash(await screen.getByTestId('split-key').textContent());
  const panel = (optionId: string | null) =>
    screen.locator(
      optionId === null ? '[data-testid="split-panel"]:not([data-option-id])' : `[data-testid="split-panel"][data-option-id="${optionId}"]`,
    );
  const show = (what: string) => control.getByTestId('control-split-show').locator(`[data-show="${what}"] input`).check();

  async function page(options: typeof BIG_SCREEN, cookie?: string): Promise<Page> {
    const context = cookie ? await presenterContext(browser, server.url, cookie, options) : await browser.newContext(options);
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    server = await startBuiltServer();
    const { cookie, api } = await signUpPresenter(server.url);
    // Every new account has the example deck; its slides get fresh ids, so the role question is found by its kind.
    const [summary] = (await api('GET', '/api/presentations')) as { id: string }[];
    const example = (await api('GET', `/api/presentations/${summary!.id}`)) as Presentation;
    role = example.slides.find((slide): slide is ChoiceSlide => slide.kind === 'choice' && slide.question === 'Vilken roll har du?')!;
    expect(example.anonymityThreshold).toBe(5);
    const blank = (await api('POST', `/api/presentations/${example.id}/slides`, { kind: 'choice', afterSlideId: role.id })) as Slide;
    await api('PUT', `/api/presentations/${example.id}/slides/${blank.id}`, { ...blank, question: TOOLS_QUESTION, options: TOOLS });
    toolsId = blank.id;
    deck = (await api('GET', `/api/presentations/${example.id}`)) as Presentation;
    session = (await api('POST', `/api/presentations/${deck.id}/sessions`)) as SessionInfo;

    browser = await launchChromium();
    screen = await page(BIG_SCREEN, cookie);
    control = await page(PHONE, cookie);
    phone = await page(PHONE);
    await screen.goto(`${server.url}/app/sessions/${session.id}/present`);
    await control.goto(`${server.url}/app/sessions/${session.id}/control`);
    await phone.goto(`${server.url}/${session.code}`);
    await screen.getByTestId('join-screen').waitFor();
    await phone.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ state: 'attached' });
    for (let i = 0; i < SOCKETS.length; i += 1) sockets.push(await audienceSocket(server.url, session.code));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('shows "För få svar än" on the phone and the big screen while fewer than k have answered, the numbers on the control view', async () => {
    await showSlide(screen, deck, role.id);
    await phone.locator('[data-testid="answer-option"][data-option-id="tjansteperson"]').click();
    await phone.getByTestId('submit-answer').click();
    await answerState(phone, 'saved');

    const onPhone = phone.getByTestId('withheld');
    await onPhone.waitFor();
    expect(squash(await onPhone.textContent())).toBe('Resultat hittills För få svar än Resultaten visas när minst 5 har svarat.');
    await screenshot(phone, 'split-phone-too-few');

    await results().getByTestId('withheld').waitFor();
    expect(squash(await results().textContent())).toBe('För få svar än Resultaten visas när minst 5 har svarat.');
    expect(await screen.getByTestId('answered-count').textContent()).toBe('1 har svarat');
    await screenshot(screen, 'split-screen-too-few');

    // The presenter's own laptop may see the one answer, told that the room does not.
    await control.getByTestId('control-withheld-note').waitFor();
    expect(squash(await control.getByTestId('control-withheld-note').textContent())).toBe(
      'Storbildsskärmen visar ”För få svar” tills minst 5 har svarat. Siffrorna här ser bara du.',
    );

    for (const [i, socket] of sockets.entries()) {
      const answer = SOCKETS[i]!;
      if (answer.role) await socket.answer(role.id, { kind: 'choice', optionIds: [answer.role] }, `role-answer-${i}`);
    }
    // Fourteen have now said their role: enough for everyone's results, on the phone too.
    await phone.getByTestId('withheld').waitFor({ state: 'detached' });
    await results().getByTestId('withheld').waitFor({ state: 'detached' });
    await expect
      .poll(() => barRows(results()))
      .toEqual([
        ['Tjänsteperson', '6', '43 %'],
        ['Kommunchef', '5', '36 %'],
        ['Politiker', '3', '21 %'],
        ['Annan roll', '0', '0 %'],
      ]);
  });

  it('splits a later question by role from the control view: a key, every group side by side, one group, and everyone again', async () => {
    await showSlide(screen, deck, toolsId);
    await phone.getByText(TOOLS_QUESTION).waitFor();
    await phone.locator('[data-testid="answer-option"][data-option-id="dagligen"]').click();
    await phone.getByTestId('submit-answer').click();
    for (const [i, socket] of sockets.entries())
      await socket.answer(toolsId, { kind: 'choice', optionIds: [SOCKETS[i]!.tools] }, `tools-answer-${i}`);
    await answerState(phone, 'saved');
    await screen.getByTestId('answered-count').filter({ hasText: '16 har svarat' }).waitFor();

    await control.getByTestId('control-split').selectOption(role.id);
    await expect.poll(key).toBe('Uppdelat på: Vilken roll har du? · Visar: Alla');
    expect(await barRows(results())).toEqual(EVERYONE);

    await show('side-by-side');
    await expect.poll(key).toBe('Uppdelat på: Vilken roll har du? · Visar: Sida vid sida');
    await panel(null).waitFor();
    const panels = screen.getByTestId('split-panel');
    expect(
      await panels.evaluateAll((items) =>
        items.map((item) => [item.getAttribute('data-state'), item.querySelector('h3')?.textContent?.replace(/\s+/gu, ' ').trim()]),
      ),
    ).toEqual([
      ['shown', 'Tjänsteperson 6 svar'],
      ['shown', 'Kommunchef 5 svar'],
      ['withheld', 'Politiker'],
      ['withheld', 'Ej angivet'],
    ]);
    expect(await barRows(panel('tjansteperson'))).toEqual(OFFICIALS);
    expect(await barRows(panel('kommunchef'))).toEqual(MANAGERS);
    for (const withheld of [panel('politiker'), panel(null)]) {
      expect(squash(await withheld.getByTestId('too-few').textContent())).toBe('För få svar');
      expect(await withheld.locator('table').count()).toBe(0);
    }
    // The control view lists the same groups, with "Annan roll", which no one chose, as 0.
    expect(
      await control
        .getByTestId('control-split-groups')
        .locator('li')
        .evaluateAll((items) => items.map((item) => item.textContent?.replace(/\s+/gu, ' ').trim())),
    ).toEqual(['Tjänsteperson 6 svar', 'Kommunchef 5 svar', 'Politiker För få svar', 'Annan roll 0 svar', 'Ej angivet För få svar']);
    await screenshot(screen, 'split-screen-side-by-side');
    await screenshot(control, 'split-control');
    await expectAccessible(screen);
    await expectAccessible(control);

    await show('tjansteperson');
    await expect.poll(key).toBe('Uppdelat på: Vilken roll har du? · Visar: Tjänsteperson (6 svar)');
    await expect.poll(() => barRows(results())).toEqual(OFFICIALS);
    await screenshot(screen, 'split-screen-one-group');

    await show('politiker');
    await expect.poll(key).toBe('Uppdelat på: Vilken roll har du? · Visar: Politiker');
    expect(squash(await results().getByTestId('withheld').textContent())).toBe('För få svar');
    await screenshot(screen, 'split-screen-group-withheld');

    // A politician says they are a manager after all and counts there now: managers 6, politicians 2, no role 2. The two
    // withheld groups hold 4 together, fewer than k, so the smaller shown group goes too, on a tie the later: the managers.
    await sockets[10]!.answer(role.id, { kind: 'choice', optionIds: ['kommunchef'] }, 'role-answer-10-changed');
    await show('side-by-side');
    await expect
      .poll(() =>
        panels.evaluateAll((items) => items.map((item) => [item.getAttribute('data-option-id'), item.getAttribute('data-state')])),
      )
      .toEqual([
        ['tjansteperson', 'shown'],
        ['kommunchef', 'withheld'],
        ['politiker', 'withheld'],
        [null, 'withheld'],
      ]);
    expect(await barRows(panel('tjansteperson'))).toEqual(OFFICIALS);

    await show('all');
    await expect.poll(key).toBe('Uppdelat på: Vilken roll har du? · Visar: Alla');
    await expect.poll(() => barRows(results())).toEqual(EVERYONE);

    await control.getByTestId('control-split').selectOption('');
    await screen.getByTestId('split-key').waitFor({ state: 'detached' });
    expect(await barRows(results())).toEqual(EVERYONE);
  });
});
