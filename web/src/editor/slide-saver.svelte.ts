import type { Slide } from '@ettor/protocol';
import { api, ApiError } from '../api/client';
import { t } from '../i18n/i18n.svelte';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed' | 'invalid';

const DEBOUNCE_MS = 600;

/** Autosaves slides: waits for a pause in typing, then PUTs each changed slide whole. */
export class SlideSaver {
  status = $state<SaveStatus>('idle');
  problem = $state('');

  #presentationId: string;
  // Bookkeeping the page never renders, so plain maps are right; a reactive one would only cost.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #saved = new Map<string, string>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #queued = new Map<string, Slide>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running = false;
  #again = false;

  constructor(presentationId: string) {
    this.#presentationId = presentationId;
  }

  /** Records a slide as it is on the server, so only real edits trigger a save. */
  remember(slide: Slide): void {
    this.#saved.set(slide.id, JSON.stringify(slide));
  }

  forget(slideId: string): void {
    this.#saved.delete(slideId);
    this.#queued.delete(slideId);
  }

  get hasUnsaved(): boolean {
    return this.#queued.size > 0 || this.#running;
  }

  changed(slide: Slide): void {
    if (JSON.stringify(slide) === this.#saved.get(slide.id)) return;
    this.#queued.set(slide.id, slide);
    this.status = 'saving';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
  }

  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    try {
      for (const [id, slide] of this.#queued) await this.#save(id, slide);
    } finally {
      this.#running = false;
    }
    if (this.#again) {
      this.#again = false;
      await this.flush();
    }
  }

  async #save(id: string, slide: Slide): Promise<void> {
    this.status = 'saving';
    try {
      await api('updateSlide', { params: { id: this.#presentationId, slideId: id }, body: slide });
      this.#saved.set(id, JSON.stringify(slide));
      if (this.#queued.get(id) === slide) this.#queued.delete(id);
      if (this.#queued.size === 0) this.status = 'saved';
    } catch (error) {
      // The server's schema is the judge; its message names the field, e.g. "quote.text: …".
      if (error instanceof ApiError && error.code === 'validation_failed') {
        this.status = 'invalid';
        this.problem = describeIssue(error.message);
      } else this.status = 'failed';
    }
  }
}

function describeIssue(serverMessage: string): string {
  const field = serverMessage.split(':')[0] ?? '';
  if (field.includes('quote')) return t('editor.problem.quote');
  if (field.includes('bigNumber')) return t('editor.problem.bigNumber');
  return t('editor.problem.other', { field });
}
