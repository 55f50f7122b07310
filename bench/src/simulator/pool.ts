import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CommandName, Commands, FromWorker, ToWorker, WorkerInit } from './messages.js';

const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));

/** The simulator's worker processes, driven together: each call goes to every worker and gathers their replies. */
export class WorkerPool {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private constructor(private readonly children: ChildProcess[]) {
    for (const child of children) {
      child.on('message', (message: FromWorker) => {
        if (message.kind !== 'reply') return;
        const waiter = this.waiting.get(message.id);
        if (!waiter) return;
        this.waiting.delete(message.id);
        if (message.error) waiter.reject(new Error(`worker: ${message.error}`));
        else waiter.resolve(message.result);
      });
      child.on('exit', (code, signal) => {
        if (code === 0 || signal === 'SIGTERM' || signal === 'SIGKILL') return;
        for (const waiter of this.waiting.values()) waiter.reject(new Error(`a simulator worker exited (${code ?? signal})`));
        this.waiting.clear();
      });
    }
  }

  /** Forks one process per init and waits until each has built its phones. */
  static async start(inits: WorkerInit[]): Promise<WorkerPool> {
    const children = inits.map(() =>
      // Advanced serialisation carries typed arrays of timings without turning them into JSON text.
      fork(WORKER, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
    await Promise.all(
      children.map(
        (child, index) =>
          new Promise<void>((resolve, reject) => {
            child.once('error', reject);
            child.once('exit', (code) => reject(new Error(`simulator worker exited early (${code})`)));
            child.on('message', (message: FromWorker) => {
              if (message.kind === 'ready') resolve();
            });
            child.send({ kind: 'init', init: inits[index] as WorkerInit } satisfies ToWorker);
          }),
      ),
    );
    return new WorkerPool(children);
  }

  get pids(): number[] {
    return this.children.map((child) => child.pid ?? 0);
  }

  /** Runs a command on every worker at once; resolves with their replies in worker order. */
  all<C extends CommandName>(command: C, args: Commands[C][0]): Promise<Commands[C][1][]> {
    return Promise.all(this.children.map((child) => this.call(child, command, args)));
  }

  /** Like all(), with per-worker arguments (e.g. each worker's share of a rate). */
  each<C extends CommandName>(command: C, args: (index: number) => Commands[C][0]): Promise<Commands[C][1][]> {
    return Promise.all(this.children.map((child, index) => this.call(child, command, args(index))));
  }

  private call<C extends CommandName>(child: ChildProcess, command: C, args: Commands[C][0]): Promise<Commands[C][1]> {
    const id = this.nextId;
    this.nextId += 1;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ kind: 'call', id, command, args } satisfies ToWorker);
    });
  }

  /** Closes every phone, then ends the processes; kills any that do not go within the grace time. */
  async stop(graceMs = 5_000): Promise<void> {
    await Promise.race([this.all('close', {}).catch(() => undefined), new Promise((resolve) => setTimeout(resolve, graceMs))]);
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.disconnect();
          }),
      ),
    );
  }

  /** Last resort when the orchestrator itself is going down. */
  killAll(): void {
    for (const child of this.children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
