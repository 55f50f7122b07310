import { describe, expect, it } from 'vitest';
import { screenAction, type KeyPress } from './screen-keys';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  repeat: false,
  target: document.body,
  ...more,
});

describe('the big screen’s keys', () => {
  it('steps with a clicker’s keys, the arrows and Space', () => {
    expect(['ArrowRight', 'PageDown', ' '].map((key) => screenAction(press(key)))).toEqual(['next', 'next', 'next']);
    expect(['ArrowLeft', 'PageUp'].map((key) => screenAction(press(key)))).toEqual(['previous', 'previous']);
  });

  it('H reveals or hides the results (not the code bar), L locks, B blacks, Q the join screen, F full screen, ? the list', () => {
    const keys = ['h', 'l', 'b', 'q', 'f', '?', 'Escape'];
    expect(keys.map((key) => screenAction(press(key)))).toEqual(['reveal', 'lock', 'black', 'join', 'fullscreen', 'shortcuts', 'close']);
    expect(['H', 'L', 'B', 'Q', 'F'].map((key) => screenAction(press(key)))).toEqual(['reveal', 'lock', 'black', 'join', 'fullscreen']);
  });

  it('leaves every other key, and any with Ctrl, Cmd or Alt, to the browser', () => {
    expect(['Enter', 'Tab', 'x', 'ArrowUp', 'Backspace'].map((key) => screenAction(press(key)))).toEqual([null, null, null, null, null]);
    expect(screenAction(press('f', { ctrlKey: true }))).toBeNull();
    expect(screenAction(press('ArrowRight', { metaKey: true }))).toBeNull();
    expect(screenAction(press('b', { altKey: true }))).toBeNull();
  });

  it('leaves Space and Enter to a focused button or link, and every key to a text field', () => {
    const button = document.createElement('button');
    const link = document.createElement('a');
    const field = document.createElement('input');
    expect(screenAction(press(' ', { target: button }))).toBeNull();
    expect(screenAction(press(' ', { target: link }))).toBeNull();
    expect(screenAction(press('ArrowRight', { target: button }))).toBe('next');
    expect(screenAction(press('b', { target: field }))).toBeNull();
  });

  it('steps on while a key is held, but does not flicker a switch', () => {
    expect(screenAction(press('PageDown', { repeat: true }))).toBe('next');
    expect(screenAction(press('ArrowLeft', { repeat: true }))).toBe('previous');
    expect(['b', 'h', 'q', 'l'].map((key) => screenAction(press(key, { repeat: true })))).toEqual([null, null, null, null]);
  });
});
