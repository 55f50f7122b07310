import { describe, expect, it } from 'vitest';
import { ariaKeys, CONSOLE_KEYS, consoleAction, keyLabel, type ConsoleAction } from './shortcuts';

const press = (key: string, more: Partial<KeyboardEvent> = {}) =>
  consoleAction({ key, ctrlKey: false, metaKey: false, altKey: false, repeat: false, target: document.body, ...more });

describe('the console’s keys', () => {
  it('are the big screen’s, as the list of shortcuts shows them, letters in either case', () => {
    for (const [action, keys] of Object.entries(CONSOLE_KEYS) as [ConsoleAction, string[]][]) {
      for (const key of keys) expect(press(key)).toBe(action);
    }
    expect(press('H')).toBe('reveal');
  });

  it('leave out the big screen’s own window, and the space bar that scrolls the console', () => {
    expect(press('f')).toBeNull();
    expect(press('Escape')).toBeNull();
    expect(press(' ')).toBeNull();
  });

  it('do nothing while typing in a field or with a modifier', () => {
    const field = document.createElement('input');
    document.body.append(field);
    expect(press('b', { target: field })).toBeNull();
    field.remove();
    expect(press('b', { ctrlKey: true })).toBeNull();
    expect(press('ArrowLeft', { altKey: true })).toBeNull();
  });

  it('are named as printed on the keyboard, and for assistive technology', () => {
    expect(['ArrowRight', 'ArrowLeft', 'h', 'PageDown'].map(keyLabel)).toEqual(['→', '←', 'H', 'PageDown']);
    expect(ariaKeys('next')).toBe('ArrowRight PageDown');
    expect(ariaKeys('black')).toBe('B');
  });
});
