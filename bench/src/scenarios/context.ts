import type { Figures } from '../metrics.js';
import type { Presenter } from '../presenter.js';
import type { StoreLocation } from '../store.js';
import type { WorkerPool } from '../simulator/pool.js';
import type { LiveSession, ServerKind } from '../types.js';

/** What serves the audience: one server process, or several Ettor nodes behind nginx. */
export interface Served {
  kind: ServerKind;
  /** Where phones connect: the server itself, or nginx in front of the nodes. */
  url: string;
  /** The server processes, nginx aside: a scenario's CPU and memory figures are their sums. */
  pids: number[];
  store: StoreLocation;
}

/** With several nodes: node 2's own big screen, and the worker whose phones connect to node 2 directly. */
export interface CrossNode {
  presenter: Presenter;
  worker: number;
}

/** What every scenario gets: the running server with its session, its big screen and the connected audience. */
export interface ScenarioContext {
  server: Served;
  session: LiveSession;
  presenter: Presenter;
  pool: WorkerPool;
  /** Phones asked for, and phones that joined in the hold phase. */
  participants: number;
  connected: number;
  /** Server CPU-seconds per second while the full room idles (heartbeats only), measured in hold. */
  idleCpuPerS: number;
  /** Only with several nodes. */
  crossNode?: CrossNode;
  log(line: string): void;
}

export interface ScenarioOutcome {
  figures: Partial<Figures>;
  details: Record<string, unknown>;
}
