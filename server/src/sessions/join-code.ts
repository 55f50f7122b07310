import { randomInt } from 'node:crypto';

/** Eight digits from a CSPRNG; uniqueness among open sessions is the database's job. */
export const newJoinCode = (): string => String(randomInt(0, 100_000_000)).padStart(8, '0');
