import fs from 'node:fs';
import os from 'node:os';
import { type ClusterReport, FIGURE_KEYS, type Figures, type NodeUsage, type ScenarioRow } from './metrics.js';
import { round } from './stats.js';
import type { ScenarioName, ServerKind } from './types.js';

/** Columns each scenario shows in the human table: [label, how to read it from a row]. */
const COLUMNS: Record<ScenarioName, [string, (row: ScenarioRow) => unknown][]> = {
  hold: [
    ['joined', (r) => `${r.figures.connected}/${r.figures.participants}`],
    ['joins/s', (r) => r.details.joins_per_s],
    ['RSS/participant', (r) => bytes(r.figures.rss_per_participant_bytes)],
    ['server RSS', (r) => bytes(r.details.server_rss_after_bytes as number | undefined)],
  ],
  fanout: [
    ['p50 ms', (r) => r.figures.fanout_p50_ms],
    ['p99 ms', (r) => r.figures.fanout_p99_ms],
    ['max ms', (r) => r.details.fanout_max_ms],
    ['missed', (r) => r.details.missing_deliveries],
  ],
  burst: [
    ['acked', (r) => `${r.details.acked ?? '?'}/${r.details.sent ?? '?'}`],
    [
      'all acked ms',
      (r) => r.figures.burst_all_acked_ms ?? (r.details.last_ack_ms === undefined ? null : `(${r.details.last_ack_ms}, incomplete)`),
    ],
    ['screen done ms', (r) => r.details.presenter_tally_complete_ms],
    ['lost', (r) => r.figures.lost],
    ['double', (r) => r.figures.double_counted],
  ],
  sustained: [
    [
      'votes/s held',
      (r) => (r.details.steady_held === false ? `${r.figures.sustained_votes_per_s} (short step only)` : r.figures.sustained_votes_per_s),
    ],
    ['steady rate', (r) => r.details.steady_rate],
    ['CPU-s/1000', (r) => r.figures.cpu_s_per_1000_votes],
    ['votes/CPU-s', (r) => r.details.answers_per_cpu_s],
    ['above idle', (r) => r.details.answers_per_cpu_s_above_idle],
    ['steady ack p99', (r) => (r.details.steady as { ackP99?: number } | undefined)?.ackP99],
    ['vote→screen p99', (r) => r.figures.vote_to_presenter_p99_ms],
    ['lost', (r) => r.figures.lost],
    ['double', (r) => r.figures.double_counted],
  ],
  talk: [
    ['answers', (r) => `${r.details.acked ?? '?'}/${r.details.answers ?? '?'}`],
    ['slide change p50/p99 ms', (r) => `${r.figures.fanout_p50_ms ?? '-'}/${r.figures.fanout_p99_ms ?? '-'}`],
    ['reconnects', (r) => r.details.reconnects],
    ['seconds', (r) => r.details.duration_s],
    ['lost', (r) => r.figures.lost],
    ['double', (r) => r.figures.double_counted],
  ],
  qa: [
    ['questions', (r) => fraction(r.details.questions_acked, r.details.questions_asked)],
    ['upvotes', (r) => fraction(r.details.upvotes_acked, r.details.upvotes_sent)],
    [
      'upvote→screen p50/p99 ms',
      (r) =>
        r.details.not_applicable ? null : `${r.details.vote_to_presenter_p50_ms ?? '-'}/${r.figures.vote_to_presenter_p99_ms ?? '-'}`,
    ],
    ['measured', (r) => r.details.vote_to_presenter_measured],
    ['CPU-s/1000', (r) => r.figures.cpu_s_per_1000_votes],
    ['above idle', (r) => r.details.cpu_s_per_1000_votes_above_idle],
    ['errors', (r) => errorList(r)],
    ['lost', (r) => r.figures.lost],
    ['double', (r) => r.figures.double_counted],
  ],
  flood: [
    ['connections/s', (r) => r.details.attack_connections_per_s],
    ['junk frames/s', (r) => r.details.attack_frames_per_s],
    ['join+vote p50/p99 ms', (r) => phase(r, 'during', 'vote')],
    ['screen p50/max ms', (r) => phase(r, 'during', 'screen')],
    ['failed', (r) => (r.details.during as { failed?: number } | undefined)?.failed],
    ['after p50/p99 ms', (r) => phase(r, 'after', 'vote')],
    ['RSS before/peak/after', (r) => rssTrail(r)],
    ['lost', (r) => r.figures.lost],
    ['double', (r) => r.figures.double_counted],
  ],
};

/** A flood phase's p50 and p99 (the votes) or max (the screen, which has fewer samples) of one measure. */
function phase(row: ScenarioRow, name: 'during' | 'after', measure: 'vote' | 'screen'): string | null {
  const figures = row.details[name] as Record<string, number | null> | undefined;
  if (!figures) return null;
  return `${figures[`${measure}_p50_ms`] ?? '-'}/${figures[measure === 'vote' ? 'vote_p99_ms' : 'screen_max_ms'] ?? '-'}`;
}

function fraction(part: unknown, whole: unknown): string | null {
  return part === undefined && whole === undefined ? null : `${cell(part)}/${cell(whole)}`;
}

/** A Q&A's refusals of questions and upvotes, by code. */
function errorList(row: ScenarioRow): string | null {
  if (row.details.not_applicable) return null;
  const errors = new Map<string, number>();
  for (const counts of [row.details.ask_errors, row.details.upvote_errors] as (Record<string, number> | undefined)[]) {
    for (const [code, count] of Object.entries(counts ?? {})) errors.set(code, (errors.get(code) ?? 0) + count);
  }
  return errors.size === 0 ? 'none' : [...errors].map(([code, count]) => `${code} ${count}`).join(', ');
}

function rssTrail(row: ScenarioRow): string | null {
  const keys = ['server_rss_before_bytes', 'server_rss_peak_bytes', 'server_rss_after_bytes'];
  const values = keys.map((key) => row.details[key] as number | undefined);
  return values.every((value) => value !== undefined) ? values.map((value) => bytes(value)).join(' / ') : null;
}

function bytes(value: number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value >= 2 ** 20 ? `${(value / 2 ** 20).toFixed(0)} MiB` : `${(value / 1024).toFixed(1)} KiB`;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '-';
  return String(value);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Ettor's figure divided by a baseline's, per scenario and figure; only where both are numbers. */
export function ratios(rows: ScenarioRow[]): Record<string, Record<string, { vs_limit: number | null; vs_typical: number | null }>> {
  const out: Record<string, Record<string, { vs_limit: number | null; vs_typical: number | null }>> = {};
  const find = (scenario: ScenarioName, server: ServerKind) => rows.find((r) => r.scenario === scenario && r.server === server);
  for (const ettor of rows.filter((r) => r.server === 'ettor')) {
    const limit = find(ettor.scenario, 'limit');
    const typical = find(ettor.scenario, 'typical');
    const entry: Record<string, { vs_limit: number | null; vs_typical: number | null }> = {};
    for (const key of FIGURE_KEYS) {
      if (key === 'participants' || key === 'connected' || key === 'lost' || key === 'double_counted') continue;
      const mine = ettor.figures[key];
      if (typeof mine !== 'number') continue;
      const divide = (other: ScenarioRow | undefined) => {
        const theirs = other?.figures[key];
        return typeof theirs === 'number' && theirs !== 0 ? round(mine / theirs, 2) : null;
      };
      entry[key] = { vs_limit: divide(limit), vs_typical: divide(typical) };
    }
    if (Object.keys(entry).length > 0) out[ettor.scenario] = entry;
  }
  return out;
}

export interface Target {
  target: string;
  status: 'met' | 'missed' | 'not measured';
  measured: string;
}

/** The issue's targets, judged on this run's figures. */
export function targets(rows: ScenarioRow[]): Target[] {
  const get = (scenario: ScenarioName, server: ServerKind) => rows.find((r) => r.scenario === scenario && r.server === server);
  const out: Target[] = [];
  const judge = (target: string, ok: boolean | undefined, measured: string) =>
    out.push({ target, status: ok === undefined ? 'not measured' : ok ? 'met' : 'missed', measured });

  const hold = get('hold', 'ettor');
  const rss = hold?.figures.rss_per_participant_bytes;
  judge(
    'hold: 19,000 participants on one node',
    hold && hold.figures.participants >= 19_000 ? hold.figures.connected >= 19_000 : undefined,
    hold
      ? `${hold.figures.connected} of ${hold.figures.participants} joined${hold.figures.participants < 19_000 ? ' (run --participants 19000 --scenario hold)' : ''}`
      : '-',
  );
  judge(
    'hold: ≤ 12 KB server RSS per participant',
    hold && typeof rss === 'number' ? rss <= 12 * 1024 : undefined,
    hold ? `${bytes(rss)} at N = ${hold.figures.connected}` : '-',
  );
  const fe = get('fanout', 'ettor')?.figures.fanout_p99_ms;
  const fl = get('fanout', 'limit')?.figures.fanout_p99_ms;
  judge(
    'fanout: p99 ≤ 1.3 × the limit baseline',
    typeof fe === 'number' && typeof fl === 'number' ? fe <= 1.3 * fl : undefined,
    `${cell(fe)} ms vs ${cell(fl)} ms (${typeof fe === 'number' && typeof fl === 'number' ? (fe / fl).toFixed(2) : '-'}×)`,
  );
  const burst = get('burst', 'ettor');
  if (burst && !burst.failure) {
    const acked = burst.figures.burst_all_acked_ms;
    const screen = burst.details.presenter_tally_complete_ms as number | null | undefined;
    judge(
      'burst: all acked within 2 s',
      typeof acked === 'number' ? acked <= 2_000 : false,
      `${cell(acked ?? `not all (${burst.details.acked}/${burst.details.sent})`)} ms`,
    );
    judge('burst: presenter tally complete within 2.5 s', typeof screen === 'number' ? screen <= 2_500 : false, `${cell(screen)} ms`);
    judge(
      'burst: 0 lost, 0 double counted',
      burst.figures.lost === 0 && burst.figures.double_counted === 0,
      `${cell(burst.figures.lost)} lost, ${cell(burst.figures.double_counted)} double`,
    );
  } else judge('burst', undefined, '-');
  const se = get('sustained', 'ettor');
  const sl = get('sustained', 'limit');
  const st = get('sustained', 'typical');
  const perCpu = (r: ScenarioRow | undefined) => r?.details.answers_per_cpu_s as number | null | undefined;
  judge(
    'sustained: ≥ 40 % of the limit baseline’s answers per CPU-second',
    typeof perCpu(se) === 'number' && typeof perCpu(sl) === 'number' ? (perCpu(se) as number) >= 0.4 * (perCpu(sl) as number) : undefined,
    `${cell(perCpu(se))} vs ${cell(perCpu(sl))} answers/CPU-s`,
  );
  if (se && st) {
    const better = [
      (se.figures.sustained_votes_per_s ?? 0) > (st.figures.sustained_votes_per_s ?? 0),
      (perCpu(se) ?? 0) > (perCpu(st) ?? 0),
      (se.figures.vote_to_presenter_p99_ms ?? Infinity) < (st.figures.vote_to_presenter_p99_ms ?? Infinity),
    ];
    judge(
      'sustained: ahead of the typical baseline on every figure',
      better.every(Boolean),
      `votes/s ${cell(se.figures.sustained_votes_per_s)} vs ${cell(st.figures.sustained_votes_per_s)}, answers/CPU-s ${cell(perCpu(se))} vs ${cell(perCpu(st))}, vote→screen p99 ${cell(se.figures.vote_to_presenter_p99_ms)} vs ${cell(st.figures.vote_to_presenter_p99_ms)} ms`,
    );
  } else judge('sustained: ahead of the typical baseline on every figure', undefined, '-');
  return out;
}

export function machine() {
  return {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memory_bytes: os.totalmem(),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

/**
 * What several nodes add: each node's and nginx's CPU and memory per scenario, slide changes to the phones on node 2,
 * and vote → screen for answers committed on node 2, on node 1's big screen and on its own.
 */
function renderCluster(rows: ScenarioRow[], cluster: ClusterReport): string {
  const out = [
    `\nSeveral nodes: ${cluster.nodes} Ettor nodes behind nginx. Phones connect through nginx, ${cluster.direct_phones} of them to node 2 directly; ` +
      'the big screen is on node 1, a second one on node 2.',
  ];
  const measured = rows.filter((r) => Array.isArray(r.details.nodes));
  const names = ((measured[0]?.details.nodes ?? []) as NodeUsage[]).map((usage) => usage.node);
  if (measured.length > 0) {
    out.push(
      `\nPer node: CPU-s during the scenario / RSS at its end\n${table(
        ['scenario', ...names],
        measured.map((r) => [
          r.scenario,
          ...(r.details.nodes as NodeUsage[]).map((usage) => `${cell(usage.cpu_s)} / ${cell(bytes(usage.rss_bytes))}`),
        ]),
      )}`,
    );
  }
  const changes = rows
    .filter((r) => r.details.cross_node_slide_change_p99_ms !== undefined)
    .map(
      (r) =>
        `${r.scenario} ${cell(r.details.cross_node_slide_change_p50_ms)}/${cell(r.details.cross_node_slide_change_p99_ms)} (${cell(r.details.cross_node_missing_deliveries)} missed)`,
    );
  if (changes.length > 0) out.push(`\nSlide change to the phones on node 2 (presenter on node 1), p50/p99 ms: ${changes.join(', ')}`);
  const cross = cluster.cross_node;
  if (cross) {
    const screen = (label: string, latency: typeof cross.other_node) => [
      label,
      cell(latency.p50_ms),
      cell(latency.p99_ms),
      cell(latency.max_ms),
      cell(latency.measured),
      cell(latency.unseen),
    ];
    out.push(
      `\nCross-node vote → screen: node 2's phones answer at ${cross.rate}/s for ${cross.seconds} s, the rest of the room holds still; ` +
        `${cross.acked}/${cross.sent} acked (ack p50/p99 ${cell(cross.ack_p50_ms)}/${cell(cross.ack_p99_ms)} ms), lost ${cross.lost}, double ${cross.double_counted}\n` +
        table(
          ['big screen on', 'p50 ms', 'p99 ms', 'max ms', 'measured', 'unseen'],
          [screen('node 1 (cross-node)', cross.other_node), screen('node 2 (same node)', cross.same_node)],
        ),
    );
  }
  if (cluster.failure) out.push(`\nCross-node vote → screen FAILED: ${cluster.failure.split('\n')[0]}`);
  return out.join('\n');
}

/** The human report: one table per scenario, then the ratios and targets, or with several nodes their own figures instead. */
export function render(rows: ScenarioRow[], participants: number, cluster?: ClusterReport): string {
  const out: string[] = [];
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  for (const scenario of scenarios) {
    const columns = COLUMNS[scenario];
    const body = rows
      .filter((r) => r.scenario === scenario)
      .map((r) => [
        r.server,
        ...columns.map(([, read]) => cell(read(r))),
        r.failure ? `FAILED: ${r.failure.split('\n')[0]}` : cell(r.details.not_applicable ?? ''),
      ]);
    const busy = rows
      .filter((r) => r.scenario === scenario && typeof r.details.other_cpu_share === 'number')
      .map((r) => `${r.server} ${Math.round((r.details.other_cpu_share as number) * 100)} %`);
    const note = busy.length > 0 ? `\nOther work on the machine meanwhile (share of all CPU): ${busy.join(', ')}` : '';
    out.push(`\n${scenario} (N = ${participants})\n${table(['server', ...columns.map(([label]) => label), ''], body)}${note}`);
  }
  if (cluster) {
    out.push(renderCluster(rows, cluster));
    return out.join('\n');
  }
  const ratio = ratios(rows);
  const ratioRows = Object.entries(ratio).flatMap(([scenario, figures]) =>
    Object.entries(figures).map(([figure, r]) => [scenario, figure, cell(r.vs_limit), cell(r.vs_typical)]),
  );
  if (ratioRows.length > 0) out.push(`\nEttor ÷ baseline\n${table(['scenario', 'figure', '÷ limit', '÷ typical'], ratioRows)}`);
  const judged = targets(rows);
  out.push(
    `\nTargets (issue 4)\n${table(
      ['target', 'status', 'measured'],
      judged.map((t) => [t.target, t.status, t.measured]),
    )}`,
  );
  return out.join('\n');
}

export function writeJson(file: string, rows: ScenarioRow[], meta: Record<string, unknown>): void {
  const byScenario: Record<string, Record<string, Figures & { details: unknown; failure?: string }>> = {};
  for (const row of rows) {
    byScenario[row.scenario] ??= {};
    (byScenario[row.scenario] as Record<string, unknown>)[row.server] = {
      ...row.figures,
      ...(row.failure ? { failure: row.failure } : {}),
      details: row.details,
    };
  }
  const report = { ...meta, machine: machine(), scenarios: byScenario, ratios: ratios(rows), targets: targets(rows) };
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
