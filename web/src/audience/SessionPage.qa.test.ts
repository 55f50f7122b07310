// The phone's page with a Q&A: asking and upvoting go through the live connection, and refusals reach what sent them.
import { PROTOCOL_VERSION, slideSchema, type ServerMessage, type SessionState, type Slide } from '@ettor/protocol';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { publicResults, skola, slide as qa } from '../slides/qa/fixtures';
import { FakeSocket } from '../test-support/fake-socket';
import { render, type Mounted } from '../test-support/render.svelte';
import SessionPage from './SessionPage.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const content: Slide = slideSchema.parse({ id: 'intro', kind: 'content', heading: 'Välkommen' });

function state(current: Slide, askAnytime: SessionState['askAnytime']): SessionState {
  return {
    sessionId: 'session-1',
    code: '84061391',
    title: 'Kommunfullmäktige',
    status: 'live',
    seq: 1,
    slideIndex: 0,
    slideCount: 2,
    slide: current,
    votingOpen: true,
    round: 0,
    closesInMs: null,
    pausedLeftMs: null,
    awaitingStart: false,
    participants: 3,
    anonymityThreshold: 5,
    strictAnonymity: false,
    split: null,
    askAnytime,
    reactions: false,
    screen: { black: false, joinScreen: false, codeBar: true },
    resultsShown: true,
    pace: 'presenter',
    openUntil: null,
  };
}

let mounted: Mounted<{ info: { sessionId: string; code: string; title: string } }> | undefined;

function join(current: Slide, askAnytime: SessionState['askAnytime'] = null) {
  mounted = render(SessionPage, { info: { sessionId: 'session-1', code: '84061391', title: 'Kommunfullmäktige' } });
  const socket = FakeSocket.made.at(-1);
  if (!socket) throw new Error('no socket');
  socket.open();
  socket.receive({
    type: 'welcome',
    v: PROTOCOL_VERSION,
    role: 'audience',
    participantToken: 'ncJAxDwE4YAuqVZTCObolVgFTANOi-53',
    state: state(current, askAnytime),
    answers: {},
    questions: { asked: [], upvoted: [] },
    nickname: null,
  });
  const page = mounted;
  page.flush();
  const find = (testid: string) => page.target.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
  const ask = (question: string) => {
    const field = find('qa-ask-text') as HTMLTextAreaElement | null;
    if (!field) throw new Error('no question field');
    field.value = question;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    page.flush();
    find('qa-ask-submit')?.click();
    page.flush();
  };
  const serve = (message: ServerMessage) => {
    socket.receive(message);
    page.flush();
  };
  return { target: page.target, socket, find, ask, serve };
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

describe('a Q&A on the phone’s page', () => {
  beforeAll(() => setLocale('sv'));

  it('asks the shown Q&A, thanks once the server took the question, and keeps its refusal to the form', () => {
    const { socket, find, ask, serve, target } = join(qa);
    expect(find('qa-board')).not.toBeNull();
    expect(find('qa-ask-anytime')).toBeNull();
    ask('Hur blir det med badhuset?');
    const [sent] = socket.sent.filter((message) => message.type === 'ask');
    expect(sent).toMatchObject({ type: 'ask', slideId: 'fragor', text: 'Hur blir det med badhuset?' });
    if (!sent) throw new Error('nothing asked');
    serve({
      type: 'asked',
      clientId: sent.clientId,
      question: { ...skola, id: 'ny', text: 'Hur blir det med badhuset?', slideId: 'fragor' },
    });
    expect(text(find('qa-ask-state'))).toBe('✓ Tack! Din fråga är skickad.');

    ask('En fråga till');
    const again = socket.sent.filter((message) => message.type === 'ask').at(-1);
    serve({ type: 'error', code: 'rate_limited', message: 'Too many', clientId: again?.type === 'ask' ? again.clientId : '' });
    expect(text(find('qa-ask-state'))).toBe('Frågan skickades inte: För många försök på kort tid. Vänta en stund och försök igen.');
    expect(target.querySelector('[role="alert"]')).toBeNull();
  });

  it("upvotes another's question and says why a vote was refused", () => {
    const { socket, find, serve, target } = join(qa);
    serve({ type: 'results', results: publicResults });
    target.querySelector<HTMLButtonElement>('[data-question-id="skola"] [data-testid="qa-upvote"]')?.click();
    mounted?.flush();
    const vote = socket.sent.find((message) => message.type === 'upvote');
    expect(vote).toMatchObject({ type: 'upvote', questionId: 'skola', up: true });
    serve({ type: 'error', code: 'own_question', message: 'Own', clientId: vote?.type === 'upvote' ? vote.clientId : '' });
    expect(text(find('qa-vote-state'))).toBe('Rösten räknades inte: Du kan inte rösta på din egen fråga.');
  });

  it('offers the Q&A that takes questions all along under any other slide, and asks it there', () => {
    const { socket, find, ask } = join(content, { ...qa, id: 'hela-tiden', question: 'Frågor till panelen' });
    const disclosure = find('qa-ask-anytime');
    expect(disclosure?.tagName).toBe('DETAILS');
    expect(text(disclosure?.querySelector('summary'))).toBe('Ställ en fråga');
    expect(text(disclosure?.querySelector('.hint'))).toBe('Din fråga hamnar under ”Frågor till panelen”.');
    ask('Hur blir det med badhuset?');
    expect(socket.sent.filter((message) => message.type === 'ask')).toMatchObject([{ slideId: 'hela-tiden' }]);
  });

  it('offers no Q&A under other slides when none takes questions all along', () => {
    const { find } = join(content);
    expect(find('qa-ask-anytime')).toBeNull();
  });
});
