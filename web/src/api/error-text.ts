import { errorText, t } from '../i18n/i18n.svelte';
import { ApiError } from './client';

/** What to tell a person about a failed request. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.code === 'network' ? t('error.network') : errorText(error.code);
  return errorText('internal');
}
