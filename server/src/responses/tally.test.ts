import {
  type Answer,
  type ChoiceSlide,
  type OpenSlide,
  type QuestionSlide,
  type Results,
  type ScaleSlide,
  type WordCloudSlide,
  cleanText,
  wordKey,
  slideSchema,
  summariseRatings,
} from '@ettor/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordGroupKey } from '@ettor/protocol/words';
import { NO_CONTEXT, SlideTally, type StoredAnswer, tally } from './tally.js';

const choice = slideSchema.parse({
  id: 'role',
  kind: 'choice',
  question: 'Role?',
  allowMultiple: true,
  options: [
    { id: 'c', label: 'C first' },
    { id: 'a', label: 'A second' },
    { id: 'b', label: 'B third' },
  ],
}) as ChoiceSlide;
const words = slideSchema.parse({ id: 'words', kind: 'wordcloud', question: 'Words?' }) as WordCloudSlide;
const open = slideSchema.parse({ id: 'open', kind: 'open', question: 'Say?' }) as OpenSlide;
const scale = slideSchema.parse({
  id: 'scale',
  kind: 'scale',
  question: 'Agree?',
  statements: [
    { id: 's2', label: 'Second id, first shown' },
    { id: 's1', label: 'First id, second shown' },
    { id: 's3', label: 'Nobody rates this' },
  ],
  steps: 5,
  allowSkip: true,
}) as ScaleSlide;

let nextId = 0;
const stored = (answer: Answer, updatedAt = '2025-01-01T10:00:00.000Z', id = `r${(nextId += 1)}`, hidden = false): StoredAnswer => ({
  id,
  answer,
  updatedAt,
  hidden,
});
const picks = (...optionIds: string[]) => stored({ kind: 'choice', optionIds });
const entries = (...list: string[]) => stored({ kind: 'wordcloud', entries: list });
const text = (t: string, updatedAt: string, id?: string) => stored({ kind: 'open', text: t }, updatedAt, id);
const rates = (...ratings: [string, number | null][]): Answer => ({
  kind: 'scale',
  ratings: ratings.map(([statementId, value]) => ({ statementId, value })),
});
const ratings = (...list: [string, number | null][]) => stored(rates(...list));

describe('tally: choice', () => {
  it('counts in option order with zeros, and counts respondents', () => {
    expect(tally(choice, [picks('a'), picks('a'), picks('b')])).toEqual({
      kind: 'choice',
      slideId: 'role',
      respondents: 3,
      counts: [
        { optionId: 'c', count: 0 },
        { optionId: 'a', count: 2 },
        { optionId: 'b', count: 1 },
      ],
    });
  });

  it('no answers: every option at zero', () => {
    expect(tally(choice, [])).toEqual({
      kind: 'choice',
      slideId: 'role',
      respondents: 0,
      counts: [
        { optionId: 'c', count: 0 },
        { optionId: 'a', count: 0 },
        { optionId: 'b', count: 0 },
      ],
    });
  });

  it('counts every option of a multiple-select answer, one respondent each', () => {
    const results = tally(choice, [picks('c', 'a', 'b'), picks('a', 'b'), picks('b')]);
    expect(results).toMatchObject({
      respondents: 3,
      counts: [
        { optionId: 'c', count: 1 },
        { optionId: 'a', count: 2 },
        { optionId: 'b', count: 3 },
      ],
    });
  });

  it('ignores answers of another kind and options no longer on the slide', () => {
    const results = tally(choice, [picks('a'), entries('a'), text('a', '2025-01-01T00:00:00Z'), picks('gone')]);
    expect(results).toMatchObject({
      respondents: 2,
      counts: [
        { optionId: 'c', count: 0 },
        { optionId: 'a', count: 1 },
        { optionId: 'b', count: 0 },
      ],
    });
  });

  it('property: counts sum to the number of selected ids; respondents equals the number of choice answers', () => {
    const ids = choice.options.map((o) => o.id);
    const choiceAnswer = fc.subarray(ids, { minLength: 1 }).map((optionIds) => ({ kind: 'choice' as const, optionIds }));
    const otherAnswer = fc.oneof(
      fc.constant<Answer>({ kind: 'open', text: 'x' }),
      fc.constant<Answer>({ kind: 'wordcloud', entries: ['a'] }),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(choiceAnswer, otherAnswer), { maxLength: 60 }), (answers) => {
        const results = tally(
          choice,
          answers.map((answer, i) => ({ id: `r${i}`, answer, updatedAt: '2025-01-01T00:00:00Z', hidden: false })),
        );
        if (results.kind !== 'choice') throw new Error('expected choice results');
        const choices = answers.filter((a) => a.kind === 'choice');
        const selected = choices.reduce((sum, a) => sum + a.optionIds.length, 0);
        expect(results.counts.map((c) => c.optionId)).toEqual(ids);
        expect(results.counts.reduce((sum, c) => sum + c.count, 0)).toBe(selected);
        expect(results.respondents).toBe(choices.length);
        for (const { count } of results.counts) expect(count).toBeLessThanOrEqual(choices.length);
      }),
    );
  });
});

describe('tally: word cloud', () => {
  it('merges case- and whitespace-insensitively, shown in the most common spelling', () => {
    const results = tally(words, [
      entries('Ledarskap'),
      entries(' ledarskap'),
      entries('LEDARSKAP'),
      entries('ledarskap'),
      entries('ledarskap'),
    ]);
    expect(results).toEqual({
      kind: 'wordcloud',
      slideId: 'words',
      respondents: 5,
      words: [{ text: 'ledarskap', count: 5, hidden: false, forms: [] }],
    });
  });

  it('shows the most common spelling with whitespace ignored, and never with stray whitespace', () => {
    const results = tally(words, [entries('Ledarskap'), entries(' ledarskap'), entries('ledarskap ')]);
    expect(results).toMatchObject({ words: [{ text: 'ledarskap', count: 3, hidden: false, forms: [] }] });
  });

  it('"Ledarskap", " ledarskap", "LEDARSKAP" count as one word, count 3', () => {
    const results = tally(words, [entries('Ledarskap', 'Mod'), entries(' ledarskap'), entries('LEDARSKAP')]);
    if (results.kind !== 'wordcloud') throw new Error('expected word cloud results');
    expect(results.respondents).toBe(3);
    expect(results.words.map((w) => w.count)).toEqual([3, 1]);
    expect(results.words[0]?.text.trim().toLowerCase()).toBe('ledarskap');
    expect(results.words[1]).toEqual({ text: 'Mod', count: 1, hidden: false, forms: [] });
  });

  it('ties between spellings go to the first in Swedish collation, lower case before capitals', () => {
    const results = tally(words, [entries('Ledarskap'), entries('LEDARSKAP'), entries('ledarskap')]);
    expect(results).toMatchObject({ words: [{ text: 'ledarskap', count: 3, hidden: false, forms: [] }] });
    const reversed = tally(words, [entries('LEDARSKAP'), entries('Ledarskap'), entries('ledarskap')]);
    expect(reversed).toMatchObject({ words: [{ text: 'ledarskap', count: 3, hidden: false, forms: [] }] });
    const capitalised = tally(words, [entries('LEDARSKAP'), entries('Ledarskap'), entries('Ledarskap')]);
    expect(capitalised).toMatchObject({ words: [{ text: 'Ledarskap', count: 3, hidden: false, forms: [] }] });
  });

  it('merges NFC and NFD spellings', () => {
    const results = tally(words, [entries('\u00E5r'), entries('a\u030Ar'), entries('\u00E5r')]);
    expect(results).toMatchObject({ words: [{ text: '\u00E5r', count: 3, hidden: false, forms: [] }] });
  });

  it('sorts by count, most frequent first, equal counts alphabetically', () => {
    const results = tally(words, [
      entries('Tillit', 'Mod', 'Ärlighet'),
      entries('mod', 'ansvar'),
      entries('MOD', 'tillit'),
      entries('Zebra'),
    ]);
    expect(results).toEqual({
      kind: 'wordcloud',
      slideId: 'words',
      respondents: 4,
      words: [
        { text: 'mod', count: 3, hidden: false, forms: [] },
        { text: 'tillit', count: 2, hidden: false, forms: [] },
        { text: 'ansvar', count: 1, hidden: false, forms: [] },
        { text: 'Zebra', count: 1, hidden: false, forms: [] },
        { text: 'Ärlighet', count: 1, hidden: false, forms: [] },
      ],
    });
  });

  it('orders words that collate as equal by code units, whatever the answer order', () => {
    const zeroWidth = 'mod\u200B';
    expect(tally(words, [entries(zeroWidth), entries('mod')])).toEqual(tally(words, [entries('mod'), entries(zeroWidth)]));
  });

  it('ignores answers of another kind and empty entries', () => {
    const results = tally(words, [entries('a'), picks('a'), text('a', '2025-01-01T00:00:00Z'), entries('   ')]);
    expect(results).toEqual({
      kind: 'wordcloud',
      slideId: 'words',
      respondents: 2,
      words: [{ text: 'a', count: 1, hidden: false, forms: [] }],
    });
  });
});

describe('tally: open', () => {
  it('lists entries newest first by updatedAt, every respondent once', () => {
    const results = tally(open, [
      text('first', '2025-01-01T10:00:00.000Z', 'x1'),
      text('third', '2025-01-01T10:00:02.000Z', 'x3'),
      text('second', '2025-01-01T10:00:01.000Z', 'x2'),
    ]);
    expect(results).toEqual({
      kind: 'open',
      slideId: 'open',
      respondents: 3,
      entries: [
        { id: 'x3', text: 'third', hidden: false },
        { id: 'x2', text: 'second', hidden: false },
        { id: 'x1', text: 'first', hidden: false },
      ],
    });
  });

  it('orders equal times by id, stably whatever the input order', () => {
    const a = text('A', '2025-01-01T10:00:00.000Z', 'id-a');
    const b = text('B', '2025-01-01T10:00:00.000Z', 'id-b');
    expect(tally(open, [a, b])).toEqual(tally(open, [b, a]));
  });

  it('ignores answers of another kind and keeps text as stored', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const results = tally(open, [picks('a'), entries('w'), text(`a\u030A ${family} שלום`, '2025-01-01T10:00:00.000Z', 'o1')]);
    expect(results).toEqual({
      kind: 'open',
      slideId: 'open',
      respondents: 1,
      entries: [{ id: 'o1', text: `a\u030A ${family} שלום`, hidden: false }],
    });
  });

  it('flags hidden answers and hidden words for the host, without changing the counts', () => {
    const wall = tally(open, [
      text('Keep', '2025-01-01T10:00:00.000Z', 'o1'),
      stored({ kind: 'open', text: 'Hide me' }, '2025-01-01T11:00:00.000Z', 'o2', true),
    ]);
    expect(wall).toEqual({
      kind: 'open',
      slideId: 'open',
      respondents: 2,
      entries: [
        { id: 'o2', text: 'Hide me', hidden: true },
        { id: 'o1', text: 'Keep', hidden: false },
      ],
    });
    const cloud = tally(words, [entries('Mod', 'Ledarskap'), entries('mod ')], { ...NO_CONTEXT, hiddenWords: new Set(['mod']) });
    expect(cloud).toMatchObject({
      respondents: 2,
      words: [
        { text: 'mod', count: 2, hidden: true, forms: [] },
        { text: 'Ledarskap', count: 1, hidden: false, forms: [] },
      ],
    });
  });

  it('does not reorder the caller’s array', () => {
    const list = [text('old', '2025-01-01T00:00:00Z', 'o1'), text('new', '2025-01-02T00:00:00Z', 'o2')];
    tally(open, list);
    expect(list.map((a) => a.id)).toEqual(['o1', 'o2']);
  });
});

describe('tally: scale', () => {
  it('counts each statement per step in slide order, with "don\'t know", mean and population spread', () => {
    const results = tally(scale, [
      ratings(['s1', 1], ['s2', 5]),
      ratings(['s1', 3], ['s2', null]),
      ratings(['s1', 3]),
      ratings(['s1', 5], ['s2', 4]),
      ratings(['s2', null]),
    ]);
    expect(results).toEqual({
      kind: 'scale',
      slideId: 'scale',
      respondents: 5,
      statements: [
        { statementId: 's2', counts: [0, 0, 0, 1, 1], skipped: 2, n: 2, mean: 4.5, sd: 0.5, hidden: false },
        // Ratings 1, 3, 3, 5: mean 3, squared deviations 4 + 0 + 0 + 4 over 4 people.
        { statementId: 's1', counts: [1, 0, 2, 0, 1], skipped: 0, n: 4, mean: 3, sd: Math.SQRT2, hidden: false },
        { statementId: 's3', counts: [0, 0, 0, 0, 0], skipped: 0, n: 0, mean: null, sd: null, hidden: false },
      ],
    });
  });

  it('no answers: every statement at zero, without a mean', () => {
    expect(tally(scale, [])).toMatchObject({
      respondents: 0,
      statements: scale.statements.map(({ id }) => ({
        statementId: id,
        counts: [0, 0, 0, 0, 0],
        skipped: 0,
        n: 0,
        mean: null,
        sd: null,
        hidden: false,
      })),
    });
  });

  it('ignores answers of another kind and statements no longer on the slide', () => {
    const results = tally(scale, [ratings(['gone', 2], ['s1', 2]), picks('a'), entries('s1'), text('s1', '2025-01-01T00:00:00Z')]);
    expect(results).toMatchObject({
      respondents: 1,
      statements: [{ statementId: 's2', n: 0 }, { statementId: 's1', counts: [0, 1, 0, 0, 0], n: 1, mean: 2, sd: 0 }, { n: 0 }],
    });
  });
});

describe('SlideTally', () => {
  const answer = (id: string, a: Answer, options: { updatedAt?: string; hidden?: boolean } = {}): StoredAnswer => ({
    id,
    answer: a,
    updatedAt: options.updatedAt ?? '2025-01-01T10:00:00.000Z',
    hidden: options.hidden ?? false,
  });

  it('a changed choice moves its count', () => {
    const counts = new SlideTally(choice);
    counts.upsert(answer('x', { kind: 'choice', optionIds: ['a'] }));
    counts.upsert(answer('x', { kind: 'choice', optionIds: ['b', 'c'] }));
    expect(counts.results()).toMatchObject({
      respondents: 1,
      counts: [
        { optionId: 'c', count: 1 },
        { optionId: 'a', count: 0 },
        { optionId: 'b', count: 1 },
      ],
    });
    expect(counts.size).toBe(1);
  });

  it('a changed word-cloud answer takes its words and spellings along', () => {
    const cloud = new SlideTally(words);
    cloud.upsert(answer('x', { kind: 'wordcloud', entries: ['MOD', 'Tillit'] }));
    cloud.upsert(answer('y', { kind: 'wordcloud', entries: ['MOD'] }));
    cloud.upsert(answer('z', { kind: 'wordcloud', entries: ['mod'] }));
    expect(cloud.results()).toMatchObject({
      words: [
        { text: 'MOD', count: 3 },
        { text: 'Tillit', count: 1 },
      ],
    });
    cloud.upsert(answer('x', { kind: 'wordcloud', entries: ['mod'] }));
    expect(cloud.results()).toEqual({
      kind: 'wordcloud',
      slideId: 'words',
      respondents: 3,
      words: [{ text: 'mod', count: 3, hidden: false, forms: [] }],
    });
  });

  it('the same row twice changes nothing', () => {
    const rows = [
      answer('x', { kind: 'choice', optionIds: ['a', 'b'] }),
      answer('y', { kind: 'wordcloud', entries: ['Mod', ' mod'] }),
      answer('z', { kind: 'open', text: 'Hej' }, { hidden: true }),
      answer('w', rates(['s1', 4], ['s2', null])),
    ];
    for (const slide of [choice, words, open, scale]) {
      const once = new SlideTally(slide);
      const twice = new SlideTally(slide);
      for (const row of rows) {
        once.upsert(row);
        twice.upsert(row);
        twice.upsert({ ...row });
      }
      expect(twice.results()).toEqual(once.results());
      expect(twice.size).toBe(rows.length);
    }
  });

  it('an answer replaced by one of another kind no longer counts, but its id is still held', () => {
    const counts = new SlideTally(choice);
    counts.upsert(answer('x', { kind: 'choice', optionIds: ['a'] }));
    counts.upsert(answer('x', { kind: 'open', text: 'a' }));
    expect(counts.results()).toMatchObject({ respondents: 0, counts: [{ count: 0 }, { count: 0 }, { count: 0 }] });
    expect(counts.size).toBe(1);
    const cloud = new SlideTally(words);
    cloud.upsert(answer('x', { kind: 'wordcloud', entries: ['Mod'] }));
    cloud.upsert(answer('x', { kind: 'choice', optionIds: ['a'] }));
    expect(cloud.results()).toEqual({ kind: 'wordcloud', slideId: 'words', respondents: 0, words: [] });
  });

  it('a new version of the slide shows an added option at zero, drops a removed one, and keeps the count of one put back', () => {
    const counts = new SlideTally(choice);
    counts.upsert(answer('x', { kind: 'choice', optionIds: ['a', 'b'] }));
    counts.upsert(answer('y', { kind: 'choice', optionIds: ['b'] }));
    const edited = slideSchema.parse({
      ...choice,
      options: [{ id: 'd', label: 'New' }, ...choice.options.filter((o) => o.id !== 'b')],
    }) as ChoiceSlide;
    counts.setSlide(edited);
    expect(counts.results()).toEqual({
      kind: 'choice',
      slideId: 'role',
      respondents: 2,
      counts: [
        { optionId: 'd', count: 0 },
        { optionId: 'c', count: 0 },
        { optionId: 'a', count: 1 },
      ],
    });
    counts.setSlide(choice);
    expect(counts.results()).toMatchObject({
      counts: [
        { optionId: 'c', count: 0 },
        { optionId: 'a', count: 1 },
        { optionId: 'b', count: 2 },
      ],
    });
  });

  it('an open answer upserted again takes its new hidden flag, text and time', () => {
    const wall = new SlideTally(open);
    wall.upsert(answer('o1', { kind: 'open', text: 'First' }, { updatedAt: '2025-01-01T10:00:00.000Z' }));
    wall.upsert(answer('o2', { kind: 'open', text: 'Second' }, { updatedAt: '2025-01-01T10:00:01.000Z' }));
    wall.upsert(answer('o1', { kind: 'open', text: 'First' }, { updatedAt: '2025-01-01T10:00:00.000Z', hidden: true }));
    expect(wall.results()).toMatchObject({
      respondents: 2,
      entries: [
        { id: 'o2', hidden: false },
        { id: 'o1', text: 'First', hidden: true },
      ],
    });
    wall.upsert(answer('o1', { kind: 'open', text: 'Changed' }, { updatedAt: '2025-01-01T10:00:02.000Z', hidden: false }));
    expect(wall.results()).toMatchObject({ respondents: 2, entries: [{ id: 'o1', text: 'Changed', hidden: false }, { id: 'o2' }] });
  });

  it('a changed scale answer moves its ratings, "don\'t know" included', () => {
    const counts = new SlideTally(scale);
    counts.upsert(answer('x', rates(['s1', 1], ['s2', 2])));
    counts.upsert(answer('y', rates(['s1', 5])));
    counts.upsert(answer('x', rates(['s1', 5], ['s2', null])));
    expect(counts.results()).toEqual({
      kind: 'scale',
      slideId: 'scale',
      respondents: 2,
      statements: [
        { statementId: 's2', counts: [0, 0, 0, 0, 0], skipped: 1, n: 0, mean: null, sd: null, hidden: false },
        { statementId: 's1', counts: [0, 0, 0, 0, 2], skipped: 0, n: 2, mean: 5, sd: 0, hidden: false },
        { statementId: 's3', counts: [0, 0, 0, 0, 0], skipped: 0, n: 0, mean: null, sd: null, hidden: false },
      ],
    });
    expect(counts.size).toBe(2);
  });

  it('a scale slide edited to fewer steps leaves out ratings beyond them, and shows them again when the steps come back', () => {
    const counts = new SlideTally(scale);
    for (const [id, value] of [
      ['x', 5],
      ['y', 2],
      ['z', 3],
    ] as const)
      counts.upsert(answer(id, rates(['s1', value])));
    const fewer = slideSchema.parse({
      ...scale,
      steps: 3,
      statements: [
        { id: 's1', label: 'Kept' },
        { id: 's4', label: 'New' },
      ],
    }) as ScaleSlide;
    counts.setSlide(fewer);
    expect(counts.results()).toEqual({
      kind: 'scale',
      slideId: 'scale',
      respondents: 3,
      statements: [
        { statementId: 's1', counts: [0, 1, 1], skipped: 0, n: 2, mean: 2.5, sd: 0.5, hidden: false },
        { statementId: 's4', counts: [0, 0, 0], skipped: 0, n: 0, mean: null, sd: null, hidden: false },
      ],
    });
    counts.setSlide(scale);
    expect(counts.results()).toMatchObject({
      statements: [{ statementId: 's2' }, { statementId: 's1', counts: [0, 1, 1, 0, 1], ...summariseRatings([0, 1, 1, 0, 1]) }, {}],
    });
  });

  it('flags hidden words given at construction', () => {
    const cloud = new SlideTally(words, { ...NO_CONTEXT, hiddenWords: new Set(['mod']) });
    cloud.upsert(answer('x', { kind: 'wordcloud', entries: ['Mod', 'Tillit'] }));
    expect(cloud.results()).toMatchObject({
      words: [
        { text: 'Mod', hidden: true },
        { text: 'Tillit', hidden: false },
      ],
    });
  });

  it('property: after every step, results equal the batch tally of the latest answer of each id', () => {
    // The kinds that came later have a property test of their own beside their tally (kinds/*.test.ts).
    const versions: Record<'choice' | 'wordcloud' | 'open' | 'scale', QuestionSlide[]> = {
      choice: [
        choice,
        slideSchema.parse({
          ...choice,
          options: [{ id: 'gone', label: 'Back' }, ...choice.options.filter((o) => o.id !== 'a')],
        }) as ChoiceSlide,
        slideSchema.parse({ ...choice, options: [...choice.options].reverse() }) as ChoiceSlide,
      ],
      wordcloud: [words, slideSchema.parse({ ...words, question: 'Other words?' }) as WordCloudSlide],
      open: [open, slideSchema.parse({ ...open, question: 'Say more?' }) as OpenSlide],
      scale: [
        scale,
        slideSchema.parse({ ...scale, steps: 3 }) as ScaleSlide,
        slideSchema.parse({
          ...scale,
          steps: 7,
          statements: [{ id: 'gone', label: 'Back' }, ...scale.statements.filter((s) => s.id !== 's1').reverse()],
        }) as ScaleSlide,
      ],
    };
    const variants = [
      'Mod',
      'mod',
      'MOD',
      ' mod ',
      'Ledarskap',
      'ledarskap',
      'LEDARSKAP',
      'Ärlighet',
      'ärlighet',
      '\u00E5r',
      'a\u030Ar',
      'År',
      ' ',
      '',
    ];
    const text = fc.oneof(
      fc.constantFrom(...variants),
      fc.string({ unit: fc.constantFrom('a', 'A', 'å', 'Å', 'a\u030A', 'ä', 'Ö', 'ö', 'm', ' ', '\t', '\n'), maxLength: 6 }),
    );
    const anAnswer = fc.oneof(
      fc
        .array(fc.constantFrom('a', 'b', 'c', 'gone'), { minLength: 1, maxLength: 4 })
        .map((optionIds): Answer => ({ kind: 'choice', optionIds })),
      fc.array(text, { minLength: 1, maxLength: 4 }).map((entries): Answer => ({ kind: 'wordcloud', entries })),
      text.map((t): Answer => ({ kind: 'open', text: t })),
      fc
        .uniqueArray(
          fc.record({ statementId: fc.constantFrom('s1', 's2', 's3', 'gone'), value: fc.constantFrom(null, 1, 2, 3, 4, 5, 6, 7) }),
          {
            minLength: 1,
            maxLength: 4,
            selector: (rating) => rating.statementId,
          },
        )
        .map((list): Answer => ({ kind: 'scale', ratings: list })),
    );
    const aStoredAnswer = fc.record({
      id: fc.constantFrom('p0', 'p1', 'p2', 'p3', 'p4'),
      answer: anAnswer,
      updatedAt: fc.constantFrom('2025-01-01T10:00:00.000Z', '2025-01-01T10:00:01.000Z', '2025-01-01T10:00:02.000Z'),
      hidden: fc.boolean(),
    });
    const step = fc.oneof(
      { weight: 5, arbitrary: aStoredAnswer.map((stored) => ({ upsert: stored })) },
      { weight: 1, arbitrary: fc.nat(2).map((version) => ({ version })) },
    );
    fc.assert(
      fc.property(
        fc.constantFrom('choice', 'wordcloud', 'open', 'scale'),
        fc.array(step, { maxLength: 40 }),
        fc.subarray(['mod', 'ledarskap', 'år', 'a']),
        (kind, steps, hidden) => {
          const hiddenWords = new Set(hidden);
          let slide = versions[kind][0]!;
          const context = { ...NO_CONTEXT, hiddenWords };
          const incremental = new SlideTally(slide, context);
          const latest = new Map<string, StoredAnswer>();
          for (const s of steps) {
            if ('upsert' in s) {
              incremental.upsert(s.upsert);
              latest.set(s.upsert.id, s.upsert);
            } else {
              slide = versions[kind][s.version % versions[kind].length]!;
              incremental.setSlide(slide);
            }
            const expected = referenceTally(slide, [...latest.values()], hiddenWords);
            // JSON, not deep equality: results go out as JSON, so key order is part of the contract.
            expect(JSON.stringify(incremental.results())).toBe(JSON.stringify(expected));
            expect(JSON.stringify(tally(slide, [...latest.values()], context))).toBe(JSON.stringify(expected));
            expect(incremental.size).toBe(latest.size);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

/**
 * The batch algorithm SlideTally replaced, recounting every answer, kept here as an independent reference
 * for the property above. Its word order for distinct keys that collate as equal depends on the answer
 * order, which the generated words never produce.
 */
function referenceTally(slide: QuestionSlide, answers: readonly StoredAnswer[], hiddenWords: ReadonlySet<string>): Results {
  const collator = new Intl.Collator('sv', { caseFirst: 'lower' });
  const byCollationThenCodeUnits = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
  switch (slide.kind) {
    case 'choice': {
      const counts = new Map(slide.options.map((o) => [o.id, 0]));
      let respondents = 0;
      for (const { answer } of answers) {
        if (answer.kind !== 'choice') continue;
        respondents += 1;
        for (const id of answer.optionIds) {
          const current = counts.get(id);
          if (current !== undefined) counts.set(id, current + 1);
        }
      }
      return { kind: 'choice', slideId: slide.id, respondents, counts: [...counts].map(([optionId, count]) => ({ optionId, count })) };
    }
    case 'wordcloud': {
      const found = new Map<string, { count: number; spellings: Map<string, number> }>();
      let respondents = 0;
      for (const { answer } of answers) {
        if (answer.kind !== 'wordcloud') continue;
        respondents += 1;
        const seen = new Set<string>();
        for (const entry of answer.entries) {
          const key = wordGroupKey(entry, 'sv');
          if (key.length === 0 || seen.has(key)) continue;
          seen.add(key);
          const word = found.get(key) ?? { count: 0, spellings: new Map<string, number>() };
          word.count += 1;
          const spelling = cleanText(entry);
          word.spellings.set(spelling, (word.spellings.get(spelling) ?? 0) + 1);
          found.set(key, word);
        }
      }
      const mostCommon = (spellings: Map<string, number>): string => {
        let best = '';
        let bestCount = -1;
        for (const [spelling, count] of spellings) {
          if (count > bestCount || (count === bestCount && byCollationThenCodeUnits(spelling, best) < 0)) {
            best = spelling;
            bestCount = count;
          }
        }
        return best;
      };
      // The label is the most given form, case aside, in its most common spelling; the other forms follow.
      const formsOf = (spellings: Map<string, number>): string[] => {
        const byForm = new Map<string, Map<string, number>>();
        for (const [spelling, count] of spellings) {
          const form = wordKey(spelling);
          byForm.set(form, (byForm.get(form) ?? new Map<string, number>()).set(spelling, count));
        }
        return [...byForm.values()]
          .map((forms) => ({ text: mostCommon(forms), count: [...forms.values()].reduce((a, b) => a + b, 0) }))
          .sort((a, b) => b.count - a.count || byCollationThenCodeUnits(a.text, b.text))
          .map((form) => form.text);
      };
      const list = [...found].map(([key, word]) => {
        const [text = '', ...forms] = formsOf(word.spellings);
        return { key, text, count: word.count, forms: forms.slice(0, 5) };
      });
      list.sort((a, b) => b.count - a.count || collator.compare(a.key, b.key));
      return {
        kind: 'wordcloud',
        slideId: slide.id,
        respondents,
        words: list.map(({ key, text, count, forms }) => ({ text, count, hidden: hiddenWords.has(key), forms })),
      };
    }
    case 'open': {
      const entries = answers
        .filter((a): a is StoredAnswer & { answer: { kind: 'open'; text: string } } => a.answer.kind === 'open')
        .sort((a, b) => (a.updatedAt === b.updatedAt ? b.id.localeCompare(a.id) : b.updatedAt.localeCompare(a.updatedAt)))
        .map((a) => ({ id: a.id, text: a.answer.text, hidden: a.hidden }));
      return { kind: 'open', slideId: slide.id, respondents: entries.length, entries };
    }
    case 'scale': {
      const rated = answers.flatMap(({ answer }) => (answer.kind === 'scale' ? [answer.ratings] : []));
      const statements = slide.statements.map(({ id }) => {
        const values = rated.flatMap((list) => list.filter((r) => r.statementId === id).map((r) => r.value));
        const counts = Array.from({ length: slide.steps }, (_, i) => values.filter((v) => v === i + 1).length);
        return { statementId: id, counts, skipped: values.filter((v) => v === null).length, ...summariseRatings(counts), hidden: false };
      });
      return { kind: 'scale', slideId: slide.id, respondents: rated.length, statements };
    }
    default:
      throw new Error(`No reference tally for ${slide.kind}.`);
  }
}
