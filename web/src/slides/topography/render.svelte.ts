// Mounts a component in a test. The web test project resolves `svelte` to its server build, where mount() is not
// available, while components are compiled for the browser; so the browser build is imported by its path.
import type * as Svelte from 'svelte';

const browserBuild = new URL('../../../../node_modules/svelte/src/index-client.js', import.meta.url).pathname;
const { mount, unmount, flushSync } = (await import(/* @vite-ignore */ browserBuild)) as typeof Svelte;

export interface Mounted<Props> {
  target: HTMLElement;
  /** Reactive: change them, then flush(). */
  props: Props;
  flush(): void;
  destroy(): void;
}

/** Mounts with reactive props: change `props` (or the form's fields), then `flush()` to see the result. */
export function render<Props extends object, Bindings extends keyof Props | ''>(
  component: Svelte.Component<Props, object, Bindings>,
  initial: Props,
): Mounted<Props> {
  const props = $state(initial);
  const target = document.createElement('div');
  document.body.append(target);
  const instance = mount(component, { target, props });
  flushSync();
  return {
    target,
    props,
    flush: () => flushSync(),
    destroy: () => {
      void unmount(instance);
      target.remove();
    },
  };
}
