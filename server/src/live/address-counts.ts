/** How many of something each client address holds at once (open sockets, sockets not yet joined), against a cap. */
export class AddressCounts {
  private readonly counts = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Takes a place for the address and returns its release (safe to call more than once), or undefined when full. */
  take(address: string): (() => void) | undefined {
    const held = this.counts.get(address) ?? 0;
    if (held >= this.limit) return undefined;
    this.counts.set(address, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const remaining = (this.counts.get(address) ?? 1) - 1;
      if (remaining > 0) this.counts.set(address, remaining);
      else this.counts.delete(address);
    };
  }
}
