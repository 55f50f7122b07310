// The leaderboard in the presenter's control view: the standings as lines of text, each nickname with what is known of
// it on the big screen and the buttons to show or hide it there.
import type { ClientMessage, ModerateNicknameMessage } from '@ettor/protocol';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../i18n/i18n.svelte';
import { HostSession } from '../../presenter/host-session.svelte';
import { noModeration } from '../../test-support/moderation';
import { render, type Mounted } from '../../test-support/render.svelte';
import type { Moderation, SummaryProps } from '../kind';
import { moderated, results, slide } from './fixtures';
import LeaderboardSummary from './LeaderboardSummary.svelte';
type NicknameAction = ModerateNicknameMessage['action'];

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let mounted: Mounted<SummaryProps<'leaderboard'>> | undefined;
afterEach(() => {
  mounted?.destroy();
  mounted = undefined;
});

function summary(props: Partial<SummaryProps<'leaderboard'>> = {}) {
  const actions: [string, NicknameAction][] = [];
  const moderation: Moderation = { ...noModeration, moderateNickname: (nickname, action) => void actions.push([nickname, action]) };
  const shown = render(LeaderboardSummary, { slide: { ...slide, approveFirst: true }, results: moderated, moderation, ...props });
  mounted = shown;
  const entries = () => [...shown.target.querySelectorAll<HTMLElement>('[data-testid="leaderboard-entry"]')];
  const entry = (rank: number, nickname: string) =>
    entries().find((line) => line.dataset.rank === String(rank) && text(line.querySelector('.name')) === nickname);
  const press = (rank: number, nickname: string, button: 'nickname-approve' | 'nickname-hide') => {
    const found = entry(rank, nickname)?.querySelector<HTMLButtonElement>(`[data-testid="${button}"]`);
    if (!found) throw new Error(`no ${button} for ${nickname}`);
    found.click();
    shown.flush();
  };
  return { target: shown.target, entries, entry, press, actions };
}

/** A line as the presenter reads it: rank, nickname, points and status, then its buttons' words and labels. */
const line = (element: HTMLElement) => ({
  text: text(element.querySelector('.entry')),
  held: element.dataset.held,
  buttons: [...element.querySelectorAll('button')].map((button) => [text(button), button.getAttribute('aria-label')]),
});

describe("the control view's leaderboard", () => {
  beforeAll(() => setLocale('sv'));

  it('says how many play and how many questions count, then the standings, each name to hide', () => {
    const { target, entries } = summary({ results });
    expect(text(target.querySelector('p'))).toBe('Spelare: 6 · Quizfrågor: 3');
    expect(entries().map(line).slice(0, 4)).toEqual([
      { text: '1. Solrosen 2 450 poäng', held: 'none', buttons: [['Dölj', 'Dölj smeknamnet Solrosen']] },
      { text: '2. Kvarnen 1 800 poäng', held: 'none', buttons: [['Dölj', 'Dölj smeknamnet Kvarnen']] },
      { text: '2. Älgen 1 800 poäng', held: 'none', buttons: [['Dölj', 'Dölj smeknamnet Älgen']] },
      // A player without a nickname has nothing to moderate.
      { text: '4. Utan smeknamn 1 500 poäng', held: 'none', buttons: [] },
    ]);
    expect(target.querySelector('[data-testid="nickname-status"]')).toBeNull();
  });

  it('says which nicknames await approval or are hidden, and offers to show or hide each as fits', () => {
    const { entries } = summary();
    expect(entries().map(line)).toEqual([
      {
        text: '1. Solrosen 2 450 poäng (väntar på godkännande)',
        held: 'pending',
        buttons: [
          ['Visa', 'Visa smeknamnet Solrosen'],
          ['Dölj', 'Dölj smeknamnet Solrosen'],
        ],
      },
      { text: '2. Kvarnen 1 800 poäng (dolt)', held: 'hidden', buttons: [['Visa', 'Visa smeknamnet Kvarnen']] },
      { text: '2. Älgen 1 800 poäng', held: 'none', buttons: [['Dölj', 'Dölj smeknamnet Älgen']] },
      { text: '4. Utan smeknamn 1 500 poäng', held: 'none', buttons: [] },
      {
        text: '5. Byggaren 740 poäng (väntar på godkännande)',
        held: 'pending',
        buttons: [
          ['Visa', 'Visa smeknamnet Byggaren'],
          ['Dölj', 'Dölj smeknamnet Byggaren'],
        ],
      },
      { text: '6. Lodjuret 0 poäng (dolt)', held: 'hidden', buttons: [['Visa', 'Visa smeknamnet Lodjuret']] },
    ]);
  });

  it('sets a name awaiting approval apart with a primary button, and strikes a hidden one through', () => {
    const { entry } = summary();
    expect(entry(1, 'Solrosen')?.querySelector('[data-testid="nickname-approve"]')?.classList.contains('primary')).toBe(true);
    expect(entry(2, 'Kvarnen')?.querySelector('[data-testid="nickname-approve"]')?.classList.contains('primary')).toBe(false);
    expect(entry(2, 'Kvarnen')?.classList.contains('hidden')).toBe(true);
    expect(entry(1, 'Solrosen')?.classList.contains('hidden')).toBe(false);
  });

  it("hands the presenter's choice on, naming the player by their nickname", () => {
    const { press, actions } = summary();
    press(1, 'Solrosen', 'nickname-approve');
    press(2, 'Kvarnen', 'nickname-approve');
    press(2, 'Älgen', 'nickname-hide');
    press(5, 'Byggaren', 'nickname-hide');
    expect(actions).toEqual([
      ['Solrosen', 'approve'],
      ['Kvarnen', 'approve'],
      ['Älgen', 'hide'],
      ['Byggaren', 'hide'],
    ]);
  });

  it('sends a moderate-nickname message through the host session', () => {
    const host = new HostSession('session-1');
    const sent: ClientMessage[] = [];
    vi.spyOn(host.live, 'command').mockImplementation((message) => void sent.push(message));
    const { press } = summary({ moderation: host });
    press(1, 'Solrosen', 'nickname-approve');
    press(2, 'Älgen', 'nickname-hide');
    expect(sent).toEqual([
      { type: 'moderate-nickname', nickname: 'Solrosen', action: 'approve' },
      { type: 'moderate-nickname', nickname: 'Älgen', action: 'hide' },
    ]);
    host.stop();
  });

  it('follows the new standings once the server has them', () => {
    const { entry } = summary();
    if (!mounted) throw new Error('not mounted');
    mounted.props.results = {
      ...moderated,
      entries: moderated.entries.map((player) => (player.nickname === 'Solrosen' ? { ...player, held: null } : player)),
    };
    mounted.flush();
    expect(line(entry(1, 'Solrosen') as HTMLElement)).toEqual({
      text: '1. Solrosen 2 450 poäng',
      held: 'none',
      buttons: [['Dölj', 'Dölj smeknamnet Solrosen']],
    });
  });

  it('speaks English too', async () => {
    await setLocale('en');
    try {
      const { entry } = summary();
      expect(line(entry(1, 'Solrosen') as HTMLElement)).toEqual({
        text: '1. Solrosen 2,450 points (awaiting approval)',
        held: 'pending',
        buttons: [
          ['Show', 'Show the nickname Solrosen'],
          ['Hide', 'Hide the nickname Solrosen'],
        ],
      });
      expect(text(entry(2, 'Kvarnen')?.querySelector('[data-testid="nickname-status"]'))).toBe('(hidden)');
    } finally {
      await setLocale('sv');
    }
  });
});
