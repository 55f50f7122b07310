// The console takes the big screen's keys (../screen-keys.ts), so a clicker and the same letters work in both windows.
import { screenAction, type KeyPress, type ScreenAction } from '../screen-keys';

/** The big screen's actions less those of its own window: full screen, and Esc, which here only closes the dialog. */
export type ConsoleAction = Exclude<ScreenAction, 'fullscreen' | 'close'>;

/** Each action's keys as `KeyboardEvent.key` names them, in the order the list of shortcuts shows them. */
export const CONSOLE_KEYS: Readonly<Record<ConsoleAction, readonly string[]>> = {
  next: ['ArrowRight', 'PageDown'],
  previous: ['ArrowLeft', 'PageUp'],
  reveal: ['h'],
  lock: ['l'],
  black: ['b'],
  join: ['q'],
  shortcuts: ['?'],
};

const SYMBOLS: Readonly<Record<string, string>> = { ArrowRight: '→', ArrowLeft: '←' };

/** The console's action for a key press; the space bar scrolls the console rather than moving the talk on. */
export function consoleAction(press: KeyPress): ConsoleAction | null {
  if (press.key === ' ') return null;
  const action = screenAction(press);
  return action === null || action === 'fullscreen' || action === 'close' ? null : action;
}

/** A key as printed on the keyboard: arrows as arrows, letters in capitals. */
export function keyLabel(key: string): string {
  return SYMBOLS[key] ?? (key.length === 1 ? key.toUpperCase() : key);
}

/** An action's keys for `aria-keyshortcuts`, which names letters in capitals. */
export function ariaKeys(action: ConsoleAction): string {
  return CONSOLE_KEYS[action].map((key) => (key.length === 1 ? key.toUpperCase() : key)).join(' ');
}
