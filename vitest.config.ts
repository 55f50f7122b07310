import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Tests read the protocol from source, so they need no build of it: its main entry and its word-cloud entry.
const source = (file: string) => fileURLToPath(new URL(`./protocol/src/${file}`, import.meta.url));
const alias = [
  { find: /^@ettor\/protocol$/, replacement: source('index.ts') },
  { find: /^@ettor\/protocol\/words$/, replacement: source('words.ts') },
];

/**
 * The files that take minutes (measured on a 2-core machine), started first so that the short ones fill the workers
 * around them: a fresh clone has no timings of its own for vitest to order by.
 */
const SLOW_FILES = [
  'e2e/stage.test.ts',
  'e2e/resilience.test.ts',
  'bench/smoke.test.ts',
  'server/src/reliability/hostile-input.test.ts',
  'e2e/text.test.ts',
  'server/src/reliability/model.test.ts',
];

class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = SLOW_FILES.findIndex((slow) => file.moduleId.endsWith(slow));
      return index === -1 ? SLOW_FILES.length : index;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: SlowFilesFirst },
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
        test: {
          name: 'web',
          root: './web',
          include: ['src/**/*.test.ts'],
          environment: 'happy-dom',
          // A fresh module graph per file cost four fifths of this project's time; files clean up after themselves instead.
          isolate: false,
          setupFiles: ['src/test-support/file-cleanup.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts'],
          pool: 'forks',
          // Each file starts servers of its own; a fresh module graph per file only cost imports (40 % of the time).
          isolate: false,
          setupFiles: ['server/src/test/file-cleanup.ts'],
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
