import type { CrossNodeOutcome } from './scenarios/cross-node.js';
import type { ScenarioName, ServerKind } from './types.js';

/** The figures the issue asks for, per scenario and server; null where a scenario does not measure one. */
export interface Figures {
  participants: number;
  connected: number;
  rss_per_participant_bytes: number | null;
  fanout_p50_ms: number | null;
  fanout_p99_ms: number | null;
  burst_all_acked_ms: number | null;
  lost: number | null;
  double_counted: number | null;
  sustained_votes_per_s: number | null;
  cpu_s_per_1000_votes: number | null;
  vote_to_presenter_p99_ms: number | null;
}

export const FIGURE_KEYS = [
  'participants',
  'connected',
  'rss_per_participant_bytes',
  'fanout_p50_ms',
  'fanout_p99_ms',
  'burst_all_acked_ms',
  'lost',
  'double_counted',
  'sustained_votes_per_s',
  'cpu_s_per_1000_votes',
  'vote_to_presenter_p99_ms',
] as const satisfies readonly (keyof Figures)[];

export interface ScenarioRow {
  scenario: ScenarioName;
  server: ServerKind;
  figures: Figures;
  /** Everything else the scenario measured, for the JSON report and the curious. */
  details: Record<string, unknown>;
  /** Set when the scenario could not finish; its figures are then partial. */
  failure?: string;
}

export function emptyFigures(participants: number, connected: number): Figures {
  return {
    participants,
    connected,
    rss_per_participant_bytes: null,
    fanout_p50_ms: null,
    fanout_p99_ms: null,
    burst_all_acked_ms: null,
    lost: null,
    double_counted: null,
    sustained_votes_per_s: null,
    cpu_s_per_1000_votes: null,
    vote_to_presenter_p99_ms: null,
  };
}

/** With several nodes: one part's share of a scenario (a node, or nginx), in the scenario's details as `nodes`. */
export interface NodeUsage {
  node: string;
  /** CPU-seconds used during the scenario. */
  cpu_s: number | null;
  /** Resident memory at its end. */
  rss_bytes: number;
}

/** What a run on several nodes adds to the report. */
export interface ClusterReport {
  nodes: number;
  /** Phones that connected to node 2 directly rather than through nginx. */
  direct_phones: number;
  cross_node: CrossNodeOutcome | null;
  failure?: string;
}
