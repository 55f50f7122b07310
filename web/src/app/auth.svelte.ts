import type { SetupStatus, User } from '@ettor/protocol';
import { api, ApiError } from '../api/client';

/** Who is signed in and whether the server still needs its first account. */
export const auth = $state<{ ready: boolean; user: User | null; setup: SetupStatus | null; failed: boolean }>({
  ready: false,
  user: null,
  setup: null,
  failed: false,
});

export async function loadAuth(): Promise<void> {
  try {
    auth.setup = await api('setupStatus');
    auth.user = auth.setup.needsSetup ? null : await currentUser();
    auth.failed = false;
  } catch {
    auth.failed = true;
  } finally {
    auth.ready = true;
  }
}

async function currentUser(): Promise<User | null> {
  try {
    return await api('me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function logout(): Promise<void> {
  await api('logout').catch(() => undefined);
  auth.user = null;
}
