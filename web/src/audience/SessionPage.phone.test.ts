// The phone's page as a speaker's trial found it: results only after the phone's own answer, and a warning when offline.
import { PROTOCOL_VERSION, slideSchema, type Answer, type ServerMessage, type SessionState, type Slide } from '@ettor/protocol';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { FakeSocket } from '../test-support/fake-socket';
import { render, type Mounted } from '../test-support/render.svelte';
import SessionPage from './SessionPage.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
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

function state(overrides: Partial<SessionState> = {}): SessionState {
  return {
    sessionId: 'session-1',
    code: '84061391',
    title: 'Kommunfullmäktige',
    status: 'live',
    seq: 1,
    slideIndex: 0,
    slideCount: 1,
    slide: role,
    votingOpen: true,
    round: 0,
    closesInMs: null,
    pausedLeftMs: null,
    awaitingStart: false,
    participants: 3,
    anonymityThreshold: 1,
    strictAnonymity: false,
    split: null,
    askAnytime: null,
    reactions: false,
    screen: { black: false, joinScreen: false, codeBar: true },
    resultsShown: true,
    pace: 'presenter',
    openUntil: null,
    ...overrides,
  };
}

let mounted: Mounted<{ info: { sessionId: string; code: string; title: string } }> | undefined;

const welcome = (answers: Record<string, Answer> = {}): ServerMessage => ({
  type: 'welcome',
  v: PROTOCOL_VERSION,
  role: 'audience',
  participantToken: 'ncJAxDwE4YAuqVZTCObolVgFTANOi-53',
  state: state(),
  answers,
  questions: { asked: [], upvoted: [] },
  nickname: null,
});

function join(answers: Record<string, Answer> = {}) {
  mounted = render(SessionPage, { info: { sessionId: 'session-1', code: '84061391', title: 'Kommunfullmäktige' } });
  const page = mounted;
  const socket = () => {
    const last = FakeSocket.made.at(-1);
    if (!last) throw new Error('no socket');
    return last;
  };
  const serve = (message: ServerMessage) => {
    socket().receive(message);
    page.flush();
  };
  const answer = (optionId: string) => {
    page.target.querySelector<HTMLInputElement>(`[data-option-id="${optionId}"] input`)?.click();
    page.flush();
    page.target.querySelector<HTMLButtonElement>('[data-testid="submit-answer"]')?.click();
    page.flush();
  };
  socket().open();
  serve(welcome(answers));
  serve({ type: 'results', results: { kind: 'choice', slideId: 'role', respondents: 2, counts: [{ optionId: 'a', count: 2 }] } });
  const results = () => page.target.querySelector('.phone-bars');
  const offline = () => text(page.target.querySelector('[data-testid="offline-notice"]'));
  return { page, socket, serve, answer, results, offline };
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
});

describe('results on the phone', () => {
  beforeAll(() => setLocale('sv'));

  it('shows nothing of the results before the phone’s own answer is saved, and the results after it', () => {
    const { page, socket, serve, answer, results } = join();
    expect(results()).toBeNull();
    expect(page.target.textContent).not.toContain('Resultat hittills');

    answer('b');
    const sent = socket().sent.find((message) => message.type === 'answer');
    if (sent?.type !== 'answer') throw new Error('no answer sent');
    expect(results()).toBeNull();

    serve({ type: 'ack', clientId: sent.clientId, slideId: 'role', answer: sent.answer });
    expect(text(results()?.querySelector('h2'))).toBe('Resultat hittills');
  });

  it('shows the results to a phone that answered before it reconnected, and hides them again in a new round', () => {
    const { serve, results } = join({ role: { kind: 'choice', optionIds: ['a'] } });
    expect(results()).not.toBeNull();
    serve({ type: 'state', state: state({ seq: 2, round: 1 }) });
    expect(results()).toBeNull();
  });
});

describe('the offline warning', () => {
  beforeAll(() => setLocale('sv'));

  it('says the server is out of reach while the socket is down, and goes when it is back with the answer sent meanwhile', () => {
    const { page, socket, serve, answer, offline } = join();
    expect(page.target.querySelector('[data-testid="offline-notice"]')?.getAttribute('role')).toBe('status');
    expect(offline()).toBe('');

    const lost = socket();
    lost.onclose?.(new CloseEvent('close', { code: 1006 }));
    page.flush();
    // The browser still has a network: it is the server that went (a restart), not the phone.
    expect(offline()).toBe(
      'Kontakten med servern bröts – vi försöker igen. Svar du skickar nu skickas när kontakten är tillbaka, om sidan får vara öppen.',
    );
    answer('a');

    window.dispatchEvent(new Event('online'));
    expect(socket()).not.toBe(lost);
    socket().open();
    serve(welcome());
    expect(offline()).toBe('');
    expect(socket().sent.filter((message) => message.type === 'answer')).toMatchObject([{ slideId: 'role', answer: { optionIds: ['a'] } }]);
  });

  it('appears when the browser says it is offline, before the socket notices', () => {
    const { page, socket, serve, offline } = join();
    window.dispatchEvent(new Event('offline'));
    page.flush();
    expect(offline()).toContain('Du är offline.');
    // Its socket dropping as well changes nothing: the phone's own network is what to fix.
    socket().onclose?.(new CloseEvent('close', { code: 1006 }));
    page.flush();
    expect(offline()).toContain('Du är offline.');
    window.dispatchEvent(new Event('online'));
    page.flush();
    expect(offline()).toContain('Kontakten med servern bröts');
    socket().open();
    serve(welcome());
    page.flush();
    expect(offline()).toBe('');
  });
});
