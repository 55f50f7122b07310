import {
  type DeckFile,
  type OpenResults,
  type Presentation,
  type SessionInfo,
  type Slide,
  type WordCloudResults,
  slideTitle,
} from '@ettor/protocol';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIG_SCREEN, PHONE, browserSkipReason, launchChromium, presenterContext, screenshot } from './support/browser.js';
import { answerState, audienceSocket, buildDeck, codePoints, hostView, recordFrames, showSlide } from './support/phone.js';
import { type RunningServer, signUpPresenter, startBuiltServer } from './support/server.js';

const SWEDISH = 'Åsa Öberg ärver ängen';
const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}'; // 👨‍👩‍👧‍👦, one grapheme of 11 UTF-16 units
const FLAG = '\u{1F1F8}\u{1F1EA}'; // 🇸🇪
const NFD = 'ka\u030Al och cafe\u0301'; // "kål och café" with combining ring and acute, as macOS keyboards send them
const ARABIC = 'مرحبا بالعالم';
const HEBREW = 'שלום עולם';
const BIDI = 'Ettor שלום 123';
const TEXTS = [SWEDISH, FAMILY, FLAG, NFD, ARABIC, HEBREW, BIDI];

/** Text typed on phones and written into slides comes back out unchanged: byte for byte, NFD staying NFD. */
describe.skipIf(browserSkipReason)('text round-trips byte-identical', () => {
  let server: RunningServer;
  let browser: Browser;
  let cookie: string;
  let api: Awaited<ReturnType<typeof signUpPresenter>>['api'];
  let deck: Presentation;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startBuiltServer();
    ({ cookie, api } = await signUpPresenter(server.url));
    deck = await buildDeck(api, 'Text', [
      { kind: 'open', question: 'Skriv något', maxLength: 280 },
      { kind: 'wordcloud', question: 'Ett ord eller tre', maxEntries: 3, maxLength: 25 },
    ]);
    // Four phones answer the word cloud: k at its lowest lets the big screen show what four people wrote.
    deck = (await api('PATCH', `/api/presentations/${deck.id}`, { anonymityThreshold: 3 })) as Presentation;
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  async function startSession(presentation: Presentation): Promise<SessionInfo> {
    return (await api('POST', `/api/presentations/${presentation.id}/sessions`)) as SessionInfo;
  }

  async function openScreen(session: SessionInfo): Promise<Page> {
    const context = await presenterContext(browser, server.url, cookie, BIG_SCREEN);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/app/sessions/${session.id}/present`);
    await page.getByTestId('join-screen').waitFor();
    return page;
  }

  async function openPhone(session: SessionInfo) {
    const context = await browser.newContext(PHONE);
    contexts.push(context);
    const page = await context.newPage();
    const frames = recordFrames(page);
    await page.goto(`${server.url}/${session.code}`);
    await page.locator('[data-testid="connection-state"][data-state="open"]').waitFor({ state: 'attached' });
    return { page, frames };
  }

  const texts = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => el.textContent ?? ''));
  const byCodePoints = (list: string[]) => list.map(codePoints).sort();

  describe('an open question', () => {
    let session: SessionInfo;
    let screen: Page;
    const phones: Page[] = [];

    beforeAll(async () => {
      session = await startSession(deck);
      screen = await openScreen(session);
      await showSlide(screen, deck, deck.slides[0]!.id);
      for (const text of TEXTS) {
        const { page } = await openPhone(session);
        phones.push(page);
        await page.getByTestId('open-input').fill(text);
        expect(codePoints(await page.getByTestId('open-input').inputValue())).toBe(codePoints(text));
        await page.getByTestId('submit-answer').click();
        await answerState(page, 'saved');
      }
    });

    it('shows every answer on the big screen’s text wall exactly as typed', async () => {
      const view = await hostView(server.url, cookie, session.id);
      expect(byCodePoints((view.results as OpenResults).entries.map((e) => e.text))).toEqual(byCodePoints(TEXTS));

      const wall = () => texts(screen, '[data-testid="present-results"] li');
      await expect.poll(async () => (await wall()).length, { timeout: 10_000 }).toBe(TEXTS.length);
      expect(byCodePoints(await wall())).toEqual(byCodePoints(TEXTS));

      // Rendered, the first letter of a Hebrew or Arabic answer stands to the right of its last one; Swedish the other way.
      const firstRightOfLast = await screen.locator('[data-testid="present-results"] li').evaluateAll((els) =>
        els.map((el) => {
          const node = Array.from(el.childNodes).find((n) => n.nodeType === Node.TEXT_NODE) as Text;
          const range = document.createRange();
          const left = (at: number) => {
            range.setStart(node, at);
            range.setEnd(node, at + 1);
            return range.getBoundingClientRect().left;
          };
          return [node.data, left(0) > left(node.length - 1)] as const;
        }),
      );
      const order = Object.fromEntries(firstRightOfLast);
      expect([order[ARABIC], order[HEBREW], order[SWEDISH]]).toEqual([true, true, false]);
      await screenshot(screen, 'presenter-text-wall-unicode');
    });

    it('shows each phone its own saved answer exactly as typed after a reload', async () => {
      for (const [i, phone] of phones.entries()) {
        await phone.reload();
        await answerState(phone, 'saved');
        expect(codePoints(await phone.getByTestId('open-input').inputValue())).toBe(codePoints(TEXTS[i]!));
      }
      await screenshot(phones[TEXTS.indexOf(ARABIC)]!, 'phone-open-arabic-saved');
    });

    it('lays out right-to-left answers right-to-left on the wall and in the phone’s field', async () => {
      const directions = await screen
        .locator('[data-testid="present-results"] li')
        .evaluateAll((els) => els.map((el) => [el.textContent ?? '', el.matches(':dir(rtl)')] as const));
      expect(Object.fromEntries(directions)).toEqual(Object.fromEntries(TEXTS.map((t) => [t, t === ARABIC || t === HEBREW])));
      const phone = phones[TEXTS.indexOf(HEBREW)]!;
      expect(await phone.getByTestId('open-input').evaluate((el) => el.matches(':dir(rtl)'))).toBe(true);
    });
  });

  it('shows word-cloud entries as typed, whitespace collapsed, with NFD and NFC spellings of a word merged', async () => {
    const session = await startSession(deck);
    const screen = await openScreen(session);
    await showSlide(screen, deck, deck.slides[1]!.id);
    const KAL_NFD = 'ka\u030Al';
    const KAL_NFC = KAL_NFD.normalize('NFC');
    const CAFE_NFD = 'cafe\u0301';
    const typed = [
      [`  ${SWEDISH.replaceAll(' ', '   ')} `, FAMILY, FLAG],
      [ARABIC, HEBREW, ` ${BIDI.replace(' ', '  ')}`],
      [KAL_NFD, CAFE_NFD],
      [KAL_NFC],
    ];
    const phones: Page[] = [];
    for (const words of typed) {
      const { page } = await openPhone(session);
      phones.push(page);
      const inputs = page.getByTestId('word-input');
      await inputs.first().waitFor();
      for (const [i, word] of words.entries()) await inputs.nth(i).fill(word);
      await page.getByTestId('submit-answer').click();
      await answerState(page, 'saved');
    }

    const expectedOnce = [SWEDISH, FAMILY, FLAG, ARABIC, HEBREW, BIDI, CAFE_NFD];
    const view = await hostView(server.url, cookie, session.id);
    const words = (view.results as WordCloudResults).words;
    const kal = words.find((w) => w.text.normalize('NFC') === KAL_NFC);
    expect(kal?.count).toBe(2);
    expect([KAL_NFD, KAL_NFC]).toContain(kal?.text);
    expect(byCodePoints(words.filter((w) => w !== kal).map((w) => w.text))).toEqual(byCodePoints(expectedOnce));
    expect(words.filter((w) => w !== kal).every((w) => w.count === 1)).toBe(true);

    // The cloud's list for screen readers, "word: count", and the cloud itself (SVG text, laid out a moment later).
    const listed = async () =>
      byCodePoints(
        (await texts(screen, '[data-testid="present-results"] li')).map((item) => {
          const at = item.lastIndexOf(': ');
          return `${item.slice(0, at)}|${item.slice(at + 2)}`;
        }),
      );
    await expect.poll(listed, { timeout: 10_000 }).toEqual(byCodePoints([...expectedOnce.map((w) => `${w}|1`), `${kal!.text}|2`]));
    const cloud = async () => byCodePoints(await texts(screen, '[data-testid="present-results"] svg text'));
    await expect.poll(cloud, { timeout: 10_000 }).toEqual(byCodePoints([...expectedOnce, kal!.text]));
    await screenshot(screen, 'presenter-wordcloud-unicode');

    // The phone that typed NFD gets exactly that back after a reload.
    await phones[2]!.reload();
    await answerState(phones[2]!, 'saved');
    const values = await phones[2]!.getByTestId('word-input').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
    expect(values.map(codePoints)).toEqual([KAL_NFD, CAFE_NFD, ''].map(codePoints));
    // And the one that typed extra spaces sees its words as stored: collapsed and trimmed, nothing else.
    await phones[0]!.reload();
    await answerState(phones[0]!, 'saved');
    const first = await phones[0]!.getByTestId('word-input').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
    expect(first.map(codePoints)).toEqual([SWEDISH, FAMILY, FLAG].map(codePoints));
    await screenshot(phones[0]!, 'phone-wordcloud-unicode-saved');
  });

  it('counts a length limit in graphemes, the same on the phone and on the server', async () => {
    const limited = await buildDeck(api, 'Högst fem', [{ kind: 'open', question: 'Fem tecken', maxLength: 5 }]);
    const slideId = limited.slides[0]!.id;
    const session = await startSession(limited);
    // Five user-perceived characters in 26 UTF-16 units: a ZWJ family, å and é in NFD, a ZWJ person with a skin tone, a flag.
    const FIVE = `${FAMILY}a\u030A\u{1F469}\u{1F3FD}\u200D\u{1F4BB}e\u0301${FLAG}`;
    const SIX = `${FIVE}${FAMILY}`;

    const ok = await openPhone(session);
    await ok.page.getByTestId('open-input').fill(FIVE);
    expect(await ok.page.getByTestId('char-count').textContent()).toMatch(/^\s*5 av 5 tecken\s*$/);
    expect(await ok.page.getByTestId('char-count').evaluate((el) => el.classList.contains('over'))).toBe(false);
    await ok.page.getByTestId('submit-answer').click();
    await answerState(ok.page, 'saved');
    const view = await hostView(server.url, cookie, session.id);
    expect((view.results as OpenResults).entries.map((e) => codePoints(e.text))).toEqual([codePoints(FIVE)]);

    const over = await openPhone(session);
    await over.page.getByTestId('open-input').fill(SIX);
    expect(await over.page.getByTestId('char-count').textContent()).toMatch(/^\s*6 av 5 tecken\s*$/);
    expect(await over.page.getByTestId('char-count').evaluate((el) => el.classList.contains('over'))).toBe(true);
    expect(await over.page.getByTestId('open-input').getAttribute('aria-invalid')).toBe('true');
    await over.page.getByTestId('submit-answer').click();
    await answerState(over.page, 'error');
    const refusal = over.page.getByRole('status').and(over.page.getByTestId('answer-state'));
    expect(await refusal.textContent()).toContain('Svaret får vara högst 5 tecken');
    await screenshot(over.page, 'phone-too-long-graphemes');
    expect(over.frames.sent.filter((f) => f.includes('"answer"'))).toEqual([]);

    // The server counts the same way when a client skips the phone's check.
    const socket = await audienceSocket(server.url, session.code);
    try {
      expect(await socket.answer(slideId, { kind: 'open', text: SIX }, 'text-six-graphemes')).toMatchObject({
        type: 'error',
        code: 'too_long',
      });
      const ack = await socket.answer(slideId, { kind: 'open', text: FIVE }, 'text-five-graphemes');
      expect(ack.type).toBe('ack');
      expect(ack.type === 'ack' && ack.answer.kind === 'open' ? codePoints(ack.answer.text) : ack).toBe(codePoints(FIVE));
    } finally {
      socket.close();
    }
  });

  it('exports and imports a deck with the texts byte-identical, and presents them so', async () => {
    const title = `${SWEDISH} ${FLAG}`;
    const content = { kind: 'content', heading: SWEDISH, body: `${ARABIC} – ${BIDI} – ${NFD} ${FAMILY}`, bullets: TEXTS };
    const options = [FAMILY, FLAG, NFD, ARABIC, HEBREW, BIDI].map((label, i) => ({ id: `alt-${i + 1}`, label }));
    const choice = { kind: 'choice', question: BIDI, options };
    const open = { kind: 'open', question: `${ARABIC} ${FAMILY}` };
    const words = { kind: 'wordcloud', question: `${HEBREW} a\u030A e\u0301` };
    const original = await buildDeck(api, title, [content, choice, open, words]);

    const textsOf = (p: Pick<Presentation, 'title' | 'slides'>) => [
      p.title,
      ...p.slides.flatMap((s: Slide) => {
        if (s.kind === 'content') return [s.heading, s.body, ...s.bullets];
        if (s.kind === 'choice') return [s.question, ...s.options.map((o) => o.label)];
        return [slideTitle(s)];
      }),
    ];
    const written = [
      title,
      content.heading,
      content.body,
      ...TEXTS,
      choice.question,
      ...options.map((o) => o.label),
      open.question,
      words.question,
    ];
    expect(textsOf(original).map(codePoints)).toEqual(written.map(codePoints));

    const response = await fetch(`${server.url}/api/presentations/${original.id}/export`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const raw = Buffer.from(await response.arrayBuffer());
    const exported = JSON.parse(raw.toString('utf8')) as DeckFile;
    expect(textsOf(exported).map(codePoints)).toEqual(written.map(codePoints));

    const imported = (await api('POST', '/api/presentations/import', exported)) as Presentation;
    expect(imported.id).not.toBe(original.id);
    expect(textsOf(imported).map(codePoints)).toEqual(written.map(codePoints));
    const reread = (await api('GET', `/api/presentations/${imported.id}`)) as Presentation;
    expect(textsOf(reread).map(codePoints)).toEqual(written.map(codePoints));

    // Presented, every text reaches the big screen's DOM unchanged.
    const session = await startSession(reread);
    const screen = await openScreen(session);
    const phone = (await openPhone(session)).page;
    const [contentSlide, choiceSlide, openSlide, wordsSlide] = reread.slides as [Slide, Slide, Slide, Slide];

    await showSlide(screen, reread, contentSlide.id);
    const stage = screen.getByTestId('present-view');
    expect(codePoints((await stage.getByRole('heading', { level: 2 }).first().textContent()) ?? '')).toBe(codePoints(SWEDISH));
    expect(codePoints((await stage.locator('p.body').textContent()) ?? '')).toBe(codePoints(content.body));
    expect((await texts(screen, '[data-testid="present-view"] ul.bullets li')).map(codePoints)).toEqual(TEXTS.map(codePoints));
    await screenshot(screen, 'presenter-content-unicode');

    await showSlide(screen, reread, choiceSlide.id);
    expect(codePoints((await stage.getByRole('heading', { level: 2 }).first().textContent()) ?? '')).toBe(codePoints(BIDI));
    const rowLabels = await texts(screen, '[data-testid="present-results"] tbody th');
    expect(rowLabels.map(codePoints)).toEqual(options.map((o) => codePoints(o.label)));
    const barLabels = await texts(screen, '[data-testid="present-results"] .bars .name');
    expect(barLabels.map(codePoints)).toEqual(options.map((o) => codePoints(o.label)));
    await phone.getByTestId('answer-option').first().waitFor();
    expect((await texts(phone, '[data-testid="answer-option"]')).map((t) => codePoints(t.trim()))).toEqual(
      options.map((o) => codePoints(o.label)),
    );
    await screenshot(screen, 'presenter-choice-unicode');
    await screenshot(phone, 'phone-choice-unicode');

    for (const [slide, question] of [
      [openSlide, open.question],
      [wordsSlide, words.question],
    ] as const) {
      await showSlide(screen, reread, slide.id);
      expect(codePoints((await stage.getByRole('heading', { level: 2 }).first().textContent()) ?? '')).toBe(codePoints(question));
      await expect
        .poll(async () => codePoints((await phone.getByRole('heading', { level: 1 }).last().textContent()) ?? ''))
        .toBe(codePoints(question));
    }
  });
});
