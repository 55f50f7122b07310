// When the big screen's toolbar shows: only while a mouse really moves. Keys, a clicker and a touch never bring it up,
// so nothing but the slide reaches the projector while the speaker talks.

/** How long the toolbar stays after the mouse last moved. */
export const IDLE_MS = 2500;

/** What a pointer event tells about a move. */
export type PointerMove = Pick<PointerEvent, 'pointerType' | 'clientX' | 'clientY'>;

/** Shows the toolbar on real mouse movement and hides it once the mouse rests or leaves the window. */
export class PointerIdle {
  #last: { x: number; y: number } | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #onchange: (visible: boolean) => void;
  readonly #delay: number;

  constructor(onchange: (visible: boolean) => void, delay = IDLE_MS) {
    this.#onchange = onchange;
    this.#delay = delay;
  }

  move(event: PointerMove): void {
    if (event.pointerType !== 'mouse') return;
    const last = this.#last;
    this.#last = { x: event.clientX, y: event.clientY };
    // Browsers send a move at the same spot when the page changes under a resting mouse (a new slide), and the first
    // move only tells where the mouse is: neither is the speaker reaching for it.
    if (last === null || (last.x === event.clientX && last.y === event.clientY)) return;
    this.#onchange(true);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#onchange(false), this.#delay);
  }

  leave(): void {
    clearTimeout(this.#timer);
    this.#last = null;
    this.#onchange(false);
  }

  stop(): void {
    clearTimeout(this.#timer);
  }
}
