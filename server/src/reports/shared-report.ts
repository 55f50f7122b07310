import { type Results, type SessionReport, withoutHiddenEntries } from '@ettor/protocol';

const visible = (results: Results | null): Results | null => (results === null ? null : withoutHiddenEntries(results));

/** A report as a share link shows it: everything the owner's has, except what the presenter hid during the talk. */
export function withoutHidden(report: SessionReport): SessionReport {
  return {
    ...report,
    slides: report.slides.map((slide) => ({
      ...slide,
      results: visible(slide.results),
      segments: slide.segments?.map((segment) => ({ ...segment, results: visible(segment.results) })) ?? null,
    })),
  };
}
