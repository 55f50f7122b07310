import { describeError } from '../api/error-text';

/** A page's status line and the actions that report to it: one at a time, busy while it runs, its failure described. */
export class PageActions {
  busy = $state(false);
  message = $state('');
  isError = $state(false);

  report(text: string, isError = false): void {
    this.message = text;
    this.isError = isError;
  }

  async run(action: () => Promise<unknown>): Promise<void> {
    this.busy = true;
    try {
      await action();
    } catch (error) {
      this.report(describeError(error), true);
    } finally {
      this.busy = false;
    }
  }
}
