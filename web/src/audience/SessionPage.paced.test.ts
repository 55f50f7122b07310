// The phone's page at the audience's own pace (turning the pages itself, back where it was after a reload, closed at
// the session's end) and for someone following the big screen from afar.
import { PROTOCOL_VERSION, slideSchema, type PacedSlide, type ServerMessage, type SessionState, type Slide } from '@ettor/protocol';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { Lazy } from '../slides/lazy.svelte';
import { rankingPhone } from '../slides/ranking/phone';
import { FakeSocket } from '../test-support/fake-socket';
import { render, type Mounted } from '../test-support/render.svelte';
import SessionPage from './SessionPage.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const intro: Slide = slideSchema.parse({ id: 'intro', kind: 'content', heading: 'Välkommen till kursen' });
const role: Slide = slideSchema.parse({
  id: 'role',
  kind: 'choice',
  question: 'Vilken roll har du?',
  options: [
    { id: 'a', label: 'Politiker' },
    { id: 'b', label: 'Tjänsteperson' },
  ],
  showResultsOnPhones: true,
});
const words: Slide = slideSchema.parse({ id: 'words', kind: 'wordcloud', question: 'Ett ord om förändring?' });
const deck: PacedSlide[] = [intro, role, words].map((slide) => ({
  slide,
  votingOpen: slide.kind !== 'content',
  round: 0,
  resultsShown: true,
}));

function state(overrides: Partial<SessionState> = {}): SessionState {
  return {
    sessionId: 'session-1',
    code: '84061391',
    title: 'Kurs i egen takt',
    status: 'live',
    seq: 1,
    slideIndex: 0,
    slideCount: 3,
    slide: intro,
    votingOpen: false,
    round: 0,
    closesInMs: null,
    pausedLeftMs: null,
    awaitingStart: false,
    participants: 3,
    anonymityThreshold: 3,
    strictAnonymity: false,
    split: null,
    askAnytime: null,
    reactions: true,
    screen: { black: false, joinScreen: false, codeBar: true },
    resultsShown: true,
    pace: 'audience',
    openUntil: '2030-06-30T21:59:59.000Z',
    ...overrides,
  };
}

let mounted: Mounted<{ info: { sessionId: string; code: string; title: string } }> | undefined;

function join(overrides: Partial<SessionState> = {}, sentDeck: PacedSlide[] | undefined = deck) {
  mounted = render(SessionPage, { info: { sessionId: 'session-1', code: '84061391', title: 'Kurs i egen takt' } });
  const page = mounted;
  const socket = FakeSocket.made.at(-1);
  if (!socket) throw new Error('no socket');
  socket.open();
  const welcome: ServerMessage = {
    type: 'welcome',
    v: PROTOCOL_VERSION,
    role: 'audience',
    participantToken: 'ncJAxDwE4YAuqVZTCObolVgFTANOi-53',
    state: state(overrides),
    answers: {},
    questions: { asked: [], upvoted: [] },
    nickname: null,
    ...(sentDeck ? { deck: sentDeck } : {}),
  };
  socket.receive(welcome);
  page.flush();
  const find = (testid: string) => page.target.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
  const serve = (message: ServerMessage) => {
    socket.receive(message);
    page.flush();
  };
  const click = (testid: string) => {
    find(testid)?.click();
    page.flush();
  };
  const viewed = () =>
    socket.sent.filter((message) => message.type === 'view').map((message) => message.type === 'view' && message.slideId);
  return { page, socket, find, serve, click, viewed };
}

beforeEach(() => {
  FakeSocket.made = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  localStorage.clear();
});

afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('at the audience’s own pace', () => {
  beforeAll(() => setLocale('sv'));

  it('turns the pages on the phone, tells the server where it is, and shows its own results once answered', async () => {
    const { page, socket, find, serve, click, viewed } = join();
    expect(text(find('slide-progress'))).toBe('Bild 1 av 3');
    expect(page.target.textContent).toContain('Välkommen till kursen');
    expect(find('paced-previous')?.hasAttribute('disabled')).toBe(true);
    expect(text(find('open-until'))).toMatch(/^Du kan svara fram till .*2030/);
    expect(viewed()).toEqual(['intro']);
    // Not the room's: no reactions to the presenter's slide and no following the big screen.
    expect(find('follow-toggle')).toBeNull();
    expect(page.target.querySelector('.reactions, [data-testid="reaction-bar"]')).toBeNull();

    click('paced-next');
    expect(text(find('slide-progress'))).toBe('Bild 2 av 3');
    expect(page.target.querySelector('h1')?.textContent).toBe('Vilken roll har du?');
    expect(viewed()).toEqual(['intro', 'role']);
    await vi.waitFor(() => expect(document.activeElement).toBe(find('slide-progress')));
    expect(localStorage.getItem('ettor.place.session-1')).toBe('role');

    page.target.querySelector<HTMLInputElement>('[data-option-id="b"] input')?.click();
    page.flush();
    click('submit-answer');
    const sent = socket.sent.find((message) => message.type === 'answer');
    if (sent?.type !== 'answer') throw new Error('no answer sent');
    serve({ type: 'ack', clientId: sent.clientId, slideId: 'role', answer: sent.answer });
    // Its own results, once answered, as the server sends them for the slide this phone is on.
    serve({ type: 'results', results: { kind: 'choice', slideId: 'role', respondents: 3, counts: [{ optionId: 'b', count: 3 }] } });
    expect(page.target.querySelector('.phone-bars')).not.toBeNull();

    click('paced-next');
    expect(find('paced-next')?.hasAttribute('disabled')).toBe(true);
    click('paced-previous');
    click('paced-previous');
    expect(text(find('slide-progress'))).toBe('Bild 1 av 3');
  });

  it('comes back to the slide it was on after a reload, and to the first when that slide is gone', () => {
    localStorage.setItem('ettor.place.session-1', 'words');
    const { find, serve, viewed } = join();
    expect(text(find('slide-progress'))).toBe('Bild 3 av 3');
    expect(viewed()).toEqual(['words']);

    serve({ type: 'deck', slides: deck.slice(0, 2) });
    expect(text(find('slide-progress'))).toBe('Bild 1 av 2');
  });

  it('shows a question the presenter closed as closed, and every question once the session has closed', () => {
    localStorage.setItem('ettor.place.session-1', 'role');
    const { page, find, serve } = join();
    expect(find('submit-answer')).not.toBeNull();
    serve({ type: 'deck', slides: deck.map((entry) => (entry.slide.id === 'role' ? { ...entry, votingOpen: false } : entry)) });
    expect(find('submit-answer')).toBeNull();
    expect(page.target.textContent).toContain('Svaren är stängda för den här frågan.');
    mounted?.destroy();

    const closed = join({ openUntil: '2020-01-31T12:00:00.000Z' });
    expect(text(closed.find('session-closed'))).toMatch(/^Den här sessionen stängde .*2020/);
    expect(closed.find('open-until')).toBeNull();
    expect(closed.find('submit-answer')).toBeNull();
  });

  it('closes answering on the phone the moment the session’s end passes', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2030-06-30T21:59:00.000Z'));
    localStorage.setItem('ettor.place.session-1', 'role');
    const { page, find } = join();
    expect(find('submit-answer')).not.toBeNull();
    vi.advanceTimersByTime(60_000);
    page.flush();
    expect(find('session-closed')).not.toBeNull();
    expect(find('submit-answer')).toBeNull();
  });

  it('fetches the form of a kind loaded on demand as soon as the deck has one, before the phone pages to it', async () => {
    const ranking: Slide = slideSchema.parse({
      id: 'order',
      kind: 'ranking',
      question: 'Vad är viktigast?',
      items: [
        { id: 'r1', label: 'Skolan' },
        { id: 'r2', label: 'Vården' },
      ],
    });
    const form = rankingPhone.Form;
    if (!(form instanceof Lazy)) throw new Error('the ranking form is in the bundle');
    expect(form.value).toBeUndefined();
    const { find } = join({}, [...deck, { slide: ranking, votingOpen: true, round: 0, resultsShown: true }]);
    expect(text(find('slide-progress'))).toBe('Bild 1 av 4');
    await vi.waitUntil(() => form.value, { timeout: 4_000 });
  });

  it('follows the presenter again, with no pages of its own, when the presenter takes the lead', () => {
    const { find, serve } = join();
    serve({ type: 'state', state: state({ seq: 2, pace: 'presenter', openUntil: null, slide: role, votingOpen: true, slideIndex: 1 }) });
    expect(find('paced-nav')).toBeNull();
    expect(text(find('slide-progress'))).toBe('Bild 2 av 3');
    expect(find('follow-toggle')).not.toBeNull();
  });
});

describe('following the big screen from afar', () => {
  beforeAll(() => setLocale('sv'));

  const atPresentersPace = { pace: 'presenter' as const, openUntil: null, slide: words, votingOpen: true, slideIndex: 2 };
  const cloud: ServerMessage = {
    type: 'results',
    results: {
      kind: 'wordcloud',
      slideId: 'words',
      respondents: 4,
      words: [
        { text: 'Mod', count: 3, hidden: false, forms: [] },
        { text: 'Tillit', count: 1, hidden: false, forms: [] },
      ],
    },
  };

  it('asks for the results of a kind phones otherwise do not draw, remembers it, and lists them', async () => {
    const { page, socket, find, serve } = join(atPresentersPace, undefined);
    const toggle = find('follow-toggle') as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(toggle.closest('label')?.textContent).toContain('Jag är inte i rummet – visa storbildens resultat');
    expect(socket.sent.filter((message) => message.type === 'follow')).toEqual([]);

    toggle.click();
    page.flush();
    expect(socket.sent.filter((message) => message.type === 'follow')).toEqual([{ type: 'follow', on: true }]);
    expect(localStorage.getItem('ettor.follow.session-1')).toBe('1');

    serve(cloud);
    const rows = () => [...(find('follow-results')?.querySelectorAll('li') ?? [])].map((row) => text(row));
    // The rows of kinds like this one are loaded when first needed.
    await vi.waitFor(() => {
      page.flush();
      expect(rows()).toEqual(['Mod 3 svar', 'Tillit 1 svar']);
    });
    expect(text(find('follow-results')?.querySelector('h2'))).toBe('Resultat hittills');

    // Held again, as on the big screen: the results go.
    serve({ type: 'state', state: state({ ...atPresentersPace, seq: 2, resultsShown: false }) });
    expect(find('follow-results')).toBeNull();
  });

  it('follows again after a reload, and shows nothing of the results to a phone in the room', () => {
    localStorage.setItem('ettor.follow.session-1', '1');
    const away = join(atPresentersPace, undefined);
    expect((away.find('follow-toggle') as HTMLInputElement).checked).toBe(true);
    expect(away.socket.sent.filter((message) => message.type === 'follow')).toEqual([{ type: 'follow', on: true }]);
    mounted?.destroy();
    localStorage.clear();

    const inRoom = join(atPresentersPace, undefined);
    inRoom.serve(cloud);
    expect(inRoom.find('follow-results')).toBeNull();
    expect(inRoom.find('withheld')).toBeNull();
  });
});
