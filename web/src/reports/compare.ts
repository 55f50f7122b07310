// The compare page's own helpers; how each kind shows a change is in its folder, the shared rules in ../results/change.ts.

/** A run's day, for a table's column: "2 dec. 2026". */
export function formatDay(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(Date.parse(iso));
}

/** The compare page's address; the ids in the order given, since the server sorts them oldest first. */
export function compareAddress(sessionIds: readonly string[]): string {
  return `/app/compare?sessions=${sessionIds.map(encodeURIComponent).join(',')}`;
}
