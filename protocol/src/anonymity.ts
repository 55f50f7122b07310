/** The anonymity threshold k: results of fewer than k participants are shown as "too few answers". */
export const ANONYMITY = {
  defaultThreshold: 5,
  minThreshold: 3,
  maxThreshold: 100,
} as const;
