import { t } from '../../i18n/i18n.svelte';

/** "1 röst", "12 röster": a count of votes in words, for phones and the control view. */
export const votesText = (count: number): string => t(count === 1 ? 'qa.vote' : 'qa.votes', { count });
