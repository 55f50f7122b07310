import type { DeckFileInput, Presentation, SessionInfo } from '@ettor/protocol';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BIG_SCREEN,
  LAPTOP,
  PHONE,
  expectAccessible,
  browserSkipReason,
  launchChromium,
  presenterContext,
  screenshot,
} from './support/browser.js';
import { answerState, showSlide } from './support/phone.js';
import { type RunningServer, signUpPresenter, startBuiltServer } from './support/server.js';

/** A map of a region with four parts, drawn in the browser and uploaded with the deck as the pin slide's image. */
const MAP_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">
  <rect width="1200" height="800" fill="#dbe9f4"/>
  <path d="M120 90 L620 60 L640 400 L140 420 Z" fill="#a8cf9a" stroke="#2f5d2a" stroke-width="6"/>
  <path d="M640 60 L1080 110 L1060 380 L660 400 Z" fill="#c9dfa0" stroke="#2f5d2a" stroke-width="6"/>
  <path d="M140 440 L640 420 L620 740 L160 720 Z" fill="#e8d9a0" stroke="#2f5d2a" stroke-width="6"/>
  <path d="M660 420 L1060 400 L1040 730 L640 740 Z" fill="#f0c9a0" stroke="#2f5d2a" stroke-width="6"/>
  <g font-family="sans-serif" font-size="48" fill="#1b2a1b" text-anchor="middle">
    <text x="380" y="250">Nordväst</text><text x="860" y="250">Nordost</text>
    <text x="390" y="590">Sydväst</text><text x="850" y="590">Sydost</text>
  </g>
</svg>`;

const REGIONS = [
  { id: 'nv', label: 'Nordväst', x: 0.1, y: 0.08, width: 0.43, height: 0.44 },
  { id: 'no', label: 'Nordost', x: 0.53, y: 0.08, width: 0.37, height: 0.42 },
  { id: 'sv', label: 'Sydväst', x: 0.1, y: 0.52, width: 0.43, height: 0.4 },
  { id: 'so', label: 'Sydost', x: 0.53, y: 0.5, width: 0.37, height: 0.42 },
];

/**
 * The four kinds of issue 11 that every phone answers alone (ranking, 100 points, 2×2 grid, pin on image): a
 * presenter and three phones run each one, by touch, by keyboard and through the list alternatives, and the big
 * screen shows exactly what they sent.
 */
describe.skipIf(browserSkipReason)('ranking, points, grid and pin from three phones to the big screen', () => {
  let server: RunningServer;
  let browser: Browser;
  let cookie: string;
  let api: Awaited<ReturnType<typeof signUpPresenter>>['api'];
  let deck: Presentation;
  let session: SessionInfo;
  let screen: Page;
  let phones: Page[];
  const contexts: BrowserContext[] = [];

  async function newPage(options: Parameters<Browser['newContext']>[0], asPresenter = false): Promise<Page> {
    const context = asPresenter
      ? await presenterContext(browser, server.url, cookie, options as typeof BIG_SCREEN)
      : await browser.newContext(options);
    contexts.push(context);
    return context.newPage();
  }

  async function joinPhone(): Promise<Page> {
    const page = await newPage(PHONE);
    await page.goto(`${server.url}/${session.code}`);
    await page.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ state: 'attached' });
    return page;
  }

  async function send(phone: Page): Promise<void> {
    await phone.getByTestId('submit-answer').click();
    await answerState(phone, 'saved');
  }

  /** The big screen's text alternative, row by row. */
  const table = () =>
    screen
      .locator('[data-testid="present-results"] table tbody tr')
      .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent?.replace(/\s+/gu, ' ').trim() ?? '')));

  /** Import gives the slides new ids: each kind's slide, found by its kind. */
  const slideOf = (kind: string) => deck.slides.find((slide) => slide.kind === kind)!.id;

  const answered = (count: number) =>
    screen
      .getByTestId('answered-count')
      .filter({ hasText: String(count) })
      .waitFor();

  beforeAll(async () => {
    server = await startBuiltServer();
    ({ cookie, api } = await signUpPresenter(server.url));
    browser = await launchChromium();
    const drawing = await newPage({ viewport: { width: 1200, height: 800 } });
    await drawing.setContent(`<body style="margin:0">${MAP_SVG}</body>`);
    const map = (await drawing.screenshot({ type: 'png' })).toString('base64');
    const file: DeckFileInput = {
      format: 'ettor-deck',
      version: 1,
      title: 'Vägval för regionen',
      anonymityThreshold: 3,
      slides: [
        {
          id: 'rangordning',
          kind: 'ranking',
          question: 'Vad är viktigast för att bli digitalt kompetenta?',
          items: [
            { id: 'ledning', label: 'Ledningens engagemang' },
            { id: 'utbildning', label: 'Utbildning' },
            { id: 'tid', label: 'Tid att lära' },
          ],
        },
        {
          id: 'poang',
          kind: 'points',
          question: 'Fördela 100 poäng på det som behöver mest',
          items: [
            { id: 'kompetens', label: 'Kompetensutveckling' },
            { id: 'system', label: 'Nya system' },
            { id: 'data', label: 'Öppna data' },
          ],
        },
        {
          id: 'matris',
          kind: 'grid',
          question: 'Placera åtgärderna efter insats och effekt',
          items: [{ id: 'etjanst', label: 'E-tjänster' }],
          x: { label: 'Insats', minLabel: 'Liten', maxLabel: 'Stor' },
          y: { label: 'Effekt', minLabel: 'Liten', maxLabel: 'Stor' },
          max: 10,
        },
        {
          id: 'karta',
          kind: 'pin',
          question: 'Var i regionen ska vi börja?',
          image: { assetId: 'region-karta', alt: 'Karta över regionen i fyra delar' },
          regions: REGIONS,
        },
        { id: 'ordmoln', kind: 'wordcloud', question: 'Vad behöver vi mest?', maxEntries: 2 },
      ],
      assets: [{ id: 'region-karta', contentType: 'image/png', data: map }],
    };
    deck = (await api('POST', '/api/presentations/import', file)) as Presentation;
    session = (await api('POST', `/api/presentations/${deck.id}/sessions`)) as SessionInfo;
    screen = await newPage(BIG_SCREEN, true);
    await screen.goto(`${server.url}/app/sessions/${session.id}/present`);
    await screen.getByTestId('join-screen').waitFor();
    phones = [await joinPhone(), await joinPhone(), await joinPhone()];
    await screen.getByTestId('participant-count').filter({ hasText: '3' }).waitFor();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('ranking: by buttons, by the place list and by keyboard; the big screen sorts by mean place', async () => {
    await showSlide(screen, deck, slideOf('ranking'));
    await screen.getByTestId('ranking-invite').waitFor();
    await screenshot(screen, 'kinds-ranking-screen-empty');
    const [tapper, chooser, typist] = phones as [Page, Page, Page];
    const item = (phone: Page, id: string) => phone.locator(`[data-testid="ranking-item"][data-item-id="${id}"]`);
    const order = (phone: Page) =>
      phone.getByTestId('ranking-item').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-item-id')));

    // Tid up twice: tid, ledning, utbildning.
    await item(tapper, 'tid').getByTestId('ranking-up').click();
    await item(tapper, 'tid').getByTestId('ranking-up').click();
    expect(await order(tapper)).toEqual(['tid', 'ledning', 'utbildning']);
    expect(await tapper.getByTestId('ranking-announcement').textContent()).toContain('plats 1 av 3');
    await screenshot(tapper, 'kinds-ranking-phone');
    await expectAccessible(tapper);
    await send(tapper);

    // Utbildning straight to place 1 from its list: utbildning, ledning, tid.
    await item(chooser, 'utbildning').getByTestId('ranking-place').selectOption('1');
    expect(await order(chooser)).toEqual(['utbildning', 'ledning', 'tid']);
    await send(chooser);

    // Keyboard alone: focus stays on the moved item's button, so Enter twice moves it down twice.
    await item(typist, 'ledning').getByTestId('ranking-down').focus();
    await typist.keyboard.press('Enter');
    await typist.keyboard.press('Enter');
    expect(await order(typist)).toEqual(['utbildning', 'tid', 'ledning']);
    await send(typist);

    await answered(3);
    await expect
      .poll(() => table().then((rows) => rows.map((row) => row[0])))
      .toEqual(['Utbildning', 'Tid att lära', 'Ledningens engagemang']);
    await screenshot(screen, 'kinds-ranking-screen');
  });

  it('points: typed, stepped and refused over the budget until mended; means per person on the big screen', async () => {
    await showSlide(screen, deck, slideOf('points'));
    const [typer, stepper, spender] = phones as [Page, Page, Page];
    const field = (phone: Page, id: string) =>
      phone.locator(`[data-testid="points-item"][data-item-id="${id}"]`).getByTestId('points-input');
    await field(typer, 'kompetens').waitFor();

    await field(typer, 'kompetens').fill('60');
    await field(typer, 'system').fill('40');
    expect(await typer.getByTestId('points-left').getAttribute('data-left')).toBe('0');
    await screenshot(typer, 'kinds-points-phone');
    await expectAccessible(typer);
    await send(typer);

    for (let tens = 0; tens < 5; tens += 1) {
      await stepper.locator('[data-testid="points-item"][data-item-id="data"]').getByTestId('points-more-10').click();
    }
    expect(await stepper.getByTestId('points-left').getAttribute('data-left')).toBe('50');
    await send(stepper);

    // 80 + 30 is over 100: the phone says so and sends nothing until it is mended.
    await field(spender, 'kompetens').fill('80');
    await field(spender, 'data').fill('30');
    await spender.getByTestId('submit-answer').click();
    await answerState(spender, 'error');
    await screenshot(spender, 'kinds-points-phone-over');
    await field(spender, 'data').fill('20');
    await send(spender);

    await answered(3);
    // Means per respondent: kompetens (60 + 80) / 3, data (50 + 20) / 3, system 40 / 3.
    await expect.poll(() => table().then((rows) => rows.map((row) => row[0]))).toEqual(['Kompetensutveckling', 'Öppna data', 'Nya system']);
    await screenshot(screen, 'kinds-points-screen');
  });

  it('grid: placed by steppers, by keyboard on the slider, and one phone leaves it unplaced and is refused', async () => {
    await showSlide(screen, deck, slideOf('grid'));
    const [stepper, slider, idle] = phones as [Page, Page, Page];
    await stepper.getByTestId('grid-item').waitFor();
    // Every item starts in the middle (5, 5): to (2, 8) by the buttons.
    for (let step = 0; step < 3; step += 1) await stepper.locator('[data-testid="grid-decrease"][data-axis="x"]').click();
    for (let step = 0; step < 3; step += 1) await stepper.locator('[data-testid="grid-increase"][data-axis="y"]').click();
    await screenshot(stepper, 'kinds-grid-phone');
    await expectAccessible(stepper);
    await send(stepper);

    // To (6, 4) by the arrow keys on the sliders.
    await slider.getByTestId('grid-x').focus();
    await slider.keyboard.press('ArrowRight');
    await slider.getByTestId('grid-y').focus();
    await slider.keyboard.press('ArrowLeft');
    await send(slider);

    await idle.getByTestId('submit-answer').click();
    await answerState(idle, 'error');
    await idle.getByTestId('grid-place').locator('input').check();
    await send(idle);

    await answered(3);
    await screenshot(screen, 'kinds-grid-screen');
    // Means of (2, 8), (6, 4) and the middle (5, 5), where the third placed it unmoved: x 4,3 and y 5,7.
    const rows = await table();
    expect(rows[0]?.join(' ')).toMatch(/E-tjänster.*4,3.*5,7/u);
  });

  it('pin: a tap on the image, arrow keys, and a region chosen from the list; counts per region on the big screen', async () => {
    await showSlide(screen, deck, slideOf('pin'));
    const [tapper, typist, lister] = phones as [Page, Page, Page];
    const area = tapper.getByTestId('pin-area');
    await area.locator('img').waitFor();
    const box = (await area.boundingBox())!;
    // Nordost: 70 % across, 25 % down.
    await tapper.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.25);
    await tapper.getByTestId('pin-marker').waitFor();
    await screenshot(tapper, 'kinds-pin-phone');
    await expectAccessible(tapper);
    await send(tapper);

    // From the middle of the image, Shift+arrows move 10 % a press: to 70 % across, 70 % down (Sydost).
    await typist.getByTestId('pin-area').focus();
    await typist.keyboard.press('ArrowRight');
    for (let press = 0; press < 2; press += 1) await typist.keyboard.press('Shift+ArrowRight');
    for (let press = 0; press < 2; press += 1) await typist.keyboard.press('Shift+ArrowDown');
    await send(typist);

    await lister.locator('[data-testid="pin-region"][data-region-id="no"]').click();
    await send(lister);

    await answered(3);
    await expect
      .poll(() => table().then((rows) => Object.fromEntries(rows.map((row) => [row[0], row[1]]))))
      .toMatchObject({ Nordväst: '0', Nordost: '2', Sydväst: '0', Sydost: '1' });
    await screenshot(screen, 'kinds-pin-screen');
    await expectAccessible(screen);
  });

  it('word cloud: forms of a word count as one; the control view merges two words and splits them again', async () => {
    await showSlide(screen, deck, slideOf('wordcloud'));
    const typed = [['Kompetens', 'mod'], ['kompetensen'], ['kompetenser', 'Tillit']];
    for (const [index, words] of typed.entries()) {
      const phone = phones[index]!;
      const inputs = phone.getByTestId('word-input');
      await inputs.first().waitFor();
      for (const [field, word] of words.entries()) await inputs.nth(field).fill(word);
      await send(phone);
    }
    const listed = () => screen.locator('[data-testid="present-results"] li').allTextContents();
    await expect.poll(listed).toEqual(['Kompetens: 3', 'mod: 1', 'Tillit: 1']);

    const control = await newPage(PHONE, true);
    await control.goto(`${server.url}/app/sessions/${session.id}/control`);
    const word = (text: string) => control.locator('li:has(> .word)', { hasText: text });
    await word('Kompetens').getByText('även kompetensen, kompetenser').waitFor();
    await word('mod').getByTestId('merge-word').click();
    await control.getByText('Välj ordet som ”mod” ska räknas som, eller Avbryt.').waitFor();
    await screenshot(control, 'kinds-wordcloud-control-merging');
    await expectAccessible(control);
    await word('Tillit').getByTestId('merge-here').click();
    await expect.poll(listed).toEqual(['Kompetens: 3', 'Tillit: 2']);

    // Splitting Tillit gives mod back; splitting Kompetens counts its forms one by one.
    await word('Tillit').getByTestId('split-word').click();
    await expect.poll(listed).toEqual(['Kompetens: 3', 'mod: 1', 'Tillit: 1']);
    await word('Kompetens').getByTestId('split-word').click();
    await expect.poll(listed).toEqual(['Kompetens: 1', 'kompetensen: 1', 'kompetenser: 1', 'mod: 1', 'Tillit: 1']);
    await screenshot(screen, 'kinds-wordcloud-screen-split');
  });

  it('editor: each kind has its settings form, accessible, and a change there is saved', async () => {
    const editor = await newPage(LAPTOP, true);
    await editor.goto(`${server.url}/app/presentations/${deck.id}`);
    await editor.getByTestId('slide-list').waitFor();
    for (const [index, kind] of ['ranking', 'points', 'grid', 'pin'].entries()) {
      await editor.getByTestId('slide-item').nth(index).click();
      await editor.getByTestId('edit-question').waitFor();
      await screenshot(editor, `kinds-${kind}-editor`);
      await expectAccessible(editor);
    }
    await editor.getByTestId('slide-item').nth(1).click();
    await editor.getByTestId('edit-points-budget').fill('50');
    await editor.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ state: 'attached' });
    const saved = (await api('GET', `/api/presentations/${deck.id}`)) as Presentation;
    expect(saved.slides.find((slide) => slide.kind === 'points')).toMatchObject({ budget: 50 });
  });
});
