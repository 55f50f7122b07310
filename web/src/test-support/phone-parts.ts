// The phone's parts that its page fetches on demand, fetched before a test mounts a page that shows them.
import type { SlideKind } from '@ettor/protocol';
import { vi } from 'vitest';
import { Lazy } from '../slides/lazy.svelte';
import { PHONE_KINDS, preloadPhone } from '../slides/phone-kinds';

/** Fetches these kinds' on-demand parts and waits until they are here, so a page mounted afterwards shows them at once. */
export async function fetchPhoneParts(...kinds: SlideKind[]): Promise<void> {
  for (const kind of kinds) preloadPhone(kind);
  const parts = kinds.flatMap((kind) => Object.values(PHONE_KINDS[kind]) as unknown[]);
  // A first import compiles the component, which takes a while in a test.
  await vi.waitUntil(() => parts.every((part) => !(part instanceof Lazy) || part.value !== undefined), { timeout: 10_000 });
}
