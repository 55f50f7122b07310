const key = (code: string) => `ettor.participant.${code}`;

/** The identity a phone keeps per join code, so a reload or reconnect stays the same participant. */
export function loadParticipantToken(code: string): string | undefined {
  try {
    return localStorage.getItem(key(code)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveParticipantToken(code: string, token: string): void {
  try {
    localStorage.setItem(key(code), token);
  } catch {
    // Without storage the phone is a new participant after a reload; answering still works.
  }
}
