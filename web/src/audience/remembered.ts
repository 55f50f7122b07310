// What a phone remembers of a session in this browser: its place at its own pace, and whether it follows from afar.
const placeKey = (sessionId: string) => `ettor.place.${sessionId}`;
const followKey = (sessionId: string) => `ettor.follow.${sessionId}`;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    // Private modes may forbid storage: the phone then starts at the first slide, in the room.
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Not remembered after a reload, but the page works as chosen until then.
  }
}

/** The slide this phone was last on in a session at its own pace; null before it moved. */
export const loadPlace = (sessionId: string): string | null => read(placeKey(sessionId));

export const savePlace = (sessionId: string, slideId: string): void => write(placeKey(sessionId), slideId);

/** Whether this phone follows the session's big screen from afar. */
export const loadFollowing = (sessionId: string): boolean => read(followKey(sessionId)) === '1';

export const saveFollowing = (sessionId: string, on: boolean): void => write(followKey(sessionId), on ? '1' : null);
