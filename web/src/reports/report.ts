// What the results page draws from a session report: pure, so the rules are tested without a browser.
import { type ChoiceSlide, type Results, type Slide, type SlideReport, isSingleChoice } from '@ettor/protocol';

/** A question the results can be split by: one answer per person, so each person is in one group. */
export function segmentingQuestions(slides: readonly Slide[]): ChoiceSlide[] {
  return slides.filter(isSingleChoice);
}

/** One small multiple: everyone, or one group of the split. */
export interface Panel {
  /** Unique among a question's panels: an option id, or a key with a space, which no option id has. */
  key: string;
  /** The option whose choosers the group is; null for everyone and for "not given". */
  optionId: string | null;
  /** The group's name; null for everyone, and for those who did not answer the splitting question (each page names them). */
  label: string | null;
  kind: 'all' | 'segment' | 'notGiven';
  /** How many in the group answered this question; null when its results are withheld, since the size would give them away. */
  respondents: number | null;
  /** Null when hidden to protect anonymity. */
  results: Results | null;
}

/** The panels of one question: everyone's results first, then each group in the server's order ("not given" last, if anyone). */
export function panelsOf(report: SlideReport): Panel[] {
  const all: Panel = {
    key: ' all',
    optionId: null,
    label: null,
    kind: 'all',
    respondents: report.results?.respondents ?? null,
    results: report.results,
  };
  if (!report.segments) return [all];
  // Those who did not answer the splitting question are listed only when there are any.
  const segments = report.segments.filter((segment) => segment.optionId !== null || segment.results === null || segment.respondents > 0);
  return [
    all,
    ...segments.map((segment): Panel => ({
      key: segment.optionId ?? ' not-given',
      optionId: segment.optionId,
      label: segment.optionId === null ? null : segment.label,
      kind: segment.optionId === null ? 'notGiven' : 'segment',
      respondents: segment.results === null ? null : segment.respondents,
      results: segment.results,
    })),
  ];
}

/** The segmenting question to ask for: the one in the address, if the deck still has it as a single-choice question. */
export function initialSegmentBy(search: string, slides: readonly Slide[]): string | null {
  const wanted = new URLSearchParams(search).get('segmentBy');
  return wanted && segmentingQuestions(slides).some((slide) => slide.id === wanted) ? wanted : null;
}

/** The address of the results page with the split in its query, so a reload or a bookmark keeps it. */
export function resultsAddress(sessionId: string, segmentBy: string | null): string {
  const base = `/app/sessions/${encodeURIComponent(sessionId)}/results`;
  return segmentBy ? `${base}?${new URLSearchParams({ segmentBy }).toString()}` : base;
}

/** When a session ran, in the language's own style: "2 dec. 2026 14:05–14:40", or both dates when it ran past midnight. */
export function formatSpan(startedAt: string, endedAt: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return format.formatRange(Date.parse(startedAt), Date.parse(endedAt));
}

/** A time of day, for "updated 14:05:32". */
export function formatClock(when: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(when);
}

/** The address of a shared report's page, with the split in its query like the owner's results page. */
export function sharedAddress(token: string, segmentBy: string | null): string {
  const base = `/app/shared/${encodeURIComponent(token)}`;
  return segmentBy ? `${base}?${new URLSearchParams({ segmentBy }).toString()}` : base;
}

/** A download link's address: the export route with the format and the split the page shows. */
export function exportHref(path: string, format: 'csv' | 'xlsx', segmentBy: string | null): string {
  const query = new URLSearchParams({ format });
  if (segmentBy) query.set('segmentBy', segmentBy);
  return `${path}?${query.toString()}`;
}

/** The full address to hand out for a share link: the server gives the path, the page knows where it is served. */
export function shareUrl(origin: string, path: string): string {
  return new URL(path, origin).toString();
}
