import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests read the protocol from source, so they need no build of it: its main entry and its word-cloud entry.
const source = (file: string) => fileURLToPath(new URL(`./protocol/src/${file}`, import.meta.url));
const alias = [
  { find: /^@ettor\/protocol$/, replacement: source('index.ts') },
  { find: /^@ettor\/protocol\/words$/, replacement: source('words.ts') },
];

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine. Most files wait on sockets,
    // servers and browsers rather than compute, so two run side by side in well under the time of one after another.
    maxWorkers: 2,
    projects: [
      { resolve: { alias }, test: { name: 'protocol', include: ['protocol/src/**/*.test.ts'] } },
      // The browser app's own modules, compiled by its Vite config (Svelte runes) in a simulated DOM.
      {
        extends: './web/vite.config.ts',
        // Components are compiled for the browser, so tests mount them with svelte's browser build.
        resolve: { conditions: ['browser'] },
        test: { name: 'web', root: './web', include: ['src/**/*.test.ts'], environment: 'happy-dom' },
      },
      {
        resolve: { alias },
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts'],
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: { name: 'bench', include: ['bench/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // A page on a machine other work loads can take seconds to react; vitest's 1 s default fails it, Playwright's own waits give 30 s.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
