// A mean's change between two runs of a deck, as every kind's compare view shows it: pure, tested without a browser.

/** A mean's change from the baseline run to a later one. */
export interface Change {
  /** Later minus baseline; null when either has no mean to compare. */
  delta: number | null;
  /** 'same' when the change is under 0.05, which one decimal shows as 0,0; null with no delta. */
  direction: 'up' | 'down' | 'same' | null;
  /** Whether a mean is missing because the threshold withheld it, rather than because nobody rated. */
  hidden: boolean;
}

/** The change of one mean; `hidden` says either side was withheld by the threshold. */
export function changeOf(baseline: number | null, later: number | null, hidden = false): Change {
  if (hidden || baseline === null || later === null) return { delta: null, direction: null, hidden };
  const delta = later - baseline;
  return { delta, direction: Math.abs(delta) < 0.05 ? 'same' : delta > 0 ? 'up' : 'down', hidden: false };
}

/**
 * A change as printed: "+0,8 ▲", "−0,3 ▼" or "±0,0", the sign, the arrow and the number each telling the direction so
 * it never rests on colour. Null for no change to show.
 */
export function changeText(change: Change, locale: string): string | null {
  if (change.delta === null) return null;
  const size = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(change.delta));
  if (change.direction === 'up') return `+${size} ▲`;
  if (change.direction === 'down') return `\u2212${size} ▼`;
  return `±${size}`;
}

/** How a table's column names a run: "Tillfälle 2" over "3 apr. 2027". */
export interface RunHeading {
  name: string;
  day: string;
}

/** Per run, each row's change from the first run by key; null for the first itself and where either run is withheld. */
export function changesFromFirst<R>(
  runs: readonly (R | null)[],
  compare: (baseline: R, later: R) => Iterable<readonly [string, Change]>,
): (Map<string, Change> | null)[] {
  const baseline = runs[0] ?? null;
  return runs.map((later, index) => (index > 0 && baseline !== null && later !== null ? new Map(compare(baseline, later)) : null));
}
