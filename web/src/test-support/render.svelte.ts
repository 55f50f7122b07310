// Mounts a component in a test, with props that stay reactive.
import { type Component, flushSync, mount, unmount } from 'svelte';

export interface Mounted<Props> {
  target: HTMLElement;
  /** Reactive: change them, then flush(). */
  props: Props;
  flush(): void;
  destroy(): void;
}

/** Mounts with reactive props: change `props` (or the form's fields), then `flush()` to see the result. */
export function render<Props extends object, Bindings extends keyof Props | ''>(
  component: Component<Props, object, Bindings>,
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
