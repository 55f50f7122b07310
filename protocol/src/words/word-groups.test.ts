import { describe, expect, it } from 'vitest';
import { countedWordKey, wordGroupKey } from './word-groups.js';

const same = (language: 'sv' | 'en', ...entries: string[]) => new Set(entries.map((entry) => wordGroupKey(entry, language)));

describe('wordGroupKey', () => {
  it('puts the inflected forms of one Swedish word together', () => {
    for (const forms of [
      ['kompetens', 'kompetensen', 'kompetenser', 'Kompetenserna'],
      ['kunskap', 'kunskaper', 'kunskapen', 'kunskaperna'],
      ['Förståelse', 'förståelse', 'förståelsen'],
      ['mod', 'modet'],
      ['ansvar', 'ansvaret'],
      ['vilja', 'viljan'],
      ['samarbete', 'samarbeten', 'samarbetet'],
      ['ledarskap', 'ledarskapet'],
      ['digitala kompetenser', 'digital kompetens', 'Digital  kompetens!'],
    ]) {
      expect(same('sv', ...forms).size, forms.join(', ')).toBe(1);
    }
  });

  it('keeps different Swedish words apart', () => {
    const words = ['kompetens', 'kunskap', 'mod', 'tillit', 'tid', 'ledarskap', 'förståelse', 'digital kompetens'];
    expect(same('sv', ...words).size).toBe(words.length);
  });

  it('puts English forms together', () => {
    expect(same('en', 'skill', 'skills', 'Skills').size).toBe(1);
    expect(same('en', 'competence', 'competences').size).toBe(1);
  });

  it('leaves filler words out of a phrase, and counts a filler word alone as nothing', () => {
    expect(wordGroupKey('kunskap om AI', 'sv')).toBe(wordGroupKey('kunskap AI', 'sv'));
    expect(wordGroupKey('och', 'sv')).toBe('');
    expect(wordGroupKey('the', 'en')).toBe('');
    expect(wordGroupKey(' !! ', 'sv')).toBe('');
  });

  it('keeps an abbreviation in capitals as a word, even where its letters spell a filler word', () => {
    expect(wordGroupKey('IT', 'en')).toBe('it');
    expect(wordGroupKey('it', 'en')).toBe('');
    expect(wordGroupKey('IT', 'sv')).toBe(wordGroupKey('it', 'sv'));
    expect(wordGroupKey('AI', 'sv')).toBe('ai');
  });

  it('ignores case, spacing, Unicode normalisation and punctuation around words, not inside them', () => {
    expect(wordGroupKey('  Tillit.  ', 'sv')).toBe(wordGroupKey('tillit', 'sv'));
    expect(wordGroupKey('fo\u0308rståelse', 'sv')).toBe(wordGroupKey('förståelse', 'sv'));
    expect(wordGroupKey('IT-stöd', 'sv')).not.toBe(wordGroupKey('IT stöd', 'sv'));
  });
});

describe('countedWordKey', () => {
  const key = (text: string) => wordGroupKey(text, 'sv');

  it('is the natural group when the presenter regrouped nothing', () => {
    expect(countedWordKey('Kompetensen', 'sv', new Map())).toBe(key('kompetens'));
  });

  it('follows merges to the end, and stops on a loop instead of hanging', () => {
    const groups = new Map([
      [key('mod'), key('tillit')],
      [key('tillit'), key('kunskap')],
    ]);
    expect(countedWordKey('modet', 'sv', groups)).toBe(key('kunskap'));
    const loop = new Map([
      [key('mod'), key('tillit')],
      [key('tillit'), key('mod')],
    ]);
    expect([key('mod'), key('tillit')]).toContain(countedWordKey('mod', 'sv', loop));
  });

  it('counts a split word form by form, case aside, and a word merged into it under the word', () => {
    const groups = new Map<string, string | null>([
      [key('politik'), null],
      [key('mod'), key('politik')],
    ]);
    const politik = countedWordKey('politik', 'sv', groups);
    const politiker = countedWordKey('Politiker', 'sv', groups);
    expect(politik).not.toBe(politiker);
    expect(countedWordKey('POLITIKER', 'sv', groups)).toBe(politiker);
    expect(countedWordKey('mod', 'sv', groups)).toBe(key('politik'));
  });

  it('leaves an entry of filler words uncounted whatever the groups say', () => {
    expect(countedWordKey('och', 'sv', new Map([['', 'x']]))).toBe('');
  });
});
