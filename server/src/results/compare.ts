import type { SessionComparison, SlideReport } from '@ettor/protocol';

export type ComparedSlide = SessionComparison['slides'][number];

/**
 * Runs of one deck side by side: each slide once, in the order the runs' reports list them (the deck's), with one
 * entry per run in the runs' order. A run's entry is its results as its report has them, so null wherever that
 * run had fewer than k answering, and null too for a slide its report does not list. Pure.
 */
export function compareRuns(runs: readonly (readonly SlideReport[])[]): ComparedSlide[] {
  const byRun = runs.map((reports) => new Map(reports.map((report) => [report.slideId, report])));
  // Every run is reported over the deck as it is now, so their lists agree; a union keeps a slide any of them has.
  const slides = new Map<string, SlideReport>();
  for (const reports of runs) for (const report of reports) if (!slides.has(report.slideId)) slides.set(report.slideId, report);
  return [...slides.values()].map(({ slideId, kind, title }) => ({
    slideId,
    kind,
    title,
    runs: byRun.map((reports) => reports.get(slideId)?.results ?? null),
  }));
}
