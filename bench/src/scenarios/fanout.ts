import { sleep } from '../clock.js';
import { max, percentile, round } from '../stats.js';
import type { ScenarioContext, ScenarioOutcome } from './context.js';
import { CrossNodeChanges } from './cross-node.js';

/** fanout: 30 slide changes; how long each takes from the presenter's goto to arriving on every phone. */
export async function fanout(ctx: ScenarioContext, changes = 30): Promise<ScenarioOutcome> {
  const slides = ctx.session.slides;
  const all: number[] = [];
  const crossNode = new CrossNodeChanges(ctx);
  const perChange: { slide: string; p50: number | null; p99: number | null; max: number | null; missing: number }[] = [];
  // Two changes first that are not counted: they warm up the code paths of server and simulator alike.
  for (let i = -2; i < changes; i += 1) {
    const slide = slides[(i + 3) % slides.length];
    if (!slide) break;
    const { sentAt, seq } = await ctx.presenter.goto(slide.id);
    const results = await ctx.pool.all('seq', { seq, timeoutMs: 10_000 });
    if (i < 0) {
      await sleep(100);
      continue;
    }
    const latencies = results.flatMap((r) => Array.from(r.arrivals, (at) => at - sentAt));
    crossNode.add(results, sentAt);
    const missing = results.reduce((sum, r) => sum + r.missing, 0);
    for (const value of latencies) all.push(value);
    perChange.push({
      slide: slide.id,
      p50: round(percentile(latencies, 50)),
      p99: round(percentile(latencies, 99)),
      max: round(max(latencies)),
      missing,
    });
    // A presenter talks between slides; the next change starts from a quiet room.
    await sleep(100);
  }
  const p99s = perChange.map((c) => c.p99 ?? Number.NaN).filter(Number.isFinite);
  ctx.log(
    `fanout: p50 ${round(percentile(all, 50))} ms, p99 ${round(percentile(all, 99))} ms, max ${round(max(all))} ms over ${perChange.length} changes`,
  );
  return {
    figures: { fanout_p50_ms: round(percentile(all, 50)), fanout_p99_ms: round(percentile(all, 99)) },
    details: {
      fanout_max_ms: round(max(all)),
      median_change_p99_ms: round(percentile(p99s, 50)),
      worst_change_p99_ms: round(max(p99s)),
      missing_deliveries: perChange.reduce((sum, c) => sum + c.missing, 0),
      ...crossNode.details(),
      changes: perChange,
    },
  };
}
