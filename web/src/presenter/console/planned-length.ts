// The talk's planned length is the speaker's own plan, not the session's: kept in this browser, per session.

export const PLANNED_MINUTES = { min: 1, max: 600 } as const;

const storageKey = (sessionId: string) => `ettor.console.planned.${sessionId}`;

/** Whole minutes within the limits, from what the speaker typed; null for nothing or anything else. */
export function parsePlannedMinutes(text: string | null): number | null {
  const trimmed = text?.trim() ?? '';
  if (!/^\d+$/.test(trimmed)) return null;
  const minutes = Number(trimmed);
  return minutes >= PLANNED_MINUTES.min && minutes <= PLANNED_MINUTES.max ? minutes : null;
}

export function readPlannedMinutes(sessionId: string): number | null {
  try {
    return parsePlannedMinutes(localStorage.getItem(storageKey(sessionId)));
  } catch {
    // Private modes may forbid storage: the speaker types the length again after a reload.
    return null;
  }
}

/** Remembers the planned length, or forgets it (null). */
export function savePlannedMinutes(sessionId: string, minutes: number | null): void {
  try {
    if (minutes === null) localStorage.removeItem(storageKey(sessionId));
    else localStorage.setItem(storageKey(sessionId), String(minutes));
  } catch {
    // Not remembered, but still used until the page is reloaded.
  }
}
