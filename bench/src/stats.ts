/** Percentile by nearest rank over an unsorted list; undefined for an empty one. */
export function percentile(values: ArrayLike<number>, p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function max(values: ArrayLike<number>): number | undefined {
  let best: number | undefined;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] as number;
    if (best === undefined || value > best) best = value;
  }
  return best;
}

/** Rounds for reports: whole numbers above 10, one decimal below; keeps undefined as null for JSON. */
export function round(
  value: number | undefined | null,
  digits = value !== undefined && value !== null && Math.abs(value) < 10 ? 2 : 0,
): number | null {
  if (value === undefined || value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
