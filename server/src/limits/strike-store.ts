import { type StrikeRules, Strikes } from './strikes.js';

/** `Strikes` behind a port, so a limit that guards something shared can count in one place for every node. */
export interface StrikeStore {
  /** How many milliseconds the key must still wait; 0 when it is not blocked. */
  waitFor(key: string): Promise<number>;
  strike(key: string): Promise<void>;
  /** The key's wait if it is blocked; otherwise a strike and 0, in one step, so attempts in parallel cannot all pass. */
  admit(key: string): Promise<number>;
  forget(key: string): Promise<void>;
}

/** Makes the store of one limit: `name` tells its keys apart from other limits' where they share a place. */
export type StrikeStores = (name: string, rules: StrikeRules, now: () => number) => StrikeStore;

/** Each limit in this node's memory: exact for one node, per node in a cluster. */
export const memoryStrikeStores: StrikeStores = (_name, rules, now) => {
  const strikes = new Strikes(rules, now);
  return {
    waitFor: async (key) => strikes.waitFor(key),
    strike: async (key) => strikes.strike(key),
    admit: async (key) => strikes.admit(key),
    forget: async (key) => strikes.forget(key),
  };
};
