import type { ErrorCode, QaQuestion } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { render, type Mounted } from '../../test-support/render.svelte';
import type { QaPhoneProps } from '../kind';
import { budget, buss, cykel, publicResults, question, results, skola, slide } from './fixtures';
import QaBoard from './QaBoard.svelte';

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<QaPhoneProps> | undefined;
afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
});

function board(overrides: Partial<QaPhoneProps> = {}) {
  const asked: [string, string | undefined][] = [];
  const votes: [string, boolean][] = [];
  const shown = render(QaBoard, {
    slide,
    results: publicResults,
    own: { asked: [], upvoted: [] },
    connected: true,
    ask: (questionText, name) => {
      asked.push([questionText, name]);
      return `ask-${asked.length}`;
    },
    upvote: (questionId, up) => {
      votes.push([questionId, up]);
      return `vote-${votes.length}`;
    },
    refusals: {},
    asked: {},
    ...overrides,
  });
  mounted = shown;
  const { target } = shown;
  const find = <E extends Element = HTMLElement>(testid: string) => target.querySelector<E>(`[data-testid="${testid}"]`);
  const type = (testid: string, value: string) => {
    const field = find<HTMLInputElement | HTMLTextAreaElement>(testid);
    if (!field) throw new Error(`no ${testid}`);
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    shown.flush();
  };
  const send = () => {
    find('qa-ask-submit')?.click();
    shown.flush();
  };
  const rows = () => [...target.querySelectorAll<HTMLElement>('[data-testid="qa-question"]')];
  const row = (id: string) => target.querySelector<HTMLElement>(`[data-testid="qa-question"][data-question-id="${id}"]`);
  const voteButton = (id: string) => row(id)?.querySelector<HTMLButtonElement>('[data-testid="qa-upvote"]') ?? null;
  return { target, props: shown.props, flush: shown.flush, find, type, send, rows, row, voteButton, asked, votes };
}

const refuse = (props: QaPhoneProps, clientId: string, code: ErrorCode) => (props.refusals = { ...props.refusals, [clientId]: code });
const mine = (asked: QaQuestion) => ({ ...asked, slideId: slide.id });

describe('asking on the phone', () => {
  beforeAll(() => setLocale('sv'));

  it("heads the page with the slide's invitation and labels every field, the count and the name optional", () => {
    const { target, find } = board();
    expect(text(target.querySelector('h2'))).toBe('Vad vill du fråga kommunstyrelsen?');
    const field = find('qa-ask-text');
    expect(text(target.querySelector(`label[for="${field?.id}"]`))).toBe('Din fråga');
    expect(field?.getAttribute('aria-describedby')?.split(' ')).toContain(find('qa-ask-count')?.id);
    expect(text(find('qa-ask-count'))).toBe('0 av 100 tecken');
    const name = find('qa-ask-name');
    expect(text(target.querySelector(`label[for="${name?.id}"]`))).toBe('Ditt namn (frivilligt)');
    expect(text(find('qa-ask-who'))).toBe('Du frågar anonymt.');
    expect(find('qa-ask-state')?.getAttribute('role')).toBe('status');
  });

  it('says who is asking as the name is typed, and sends the trimmed question with the name', () => {
    const { find, type, send, asked } = board();
    type('qa-ask-name', ' Anna ');
    expect(text(find('qa-ask-who'))).toBe('Du frågar som Anna.');
    type('qa-ask-text', '  Hur blir det med badhuset?  ');
    send();
    expect(asked).toEqual([['Hur blir det med badhuset?', 'Anna']]);
    expect(text(find('qa-ask-state'))).toBe('Skickar…');
  });

  it('offers no name where questions are anonymous, and asks without one', () => {
    const { find, type, send, asked } = board({ slide: { ...slide, names: false } });
    expect(find('qa-ask-name')).toBeNull();
    expect(text(find('qa-ask-who'))).toBe('Alla frågor här är anonyma.');
    type('qa-ask-text', 'Hur blir det med badhuset?');
    send();
    expect(asked).toEqual([['Hur blir det med badhuset?', undefined]]);
  });

  it('refuses an empty question and one over the slide’s limit before sending, and says why', () => {
    const { find, type, send, asked } = board();
    type('qa-ask-text', '   ');
    send();
    expect(asked).toEqual([]);
    expect(text(find('qa-ask-state'))).toBe('Skriv en fråga först.');
    expect(find('qa-ask-text')?.getAttribute('aria-invalid')).toBe('true');

    type('qa-ask-text', 'x'.repeat(101));
    expect(text(find('qa-ask-count'))).toBe('101 av 100 tecken');
    expect(find('qa-ask-state')?.dataset.state).toBe('idle');
    send();
    expect(asked).toEqual([]);
    expect(text(find('qa-ask-state'))).toBe('Frågan får vara högst 100 tecken.');
  });

  it('names the name’s own limit when the name is too long', () => {
    const { find, type, send, asked } = board();
    type('qa-ask-text', 'En kort fråga');
    type('qa-ask-name', 'N'.repeat(41));
    send();
    expect(asked).toEqual([]);
    expect(text(find('qa-ask-state'))).toBe('Namnet får vara högst 40 tecken.');
    expect(find('qa-ask-name')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('says an offline question will be sent later, then thanks once it is taken and empties the field for the next', () => {
    const { props, find, type, send, flush } = board({ connected: false, slide: { ...slide, approveFirst: true } });
    expect(text(find('qa-ask-who'))).toBe('Du frågar anonymt. Presentatören går igenom frågorna innan de visas för alla.');
    type('qa-ask-text', 'Hur blir det med badhuset?');
    send();
    expect(text(find('qa-ask-state'))).toBe('Frågan skickas när anslutningen är tillbaka…');
    props.asked = { 'ask-1': question('ny', 'Hur blir det med badhuset?', 0, 9, { status: 'pending' }) };
    flush();
    expect(text(find('qa-ask-state'))).toBe('✓ Tack! Din fråga är skickad och väntar på godkännande innan den visas för alla.');
    expect(find<HTMLTextAreaElement>('qa-ask-text')?.value).toBe('');
  });

  it("keeps a question the server refused, says why in the person's language, and sends it again once mended", () => {
    const { props, find, type, send, flush, asked } = board();
    type('qa-ask-text', 'Hur blir det med badhuset?');
    send();
    refuse(props, 'ask-1', 'rate_limited');
    flush();
    expect(text(find('qa-ask-state'))).toBe('Frågan skickades inte: För många försök på kort tid. Vänta en stund och försök igen.');
    expect(find<HTMLTextAreaElement>('qa-ask-text')?.value).toBe('Hur blir det med badhuset?');
    type('qa-ask-text', 'Hur blir det med badhuset nu?');
    expect(find('qa-ask-state')?.dataset.state).toBe('idle');
    send();
    expect(asked.map(([sent]) => sent)).toEqual(['Hur blir det med badhuset?', 'Hur blir det med badhuset nu?']);
  });
});

describe('the questions on the phone', () => {
  beforeAll(() => setLocale('sv'));

  it('lists only the questions everyone may see, most upvoted first, each with its name or Anonym, its votes and answered badge', () => {
    const { rows } = board({ results });
    expect(rows().map((row) => row.dataset.questionId)).toEqual(['skola', 'budget', 'buss']);
    expect(rows().map((row) => text(row.querySelector('.meta')))).toEqual(['Anna', 'Anonym', 'Anonym ✓ Besvarad']);
    expect(rows().map((row) => text(row.querySelector('.count')))).toEqual(['9', '5', '2']);
  });

  it('sorts by newest on request, the switch saying which order is on', () => {
    const { find, rows, flush } = board();
    expect(find('qa-sort-votes')?.getAttribute('aria-pressed')).toBe('true');
    find('qa-sort-newest')?.click();
    flush();
    expect(find('qa-sort-newest')?.getAttribute('aria-pressed')).toBe('true');
    expect(find('qa-sort-votes')?.getAttribute('aria-pressed')).toBe('false');
    expect(rows().map((row) => row.dataset.questionId)).toEqual(['buss', 'skola', 'budget']);
  });

  it('marks the question on the big screen', () => {
    const { row } = board({ results: { ...publicResults, questions: [{ ...skola, pinned: true }, budget, buss] } });
    expect(text(row('skola')?.querySelector('.meta'))).toBe('Anna Visas på storbilden');
  });

  it('toggles an upvote: the button says so at once, and a second press takes the vote back', () => {
    const { props, voteButton, votes, flush } = board();
    const button = voteButton('skola');
    expect(button?.getAttribute('aria-pressed')).toBe('false');
    expect(button?.getAttribute('aria-label')).toBe('Rösta på ”När öppnar den nya skolan?”, 9 röster');
    button?.click();
    flush();
    expect(votes).toEqual([['skola', true]]);
    expect(voteButton('skola')?.getAttribute('aria-pressed')).toBe('true');
    props.own = { asked: [], upvoted: ['skola'] };
    props.results = { ...publicResults, questions: [{ ...skola, votes: 10 }, budget, buss] };
    flush();
    expect(voteButton('skola')?.getAttribute('aria-pressed')).toBe('true');
    expect(voteButton('skola')?.getAttribute('aria-label')).toBe('Rösta på ”När öppnar den nya skolan?”, 10 röster');
    voteButton('skola')?.click();
    flush();
    expect(votes).toEqual([
      ['skola', true],
      ['skola', false],
    ]);
    expect(voteButton('skola')?.getAttribute('aria-pressed')).toBe('false');
  });

  it('puts a refused vote back and says why', () => {
    const { props, voteButton, find, flush } = board();
    voteButton('budget')?.click();
    flush();
    refuse(props, 'vote-1', 'question_hidden');
    flush();
    expect(voteButton('budget')?.getAttribute('aria-pressed')).toBe('false');
    expect(text(find('qa-vote-state'))).toBe('Rösten räknades inte: Frågan visas inte längre, så det går inte att rösta på den.');
  });

  it('says a vote made offline will be sent', () => {
    const { voteButton, find, flush } = board({ connected: false });
    voteButton('buss')?.click();
    flush();
    expect(text(find('qa-vote-state'))).toBe('Rösten skickas när anslutningen är tillbaka.');
  });

  it('offers no vote on the phone’s own question, and says why', () => {
    const { voteButton, row, votes } = board({ own: { asked: [mine(budget)], upvoted: [] } });
    const button = voteButton('budget');
    expect(button?.disabled).toBe(true);
    expect(button?.getAttribute('aria-label')).toBe('”Hur går det med budgeten?” är din egen fråga, så du kan inte rösta på den. 5 röster');
    expect(text(row('budget')?.querySelector('.meta'))).toBe('Anonym Din fråga');
    button?.click();
    expect(votes).toEqual([]);
  });

  it("shows the phone's own questions awaiting approval first, marked so, without a vote", () => {
    const other = question('annan', 'En annan Q&A:s fråga', 0, 6, { status: 'pending' });
    const { rows, row } = board({ own: { asked: [mine(cykel), { ...other, slideId: 'annan-bild' }], upvoted: [] } });
    expect(rows().map((entry) => entry.dataset.questionId)).toEqual(['cykel', 'skola', 'budget', 'buss']);
    expect(text(row('cykel')?.querySelector('.meta'))).toBe('Anonym Din fråga Väntar på godkännande');
    expect(row('cykel')?.querySelector('[data-testid="qa-upvote"]')).toBeNull();
  });

  it('invites the first question when there are none', () => {
    const { target, rows } = board({ results: undefined });
    expect(rows()).toEqual([]);
    expect(text(target.querySelector('.none'))).toBe('Inga frågor än. Ställ den första!');
  });

  it('names every control, and the sort switch as a group', () => {
    const { target } = board();
    for (const button of target.querySelectorAll('button')) expect(button.getAttribute('aria-label') ?? text(button)).not.toBe('');
    expect(target.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Sortera');
  });
});
