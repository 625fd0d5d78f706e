/**
 * Per-stage timings on stderr for long steps. Quiet mode records the timings (they go into
 * analysis.json's meta) without printing them.
 */
export class Progress {
  readonly timings: Record<string, number> = {};
  private readonly quiet: boolean;
  private readonly write: (line: string) => void;

  constructor(options: { quiet?: boolean; write?: (line: string) => void } = {}) {
    this.quiet = options.quiet ?? false;
    this.write = options.write ?? ((line) => process.stderr.write(`${line}\n`));
  }

  /** Runs one stage, records how long it took and reports it. */
  stage<T>(name: string, run: () => T): T {
    const started = performance.now();
    const result = run();
    this.record(name, performance.now() - started);
    return result;
  }

  async stageAsync<T>(name: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await run();
    this.record(name, performance.now() - started);
    return result;
  }

  note(message: string): void {
    if (!this.quiet) this.write(message);
  }

  private record(name: string, ms: number): void {
    this.timings[name] = Math.round(ms * 10) / 10;
    if (!this.quiet) this.write(`  ${name.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms`);
  }
}
