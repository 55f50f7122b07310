import { describe, expect, it } from 'vitest';
import { cleanText, hasLoneSurrogate, textLength, wordKey } from './text.js';

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}'; // man ZWJ woman ZWJ girl ZWJ boy
const A_RING_NFD = 'a\u030A'; // a + combining ring above
const A_RING_NFC = '\u00E5'; // å

describe('textLength counts user-perceived characters', () => {
  it('plain text', () => {
    expect(textLength('')).toBe(0);
    expect(textLength('abc')).toBe(3);
    expect(textLength('hej då')).toBe(6);
  });

  it('a combining mark counts with its base', () => {
    expect(A_RING_NFD.length).toBe(2);
    expect(textLength(A_RING_NFD)).toBe(1);
    expect(textLength(`${A_RING_NFD}ngest`)).toBe(6);
    expect(textLength(A_RING_NFC)).toBe(1);
  });

  it('emoji: a ZWJ family, a flag, a skin tone modifier each count 1', () => {
    expect(FAMILY.length).toBe(11);
    expect(textLength(FAMILY)).toBe(1);
    expect(textLength('\u{1F1F8}\u{1F1EA}')).toBe(1); // 🇸🇪
    expect(textLength('\u{1F44D}\u{1F3FD}')).toBe(1); // 👍🏽
    expect(textLength(`${FAMILY}${FAMILY}x`)).toBe(3);
  });

  it('right-to-left text counts its letters', () => {
    expect(textLength('שלום')).toBe(4);
    expect(textLength('مرحبا')).toBe(5);
  });
});

describe('cleanText', () => {
  it('trims and collapses runs of whitespace to one space', () => {
    expect(cleanText('  hello   world \t\n ')).toBe('hello world');
    expect(cleanText('a\u00A0\u00A0b')).toBe('a b');
    expect(cleanText('   ')).toBe('');
  });

  it('keeps case and every other character as typed', () => {
    expect(cleanText(' Ledarskap ')).toBe('Ledarskap');
    expect(cleanText(A_RING_NFD)).toBe(A_RING_NFD);
    expect(cleanText(` ${FAMILY} `)).toBe(FAMILY);
    expect(cleanText('שלום עולם')).toBe('שלום עולם');
  });
});

describe('wordKey', () => {
  it('is case-insensitive', () => {
    expect(wordKey('Ledarskap')).toBe('ledarskap');
    expect(wordKey('LEDARSKAP')).toBe(wordKey('ledarskap'));
  });

  it('is whitespace-insensitive at the ends and inside runs', () => {
    expect(wordKey('  ledar   skap ')).toBe('ledar skap');
    expect(wordKey(' ledarskap')).toBe(wordKey('ledarskap '));
  });

  it('merges NFC and NFD spellings', () => {
    expect(wordKey(`${A_RING_NFD}ngest`)).toBe(wordKey(`${A_RING_NFC}ngest`));
    expect(wordKey(`A\u030Angest`)).toBe(`${A_RING_NFC}ngest`);
  });

  it('lowercases Swedish å ä ö', () => {
    expect(wordKey('ÅÄÖ')).toBe('åäö');
    expect(wordKey('Ärlighet')).toBe('ärlighet');
    expect(wordKey('Öppenhet')).toBe(wordKey('öppenhet'));
  });

  it('keeps different words apart', () => {
    expect(wordKey('ära')).not.toBe(wordKey('ara'));
    expect(wordKey('ledar skap')).not.toBe(wordKey('ledarskap'));
  });
});

describe('hasLoneSurrogate', () => {
  it('is true for a lone high or low surrogate', () => {
    expect(hasLoneSurrogate('\uD83D')).toBe(true);
    expect(hasLoneSurrogate('a\uDE00b')).toBe(true);
    expect(hasLoneSurrogate('\uDE00\uD83D')).toBe(true); // reversed pair
  });

  it('is false for well-formed text, emoji included', () => {
    expect(hasLoneSurrogate('')).toBe(false);
    expect(hasLoneSurrogate('hej')).toBe(false);
    expect(hasLoneSurrogate('\uD83D\uDE00')).toBe(false);
    expect(hasLoneSurrogate(FAMILY)).toBe(false);
  });
});
