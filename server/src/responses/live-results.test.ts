import { type ChoiceSlide, type Results, slideSchema } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { LiveResults, type SlideAnswers } from './live-results.js';
import { NO_CONTEXT, type StoredAnswer } from './tally.js';

const SESSION = 's1';
const options = [
  { id: 'a', label: 'A' },
  { id: 'b', label: 'B' },
];
const slide = slideSchema.parse({ id: 'pick', kind: 'choice', question: 'Pick?', options, allowMultiple: true }) as ChoiceSlide;

const vote = (id: string, ...optionIds: string[]): StoredAnswer => ({
  id,
  answer: { kind: 'choice', optionIds },
  updatedAt: '2025-03-01T12:00:00.000Z',
  hidden: false,
});

const found = (round: number, answers: StoredAnswer[], shown: ChoiceSlide = slide): SlideAnswers => ({
  slide: shown,
  round,
  answers,
  context: NO_CONTEXT,
});

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((done, fail) => {
    resolve = done;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** A loader whose every call waits until the test settles it. */
function heldLoader() {
  const calls: { slideId: string; result: Deferred<SlideAnswers | undefined> }[] = [];
  const load = (sessionId: string, slideId: string): Promise<SlideAnswers | undefined> => {
    expect(sessionId).toBe(SESSION);
    const result = deferred<SlideAnswers | undefined>();
    calls.push({ slideId, result });
    return result.promise;
  };
  const call = (index: number) => {
    const made = calls[index];
    if (!made) throw new Error(`the loader was called ${calls.length} times, not ${index + 1}`);
    return made.result;
  };
  return { load, calls, call };
}

/** A loader that answers at once from what the store holds when it is called. */
function storeLoader(store: { round: number; answers: StoredAnswer[] }) {
  let calls = 0;
  const load = async (): Promise<SlideAnswers | undefined> => {
    calls += 1;
    return found(store.round, [...store.answers]);
  };
  return { load, calls: () => calls };
}

const choiceCounts = (results: Results | undefined): { respondents: number; counts: Record<string, number> } => {
  if (results?.kind !== 'choice') throw new Error(`expected choice results, got ${JSON.stringify(results)}`);
  return { respondents: results.respondents, counts: Object.fromEntries(results.counts.map((c) => [c.optionId, c.count])) };
};

describe('LiveResults', () => {
  it('loads a slide once and serves every later results() from memory', async () => {
    const store = storeLoader({ round: 1, answers: [vote('r1', 'a')] });
    const live = new LiveResults(SESSION, store.load);

    const together = await Promise.all([live.results('pick'), live.results('pick')]);
    const later = [await live.results('pick'), await live.results('pick')];

    expect(store.calls()).toBe(1);
    for (const results of [...together, ...later]) expect(choiceCounts(results)).toEqual({ respondents: 1, counts: { a: 1, b: 0 } });
  });

  it('loads each slide on its own', async () => {
    const loader = heldLoader();
    const live = new LiveResults(SESSION, loader.load);

    const pending = [live.results('pick'), live.results('other'), live.results('pick')];

    expect(loader.calls.map((call) => call.slideId)).toEqual(['pick', 'other']);
    loader.call(0).resolve(found(1, []));
    loader.call(1).resolve(undefined);
    await Promise.all(pending);
  });

  it('adds stored answers of the loaded round without loading again', async () => {
    const store = storeLoader({ round: 1, answers: [vote('r1', 'a')] });
    const live = new LiveResults(SESSION, store.load);
    await live.results('pick');

    live.stored('pick', 1, [vote('r2', 'a', 'b'), vote('r3', 'b')]);

    expect(choiceCounts(await live.results('pick'))).toEqual({ respondents: 3, counts: { a: 2, b: 2 } });
    expect(store.calls()).toBe(1);
  });

  it('replaces a held answer when a changed one with the same id is stored', async () => {
    const store = storeLoader({ round: 1, answers: [vote('r1', 'a')] });
    const live = new LiveResults(SESSION, store.load);
    await live.results('pick');

    live.stored('pick', 1, [vote('r1', 'b')]);

    expect(choiceCounts(await live.results('pick'))).toEqual({ respondents: 1, counts: { a: 0, b: 1 } });
  });

  it('ignores stored answers for a slide never loaded', async () => {
    const store = storeLoader({ round: 1, answers: [] });
    const live = new LiveResults(SESSION, store.load);

    live.stored('pick', 1, [vote('r1', 'a')]);

    expect(store.calls()).toBe(0);
    expect(choiceCounts(await live.results('pick'))).toEqual({ respondents: 0, counts: { a: 0, b: 0 } });
  });

  it.each([
    ['already includes them', [vote('r1', 'a'), vote('r2', 'b')]],
    ['does not include them yet', [vote('r1', 'a')]],
  ])('counts answers stored during the load exactly once when the load %s', async (_, loaded) => {
    const loader = heldLoader();
    const live = new LiveResults(SESSION, loader.load);

    const pending = live.results('pick');
    live.stored('pick', 1, [vote('r2', 'b')]);
    loader.call(0).resolve(found(1, loaded));

    expect(choiceCounts(await pending)).toEqual({ respondents: 2, counts: { a: 1, b: 1 } });
    expect(choiceCounts(await live.results('pick'))).toEqual({ respondents: 2, counts: { a: 1, b: 1 } });
    expect(loader.calls).toHaveLength(1);
  });

  it('applies a changed answer stored during the load over the version the load read', async () => {
    const loader = heldLoader();
    const live = new LiveResults(SESSION, loader.load);

    const pending = live.results('pick');
    live.stored('pick', 1, [vote('r1', 'b')]);
    loader.call(0).resolve(found(1, [vote('r1', 'a')]));

    expect(choiceCounts(await pending)).toEqual({ respondents: 1, counts: { a: 0, b: 1 } });
  });

  it('ignores answers stored during the load for an earlier round than the one loaded', async () => {
    const loader = heldLoader();
    const live = new LiveResults(SESSION, loader.load);

    const pending = live.results('pick');
    live.stored('pick', 1, [vote('old', 'a')]);
    loader.call(0).resolve(found(2, [vote('r1', 'b')]));

    expect(choiceCounts(await pending)).toEqual({ respondents: 1, counts: { a: 0, b: 1 } });
    expect(choiceCounts(await live.results('pick'))).toEqual({ respondents: 1, counts: { a: 0, b: 1 } });
    expect(loader.calls).toHaveLength(1);
  });

  it('loads again when answers of a later round were stored during the load', async () => {
    const loader = heldLoader();
    const live = new LiveResults(SESSION, loader.load);

    const pending = live.results('pick');
    live.stored('pick', 2, [vote('new', 'b')]);
    loader.call(0).resolve(found(1, [vote('r1', 'a')]));
    await pending;

    const next = live.results('pick');
    expect(loader.calls).toHaveLength(2);
    loader.call(1).resolve(found(2, [vote('new', 'b')]));
    expect(choiceCounts(await next)).toEqual({ respondents: 1, counts: { a: 0, b: 1 } });
  });

  it('loads again after a recount during the load', async () => {
    const loader = heldLoader();
    const live = new LiveResults(SESSION, loader.load);

    const pending = live.results('pick');
    live.recount('pick');
    loader.call(0).resolve(found(1, [vote('r1', 'a')]));
    await pending;

    const next = live.results('pick');
    expect(loader.calls).toHaveLength(2);
    loader.call(1).resolve(found(1, [vote('r1', 'a'), vote('r2', 'a')]));
    expect(choiceCounts(await next)).toEqual({ respondents: 2, counts: { a: 2, b: 0 } });
  });

  it('keeps the newer load when a load superseded by a recount settles after it', async () => {
    const loader = heldLoader();
    const live = new LiveResults(SESSION, loader.load);

    const stale = live.results('pick');
    live.recount('pick');
    const fresh = live.results('pick');
    loader.call(1).resolve(found(2, [vote('r2', 'b')]));
    await fresh;
    loader.call(0).resolve(undefined);
    await stale;

    expect(choiceCounts(await live.results('pick'))).toEqual({ respondents: 1, counts: { a: 0, b: 1 } });
    expect(loader.calls).toHaveLength(2);
  });

  it('loads again after a recount of a loaded slide', async () => {
    const store = { round: 1, answers: [vote('r1', 'a')] };
    const loader = storeLoader(store);
    const live = new LiveResults(SESSION, loader.load);
    await live.results('pick');

    store.answers = [];
    live.recount('pick');

    expect(choiceCounts(await live.results('pick'))).toEqual({ respondents: 0, counts: { a: 0, b: 0 } });
    expect(loader.calls()).toBe(2);
  });

  it('loads again once answers of a later round are stored', async () => {
    const store = { round: 1, answers: [vote('r1', 'a')] };
    const loader = storeLoader(store);
    const live = new LiveResults(SESSION, loader.load);
    await live.results('pick');

    Object.assign(store, { round: 2, answers: [vote('r2', 'b'), vote('r3', 'b')] });
    live.stored('pick', 2, [vote('r3', 'b')]);

    expect(choiceCounts(await live.results('pick'))).toEqual({ respondents: 2, counts: { a: 0, b: 2 } });
    expect(loader.calls()).toBe(2);
  });

  it('ignores stored answers of an earlier round than the loaded one', async () => {
    const loader = storeLoader({ round: 2, answers: [vote('r1', 'a')] });
    const live = new LiveResults(SESSION, loader.load);
    await live.results('pick');

    live.stored('pick', 1, [vote('old', 'b')]);

    expect(choiceCounts(await live.results('pick'))).toEqual({ respondents: 1, counts: { a: 1, b: 0 } });
    expect(loader.calls()).toBe(1);
  });

  it('rejects results() when the load fails, and the next call loads again', async () => {
    const loader = heldLoader();
    const live = new LiveResults(SESSION, loader.load);
    const failure = new Error('database down');

    const failing = live.results('pick');
    loader.call(0).reject(failure);
    await expect(failing).rejects.toBe(failure);

    const next = live.results('pick');
    expect(loader.calls).toHaveLength(2);
    loader.call(1).resolve(found(1, [vote('r1', 'a')]));
    expect(choiceCounts(await next)).toEqual({ respondents: 1, counts: { a: 1, b: 0 } });
  });

  it('answers undefined when the loader finds no question, and the next call loads again', async () => {
    const loader = heldLoader();
    const live = new LiveResults(SESSION, loader.load);

    const missing = live.results('pick');
    loader.call(0).resolve(undefined);
    await expect(missing).resolves.toBeUndefined();

    const next = live.results('pick');
    expect(loader.calls).toHaveLength(2);
    loader.call(1).resolve(found(1, []));
    expect(choiceCounts(await next)).toEqual({ respondents: 0, counts: { a: 0, b: 0 } });
  });

  it('shows a new version of a loaded slide without loading again: an added option shows with 0', async () => {
    const loader = storeLoader({ round: 1, answers: [vote('r1', 'a')] });
    const live = new LiveResults(SESSION, loader.load);
    await live.results('pick');

    const edited = slideSchema.parse({ ...slide, options: [...options, { id: 'c', label: 'C' }] }) as ChoiceSlide;
    live.slideShown(edited, 1);

    expect(choiceCounts(await live.results('pick'))).toEqual({ respondents: 1, counts: { a: 1, b: 0, c: 0 } });
    expect(loader.calls()).toBe(1);
  });

  it('loads again when the slide is shown in another round than the one loaded', async () => {
    const store = { round: 1, answers: [vote('r1', 'a')] };
    const loader = storeLoader(store);
    const live = new LiveResults(SESSION, loader.load);
    await live.results('pick');

    Object.assign(store, { round: 2, answers: [] });
    live.slideShown(slide, 2);

    expect(choiceCounts(await live.results('pick'))).toEqual({ respondents: 0, counts: { a: 0, b: 0 } });
    expect(loader.calls()).toBe(2);
  });

  it('ignores a shown slide that is no question, or none at all', async () => {
    const loader = storeLoader({ round: 1, answers: [vote('r1', 'a')] });
    const live = new LiveResults(SESSION, loader.load);
    await live.results('pick');

    live.slideShown(null, 5);
    live.slideShown(slideSchema.parse({ id: 'pick', kind: 'content', heading: 'Now a heading' }), 5);

    expect(choiceCounts(await live.results('pick'))).toEqual({ respondents: 1, counts: { a: 1, b: 0 } });
    expect(loader.calls()).toBe(1);
  });

  it('applies a new version of the slide shown while its load is in flight', async () => {
    const loader = heldLoader();
    const live = new LiveResults(SESSION, loader.load);
    const pending = live.results('pick');
    live.slideShown(slideSchema.parse({ ...slide, options: [...options, { id: 'c', label: 'C' }] }), 1);
    loader.call(0).resolve(found(1, [vote('r1', 'a')]));

    expect(choiceCounts(await pending).counts).toEqual({ a: 1, b: 0, c: 0 });
    expect(choiceCounts(await live.results('pick')).counts).toEqual({ a: 1, b: 0, c: 0 });
    expect(loader.calls).toHaveLength(1);
  });
});
