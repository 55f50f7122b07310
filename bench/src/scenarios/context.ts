import type { Figures } from '../metrics.js';
import type { Presenter } from '../presenter.js';
import type { ServerProcess } from '../server-process.js';
import type { WorkerPool } from '../simulator/pool.js';
import type { LiveSession } from '../types.js';

/** What every scenario gets: one running server with its session, its big screen and the connected audience. */
export interface ScenarioContext {
  server: ServerProcess;
  session: LiveSession;
  presenter: Presenter;
  pool: WorkerPool;
  /** Phones asked for, and phones that joined in the hold phase. */
  participants: number;
  connected: number;
  /** Server CPU-seconds per second while the full room idles (heartbeats only), measured in hold. */
  idleCpuPerS: number;
  log(line: string): void;
}

export interface ScenarioOutcome {
  figures: Partial<Figures>;
  details: Record<string, unknown>;
}
