// What each key does on the big screen, from a clicker (PageUp, PageDown, the arrows) or the speaker's keyboard. Pure,
// so the map is tested without a browser.

export type ScreenAction = 'next' | 'previous' | 'reveal' | 'lock' | 'black' | 'join' | 'fullscreen' | 'shortcuts' | 'close';

const ACTIONS: Record<string, ScreenAction> = {
  ArrowRight: 'next',
  PageDown: 'next',
  ' ': 'next',
  ArrowLeft: 'previous',
  PageUp: 'previous',
  h: 'reveal',
  l: 'lock',
  b: 'black',
  q: 'join',
  f: 'fullscreen',
  '?': 'shortcuts',
  // Esc only closes what is open here: the projector must never show the editor and its speaker notes.
  Escape: 'close',
};

/** What a key press tells about the key and where it happened. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'repeat' | 'target'>;

/** The action of a key pressed on the big screen; null leaves the key to the browser or to the control it was pressed on. */
export function screenAction(press: KeyPress): ScreenAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const target = press.target instanceof Element ? press.target : null;
  if (target?.closest('input, textarea, select, [contenteditable]')) return null;
  // Space and Enter on a focused button or link belong to it.
  if ((press.key === ' ' || press.key === 'Enter') && target?.closest('button, a')) return null;
  const action = ACTIONS[press.key.length === 1 ? press.key.toLowerCase() : press.key] ?? null;
  // A held key steps through the slides, but would make a switch flicker.
  return press.repeat && action !== 'next' && action !== 'previous' ? null : action;
}
