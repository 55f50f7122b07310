// The protocol's second entry, `@ettor/protocol/words`: word-cloud grouping, for the server and the bench only.
export { countedWordKey, isOwnWordKey, wordGroupKey, type WordGroups } from './words/word-groups.js';
export { STOP_WORDS } from './words/stop-words.js';
