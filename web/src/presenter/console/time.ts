// The console's clocks, read at a glance: one shape for every time (04:05, 1:04:05), whole seconds only.

/** Under this many seconds left, the remaining time asks for the speaker's attention. */
export const LOW_SECONDS = 5 * 60;

/** Whole seconds as mm:ss, or h:mm:ss from an hour on; a negative time counts as none. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(whole / 3600);
  const rest = `${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
  return hours > 0 ? `${hours}:${rest}` : rest;
}

/** The wall time as hours and minutes in the language's own style. */
export function formatClock(now: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(now);
}

/** Whole seconds since the session started; never negative when this device's clock is behind the server's. */
export function elapsedSeconds(startedAt: string, now: number): number {
  const start = Date.parse(startedAt);
  return Number.isNaN(start) ? 0 : Math.max(0, Math.floor((now - start) / 1000));
}

/** Seconds left of the planned length: negative once the talk runs over. */
export function remainingSeconds(plannedMinutes: number, elapsed: number): number {
  return plannedMinutes * 60 - elapsed;
}

/** How the remaining time should look: calm, a warning near the end, or over time. */
export function remainingState(remaining: number): 'plenty' | 'low' | 'over' {
  if (remaining < 0) return 'over';
  return remaining <= LOW_SECONDS ? 'low' : 'plenty';
}
