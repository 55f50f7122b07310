import { slideSchema, type RouteRequest, type Slide } from '@ettor/protocol';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from '../api/client';
import { setLocale } from '../i18n/i18n.svelte';
import { SlideSaver } from './slide-saver.svelte';

vi.mock(import('../api/client'), async (importActual) => ({ ...(await importActual()), api: vi.fn() }));

const put = vi.mocked(api);
const DEBOUNCE_MS = 600;

const question = (id: string, text: string): Slide => slideSchema.parse({ id, kind: 'open', question: text });

/** What each PUT sent: the slide's address and body. */
const sent = () => put.mock.calls.map(([, request]) => request as RouteRequest<'updateSlide'>);

/** A save the test finishes by hand, to look at the saver while it is under way. */
function pending(): { resolve: () => void; reject: (error: unknown) => void } {
  let settle!: { resolve: () => void; reject: (error: unknown) => void };
  put.mockImplementationOnce(
    () =>
      new Promise((resolve, reject) => {
        settle = { resolve: () => resolve(undefined), reject };
      }),
  );
  return { resolve: () => settle.resolve(), reject: (error) => settle.reject(error) };
}

describe('SlideSaver', () => {
  beforeAll(() => setLocale('en'));

  beforeEach(() => {
    vi.useFakeTimers();
    put.mockReset();
    put.mockResolvedValue(undefined);
  });

  afterEach(() => vi.useRealTimers());

  it('waits for a pause in editing, then PUTs the latest version once', async () => {
    const saver = new SlideSaver('deck');
    saver.remember(question('q1', ''));
    saver.changed(question('q1', 'W'));
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 100);
    saver.changed(question('q1', 'Why'));
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 100);
    expect(put).not.toHaveBeenCalled();
    expect(saver.status).toBe('saving');
    expect(saver.hasUnsaved).toBe(true);

    await vi.advanceTimersByTimeAsync(100);
    expect(put).toHaveBeenCalledTimes(1);
    expect(put).toHaveBeenCalledWith('updateSlide', { params: { id: 'deck', slideId: 'q1' }, body: question('q1', 'Why') });
    expect(saver.status).toBe('saved');
    expect(saver.hasUnsaved).toBe(false);
  });

  it('skips a slide that is as the server has it', async () => {
    const saver = new SlideSaver('deck');
    saver.remember(question('q1', 'Same'));
    saver.changed(question('q1', 'Same'));
    await vi.runAllTimersAsync();
    expect(put).not.toHaveBeenCalled();
    expect(saver.status).toBe('idle');
  });

  it('saves each changed slide at its own address, and only once it differs from what was saved', async () => {
    const saver = new SlideSaver('deck');
    saver.changed(question('q1', 'One'));
    saver.changed(question('q2', 'Two'));
    await saver.flush();
    expect(sent().map((request) => request.params)).toEqual([
      { id: 'deck', slideId: 'q1' },
      { id: 'deck', slideId: 'q2' },
    ]);

    saver.changed(question('q1', 'One'));
    await vi.runAllTimersAsync();
    expect(put).toHaveBeenCalledTimes(2);
  });

  it('flushes at once, without waiting for the pause', async () => {
    const saver = new SlideSaver('deck');
    saver.changed(question('q1', 'Now'));
    await saver.flush();
    expect(put).toHaveBeenCalledTimes(1);
    await vi.runAllTimersAsync();
    expect(put).toHaveBeenCalledTimes(1);
  });

  it('saves an edit made during a save right after it, so the latest edit is what stays', async () => {
    const saver = new SlideSaver('deck');
    const first = pending();
    saver.changed(question('q1', 'Draft'));
    const flushing = saver.flush();
    saver.changed(question('q1', 'Final'));
    // A second flush while the first runs only asks for another round.
    await saver.flush();
    expect(put).toHaveBeenCalledTimes(1);
    expect(saver.hasUnsaved).toBe(true);

    first.resolve();
    await flushing;
    expect(sent().map((request) => request.body)).toEqual([question('q1', 'Draft'), question('q1', 'Final')]);
    expect(saver.status).toBe('saved');
    expect(saver.hasUnsaved).toBe(false);
  });

  it('reports a failed save, keeps the edit and retries it on the next flush', async () => {
    const saver = new SlideSaver('deck');
    put.mockRejectedValueOnce(new ApiError('network', 'network error', 0));
    saver.changed(question('q1', 'Kept'));
    await saver.flush();
    expect(saver.status).toBe('failed');
    expect(saver.hasUnsaved).toBe(true);

    await saver.flush();
    expect(put).toHaveBeenCalledTimes(2);
    expect(sent()[1]?.body).toEqual(question('q1', 'Kept'));
    expect(saver.status).toBe('saved');
    expect(saver.hasUnsaved).toBe(false);
  });

  it('retries a failed save with the edit made since', async () => {
    const saver = new SlideSaver('deck');
    put.mockRejectedValueOnce(new ApiError('internal', 'oops', 500));
    saver.changed(question('q1', 'First'));
    await saver.flush();
    expect(saver.status).toBe('failed');

    saver.changed(question('q1', 'Second'));
    await vi.runAllTimersAsync();
    expect(sent().map((request) => request.body)).toEqual([question('q1', 'First'), question('q1', 'Second')]);
    expect(saver.status).toBe('saved');
  });

  it("names the field the server refused, in the reader's language", async () => {
    const saver = new SlideSaver('deck');
    put.mockRejectedValueOnce(new ApiError('validation_failed', 'quote.text: too long', 400));
    saver.changed(question('q1', 'Quoted'));
    await saver.flush();
    expect(saver.status).toBe('invalid');
    expect(saver.problem).toBe('the quote has no text');

    put.mockRejectedValueOnce(new ApiError('validation_failed', 'question: contains a NUL or a broken character', 400));
    await saver.flush();
    expect(saver.problem).toBe('check the fields (question)');
  });

  it('drops the pending edit of a slide it is told to forget', async () => {
    const saver = new SlideSaver('deck');
    saver.changed(question('q1', 'Deleted'));
    saver.forget('q1');
    await vi.runAllTimersAsync();
    expect(put).not.toHaveBeenCalled();
    expect(saver.hasUnsaved).toBe(false);
  });
});
