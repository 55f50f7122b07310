/** The path of the WebSocket endpoint. */
export const LIVE_PATH = '/live';
/** Largest frame a client may send; larger frames close the socket with code 1009. */
export const MAX_CLIENT_FRAME_BYTES = 16 * 1024;

/**
 * Frames a socket may send before it has joined or hosts a session (a join, a ping or two); the next one closes it
 * with 1008, as does a socket that keeps sending faster than allowed.
 */
export const MAX_FRAMES_BEFORE_JOIN = 4;

/** WebSocket close codes Ettor uses besides the standard ones. */
export const CLOSE_CODES = {
  /** The session has ended; do not reconnect. */
  sessionEnded: 4000,
  /** The code is unknown or the host is not allowed; do not reconnect. */
  refused: 4001,
  /** The client speaks another protocol version; reload the page. */
  protocolMismatch: 4002,
  /** No join or host message arrived in time. */
  joinTimeout: 4003,
} as const;

/** The deck file's format marker and version; see docs/deck-format.md. */
export const DECK_FORMAT = 'ettor-deck';
export const DECK_VERSION = 1;

/** The languages a deck can be written in: its word clouds merge inflected forms and drop filler words by it. */
export const DECK_LANGUAGES = ['sv', 'en'] as const;
export type DeckLanguage = (typeof DECK_LANGUAGES)[number];
