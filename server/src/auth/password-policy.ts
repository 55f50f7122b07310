import type { Problem } from '@ettor/protocol';
import { dictionary } from '@zxcvbn-ts/language-common';

/** Words Swedish users reach for that the (English-weighted) list of common passwords lacks. */
const SWEDISH_WORDS = [
  'lösenord',
  'losenord',
  'sommar',
  'vinter',
  'hejsan',
  'sverige',
  'stockholm',
  'göteborg',
  'malmö',
  'fotboll',
  'kärlek',
  'välkommen',
  'hemligt',
  'kommunen',
  'regionen',
];

/** zxcvbn-ts's list of the ~49,000 most common passwords (MIT), lower case, with the Swedish words. */
const COMMON = new Set<string>([...dictionary['passwords-common'], ...SWEDISH_WORDS]);

/** Fewer different characters than this ("aaaaaaaaaa", "1212121212") is a pattern, not a password. */
const MIN_DISTINCT_CHARACTERS = 4;

const weak = (message: string): Problem => ({ code: 'weak_password', message });

/**
 * Why a new password is too easy to guess, or null: it is a common password, a common word with digits or signs
 * around it ("Sommar2026!"), or a repeated pattern. The length rule is the schema's.
 */
export function weakPasswordProblem(password: string): Problem | null {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return weak('That password is one of the most common ones; choose another.');
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  if (core !== lower && COMMON.has(core)) return weak('That password is a common word with digits or signs added; choose another.');
  if (new Set(lower).size < MIN_DISTINCT_CHARACTERS) return weak('That password repeats a few characters; choose another.');
  return null;
}
