// The phone's page with a quiz: the nickname asked for above the question, refusals in words, the wait for its countdown
// and a pause, and the score once it closes.
import { forPhones, PROTOCOL_VERSION, slideSchema, type SessionState, type Slide } from '@ettor/protocol';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { results as standings, slide as leaderboard } from '../slides/leaderboard/fixtures';
import { slide as quizSlide } from '../slides/quiz/fixtures';
import { FakeSocket } from '../test-support/fake-socket';
import { fetchPhoneParts } from '../test-support/phone-parts';
import { render, type Mounted } from '../test-support/render.svelte';
import SessionPage from './SessionPage.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const content: Slide = slideSchema.parse({ id: 'intro', kind: 'content', heading: 'Välkommen' });
// As the server sends it to phones: without its right answers.
const quiz = forPhones(quizSlide);

function state(current: Slide, overrides: Partial<SessionState> = {}): SessionState {
  return {
    sessionId: 'session-1',
    code: '84061391',
    title: 'Kommunquiz',
    status: 'live',
    seq: 1,
    slideIndex: 0,
    slideCount: 3,
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

function join(current: Slide, nickname: string | null = null, overrides: Partial<SessionState> = {}) {
  mounted = render(SessionPage, { info: { sessionId: 'session-1', code: '84061391', title: 'Kommunquiz' } });
  const socket = FakeSocket.made.at(-1);
  if (!socket) throw new Error('no socket');
  socket.open();
  socket.receive({
    type: 'welcome',
    v: PROTOCOL_VERSION,
    role: 'audience',
    participantToken: 'ncJAxDwE4YAuqVZTCObolVgFTANOi-53',
    state: state(current, overrides),
    answers: {},
    questions: { asked: [], upvoted: [] },
    nickname,
  });
  const page = mounted;
  page.flush();
  const find = (testid: string) => page.target.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
  const serve = (message: Parameters<FakeSocket['receive']>[0]) => {
    socket.receive(message);
    page.flush();
  };
  const play = (nickname: string) => {
    const field = find('nickname-input') as HTMLInputElement | null;
    if (!field) throw new Error('no nickname field');
    field.value = nickname;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    page.flush();
    find('nickname-submit')?.click();
    page.flush();
  };
  const lastNickname = () => {
    const sent = socket.sent.filter((message) => message.type === 'set-nickname').at(-1);
    if (sent?.type !== 'set-nickname') throw new Error('no nickname sent');
    return sent;
  };
  return { page, socket, find, serve, play, lastNickname };
}

beforeEach(() => {
  FakeSocket.made = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
  vi.unstubAllGlobals();
});

describe('nicknames on the phone’s page', () => {
  beforeAll(() => Promise.all([setLocale('sv'), fetchPhoneParts('quiz', 'leaderboard')]));

  it('asks for a nickname above the quiz question, which stays answerable', () => {
    const { page, find, socket } = join(quiz);
    const form = find('nickname-form');
    const question = find('submit-answer')?.closest('form');
    expect(form).not.toBeNull();
    expect(question).not.toBeNull();
    expect(form?.compareDocumentPosition(question as Node) ?? 0).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(text(form?.querySelector('label'))).toBe('Välj ett smeknamn');
    expect(text(find('nickname-submit'))).toBe('Spela');
    expect(text(find('nickname-skip'))).toBe('Spela utan smeknamn');

    page.target.querySelector<HTMLInputElement>('[data-option-id="b"] input')?.click();
    page.flush();
    find('submit-answer')?.click();
    page.flush();
    expect(socket.sent.filter((message) => message.type === 'answer')).toMatchObject([{ slideId: 'quiz', answer: { optionIds: ['b'] } }]);
  });

  it('sends the nickname, says why one was refused, and plays under the one the server took', () => {
    const { find, serve, play, lastNickname, page } = join(quiz);
    play('  Solrosen ');
    const first = lastNickname();
    expect(first.nickname).toBe('Solrosen');
    expect(find('nickname-state')?.dataset.state).toBe('sending');
    serve({ type: 'error', code: 'nickname_taken', message: 'Taken', clientId: first.clientId });
    expect(text(find('nickname-state'))).toBe('Smeknamnet är upptaget – välj ett annat.');
    expect(find('nickname-input')?.getAttribute('aria-invalid')).toBe('true');
    expect(page.target.querySelector('[role="alert"]')).toBeNull();

    play('Fulnamnet');
    serve({ type: 'error', code: 'nickname_refused', message: 'Refused', clientId: lastNickname().clientId });
    expect(text(find('nickname-state'))).toBe('Välj ett annat smeknamn.');

    play('Kvarnen');
    serve({ type: 'nickname', clientId: lastNickname().clientId, nickname: 'Kvarnen' });
    expect(find('nickname-form')).toBeNull();
    expect(text(find('nickname-playing-as'))).toBe('Du spelar som Kvarnen');
  });

  it('checks the length on the phone first, and sends nothing then', () => {
    const { find, play, socket } = join(quiz);
    play('   ');
    expect(text(find('nickname-state'))).toBe('Skriv ett smeknamn först.');
    play('x'.repeat(25));
    expect(text(find('nickname-state'))).toBe('Smeknamnet får vara högst 24 tecken.');
    expect(socket.sent.some((message) => message.type === 'set-nickname')).toBe(false);
  });

  it('plays without a nickname for the rest of the session once asked to', () => {
    const first = join(quiz);
    first.find('nickname-skip')?.click();
    first.page.flush();
    expect(first.find('nickname-form')).toBeNull();
    expect(text(first.find('nickname-skipped'))).toBe('Du spelar utan smeknamn.');
    first.page.destroy();

    const again = join(quiz);
    expect(again.find('nickname-form')).toBeNull();
  });

  it('shows the nickname the phone already has, and asks for none on other slides', () => {
    expect(text(join(quiz, 'Solrosen').find('nickname-playing-as'))).toBe('Du spelar som Solrosen');
    mounted?.destroy();
    const other = join(content);
    expect(other.find('nickname-form')).toBeNull();
    expect(other.find('score-card')).toBeNull();
  });
});

describe('the score on the phone’s page', () => {
  beforeAll(() => Promise.all([setLocale('sv'), fetchPhoneParts('quiz', 'leaderboard')]));

  it('shows no score while the question is open, and the outcome once it closes', () => {
    const { find, serve } = join(quiz, 'Solrosen');
    expect(find('score-card')).toBeNull();
    serve({ type: 'state', state: state(quiz, { seq: 2, votingOpen: false }) });
    expect(text(find('score-verdict'))).toBe('Räknar poängen…');
    serve({
      type: 'score',
      score: {
        total: 1750,
        rank: 2,
        players: 9,
        last: { slideId: 'quiz', answered: true, correct: true, points: 750, correctOptionIds: ['b'] },
      },
    });
    expect(text(find('score-verdict'))).toBe('✓ Rätt svar!');
    expect(text(find('score-standing'))).toBe('Totalt 1 750 poäng · Plats 2 av 9');
  });

  it('shows the standing above the leaderboard, and asks for a nickname there too', () => {
    const { find, serve, page } = join(leaderboard);
    serve({ type: 'results', results: standings });
    serve({ type: 'score', score: { total: 1800, rank: 2, players: 6, last: null } });
    expect(find('nickname-form')).not.toBeNull();
    expect(text(find('score-standing'))).toBe('Totalt 1 800 poäng · Plats 2 av 6');
    expect(find('leaderboard-phone')?.querySelectorAll('li')).toHaveLength(6);
    expect([...page.target.querySelectorAll('h1, h2')].map((heading) => `${heading.tagName} ${text(heading)}`)).toEqual([
      'H1 Kommunquiz',
      'H2 Ditt resultat',
      'H2 Ställningen',
    ]);
  });
});

describe('a quiz’s countdown on the phone’s page', () => {
  beforeAll(() => Promise.all([setLocale('sv'), fetchPhoneParts('quiz')]));

  const status = (page: Mounted<unknown>) => page.target.querySelector('form .notice[role="status"]');
  const option = (page: Mounted<unknown>, id: string) => page.target.querySelector<HTMLInputElement>(`[data-option-id="${id}"] input`);

  it('asks the room to wait while the countdown waits for its start, tells no score and no results, and opens when it starts', () => {
    const { page, find, serve } = join(quiz, 'Solrosen', { votingOpen: false, awaitingStart: true });
    expect(text(status(page))).toBe('Frågan startar snart – vänta på presentatören.');
    expect(option(page, 'b')?.disabled).toBe(true);
    expect(find('submit-answer')).toBeNull();
    expect(find('score-card')).toBeNull();

    // Someone away from the room gets nothing of how the room leans before it has had its time.
    (find('follow-toggle') as HTMLInputElement).click();
    page.flush();
    serve({
      type: 'results',
      results: { kind: 'quiz', slideId: 'quiz', respondents: 3, correct: 1, counts: [{ optionId: 'b', count: 3 }] },
    });
    expect(find('follow-results')).toBeNull();

    serve({ type: 'state', state: state(quiz, { seq: 2, closesInMs: 20_000 }) });
    expect(text(status(page))).toBe('');
    expect(option(page, 'b')?.disabled).toBe(false);
    expect(text(find('countdown'))).toBe('Svaren stängs om 20 s');
  });

  it('says the countdown is paused with the seconds it has left, shows none running and no score', () => {
    const { page, find, serve } = join(quiz, 'Solrosen', { closesInMs: 20_000 });
    serve({ type: 'state', state: state(quiz, { seq: 2, pausedLeftMs: 6_500 }) });
    expect(text(status(page))).toBe('Nedräkningen är pausad – 7 sekunder kvar.');
    expect(find('countdown')).toBeNull();
    expect(find('score-card')).toBeNull();
    expect(option(page, 'b')?.disabled).toBe(false);
  });
});
