// Test files share their worker's globals (the project runs without isolation, for speed): each file leaves them
// as it found them, whatever its own tests stubbed, spied on or faked.
import { afterAll, vi } from 'vitest';

afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});
