// A kind's part that the phone's page fetches only when a slide of that kind comes, so every phone's first download
// holds only the kinds most decks use.

/** A part fetched on demand: `new Lazy(() => import('./GridPhone.svelte'))`. */
export class Lazy<T> {
  /** The part once it has arrived; reactive, so what waits for it appears then. */
  value = $state.raw<T>();
  /** Whether the last fetch failed (offline, most likely); load() tries again. */
  failed = $state(false);
  readonly #fetch: () => Promise<{ default: T }>;
  // Plain, not state: load() runs inside effects, which must not come to depend on it.
  #busy = false;

  constructor(fetch: () => Promise<{ default: T }>) {
    this.#fetch = fetch;
  }

  /** Fetches the part unless it is here or on its way; after a failure, fetches it again. */
  load(): void {
    if (this.#busy) return;
    this.#busy = true;
    this.failed = false;
    this.#fetch().then(
      (module) => (this.value = module.default),
      () => {
        // Browsers no longer keep a failed module fetch, so the next import() asks the network again.
        this.#busy = false;
        this.failed = true;
      },
    );
  }
}

/** A kind's part as the registry holds it: always in the page's bundle, or fetched on demand. */
export type Part<T> = T | Lazy<T>;
