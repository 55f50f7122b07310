/** Bumped whenever a live message changes shape; clients and servers refuse a mismatch. */
export const PROTOCOL_VERSION = 3;
