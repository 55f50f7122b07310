import { randomBytes, randomUUID } from 'node:crypto';

/** Time and randomness are injected, so tests can fix them. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const newId = (): string => randomUUID();

/** A URL-safe secret for cookies and participant tokens. */
export const newToken = (): string => randomBytes(24).toString('base64url');
