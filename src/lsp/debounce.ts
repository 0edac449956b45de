// Per-key debouncing, as yaml-language-server validates: every change restarts the key's timer,
// and only the last one runs. A caller that needs the result now cancels the pending job and runs it.
export class Debouncer {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; job: () => void }>();

  schedule(key: string, ms: number, job: () => void): void {
    this.cancel(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      job();
    }, ms);
    this.timers.set(key, { timer, job });
  }

  pending(key: string): boolean {
    return this.timers.has(key);
  }

  cancel(key: string): void {
    const t = this.timers.get(key);
    if (!t) return;
    clearTimeout(t.timer);
    this.timers.delete(key);
  }

  cancelAll(): void {
    for (const key of [...this.timers.keys()]) this.cancel(key);
  }
}
