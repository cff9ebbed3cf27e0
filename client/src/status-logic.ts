// Pure helpers for the status bar item and the language server's restart
// policy (no vscode: tested with vitest).

export interface ProblemCounts {
  errors: number;
  warnings: number;
  files: number;
}

/** VS Code's DiagnosticSeverity numbers: Error 0, Warning 1, Information 2, Hint 3. */
export type SeverityNumber = 0 | 1 | 2 | 3;

/** Whether a document's diagnostics belong to Archwright: .arch files and archwright.json. */
export function isArchwrightUri(path: string): boolean {
  const p = path.toLowerCase();
  return p.endsWith(".arch") || p.endsWith("/archwright.json") || p === "archwright.json";
}

/** Counts errors and warnings over `[path, severities]` pairs, keeping only Archwright's files. */
export function countProblems(entries: Iterable<readonly [string, readonly SeverityNumber[]]>): ProblemCounts {
  const counts: ProblemCounts = { errors: 0, warnings: 0, files: 0 };
  for (const [path, severities] of entries) {
    if (!isArchwrightUri(path)) continue;
    let any = false;
    for (const s of severities) {
      if (s === 0) counts.errors++;
      else if (s === 1) counts.warnings++;
      else continue;
      any = true;
    }
    if (any) counts.files++;
  }
  return counts;
}

/**
 * The status bar text, with codicons: `$(type-hierarchy) $(error) 2 $(warning) 5`
 * (the leading icon tells it apart from VS Code's own problem counter), or
 * `$(check) Archwright` when the model is clean.
 */
export function statusText(c: ProblemCounts): string {
  if (c.errors === 0 && c.warnings === 0) return "$(check) Archwright";
  return `$(type-hierarchy) $(error) ${c.errors} $(warning) ${c.warnings}`;
}

export function statusTooltip(c: ProblemCounts): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (c.errors === 0 && c.warnings === 0) return "Archwright: no errors or warnings in the workspace's .arch files. Click to open the Problems panel.";
  return `Archwright: ${plural(c.errors, "error")} and ${plural(c.warnings, "warning")} in ${plural(c.files, "file")}. Click to open the Problems panel.`;
}

/**
 * Restarts after a crash, at most `max` times within `windowMs`: beyond that
 * the server stays down until the user restarts it (a crash loop would
 * otherwise flood the window with messages).
 */
export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    readonly max = 4,
    readonly windowMs = 3 * 60_000,
  ) {}

  /** Records a crash at `now`; true when the server should be restarted. */
  crashed(now: number): boolean {
    this.crashes = this.crashes.filter((t) => now - t < this.windowMs);
    this.crashes.push(now);
    return this.crashes.length <= this.max;
  }

  /** Crashes within the window. */
  recent(now: number): number {
    return this.crashes.filter((t) => now - t < this.windowMs).length;
  }

  /** After a manual restart, start counting again. */
  reset(): void {
    this.crashes = [];
  }
}
