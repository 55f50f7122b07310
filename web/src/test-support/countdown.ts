import type { SessionState, Slide } from '@ettor/protocol';
import type { HostSession } from '../presenter/host-session.svelte';

export interface CountdownShown {
  /** Seconds until the running countdown closes answering; null without one running. */
  closesIn?: number | null;
  /** Milliseconds a paused countdown has left; null unless paused. */
  pausedLeftMs?: number | null;
  awaitingStart?: boolean;
  votingOpen?: boolean;
}

/** Puts a host session on `current`, its countdown as the server last told it: running, paused, or awaiting its start. */
export function showCountdown(
  host: HostSession,
  current: Slide,
  { closesIn = null, pausedLeftMs = null, awaitingStart = false, votingOpen = !awaitingStart }: CountdownShown = {},
): void {
  host.live.session = { slide: current, votingOpen, pausedLeftMs, awaitingStart } as SessionState;
  host.live.closesAt = closesIn === null ? null : Date.now() + closesIn * 1000;
  host.live.pausedLeftMs = pausedLeftMs;
  host.live.awaitingStart = awaitingStart;
}
