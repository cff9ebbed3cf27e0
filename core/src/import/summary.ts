// What an import reports besides the .arch text: one entry per operation
// (OpenAPI) or table (SQL) of the input, and every other object it read, each
// with what it became and what the language could not say about it.

export type ImportedKind =
  | "document"
  | "operation"
  | "webhook"
  | "schema"
  | "security-scheme"
  | "table"
  | "partition"
  | "enum"
  | "index"
  | "constraint"
  | "sequence"
  | "statement";

export interface SummaryItem {
  kind: ImportedKind;
  /** The object as the input names it: `GET /pets/{petId}`, `public.orders`, `#/components/schemas/Pet`. */
  source: string;
  /** What it became in the .arch model: `Pets: GET /pets/{petId}`, `entity Order`; absent when skipped. */
  target?: string;
  /** imported: everything expressed; partial: imported, with notes; skipped: not in the model (see notes). */
  status: "imported" | "partial" | "skipped";
  /** What the language could not say (also written as `//` comments in the output, at the object). */
  notes: string[];
}

export interface ImportSummary {
  items: SummaryItem[];
  /** Problems with the input itself: unresolved references, statements the parser rejected, unsupported versions. */
  problems: string[];
}

export interface ImportResult {
  /** The .arch model, formatted like hand-written text. Empty when nothing could be imported. */
  text: string;
  summary: ImportSummary;
}

/** Collects summary items; an item with notes is `partial` unless it was skipped. */
export class SummaryBuilder {
  readonly items: SummaryItem[] = [];
  readonly problems: string[] = [];

  add(kind: ImportedKind, source: string, target: string | undefined, notes: string[] = [], skipped = false): SummaryItem {
    const item: SummaryItem = { kind, source, status: skipped ? "skipped" : notes.length ? "partial" : "imported", notes: [...notes] };
    if (target !== undefined && !skipped) item.target = target;
    this.items.push(item);
    return item;
  }

  /** Adds notes to an item later (its status follows). */
  note(item: SummaryItem, ...notes: string[]): void {
    for (const n of notes) if (!item.notes.includes(n)) item.notes.push(n);
    if (item.status === "imported" && item.notes.length) item.status = "partial";
  }

  build(): ImportSummary {
    return { items: this.items, problems: this.problems };
  }
}

/** The summary as text for a terminal (the CLI prints it to stderr). */
export function formatSummary(summary: ImportSummary, options: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  for (const p of summary.problems) lines.push(`problem: ${p}`);
  const counts = new Map<string, { imported: number; partial: number; skipped: number }>();
  for (const item of summary.items) {
    let c = counts.get(item.kind);
    if (!c) counts.set(item.kind, (c = { imported: 0, partial: 0, skipped: 0 }));
    c[item.status]++;
  }
  const plural = (kind: string, n: number) => (n === 1 ? kind : kind === "index" ? "indexes" : kind.endsWith("s") ? kind : `${kind}s`);
  const totals = [...counts].map(([kind, c]) => {
    const n = c.imported + c.partial + c.skipped;
    const parts = [c.partial ? `${c.partial} with notes` : "", c.skipped ? `${c.skipped} skipped` : ""].filter(Boolean);
    return `${n} ${plural(kind, n)}${parts.length ? ` (${parts.join(", ")})` : ""}`;
  });
  lines.push(`imported ${totals.join(", ") || "nothing"}`);
  for (const item of summary.items) {
    if (!options.verbose && item.status === "imported") continue;
    const arrow = item.target ? ` -> ${item.target}` : "";
    lines.push(`${item.status === "skipped" ? "skipped" : item.status === "partial" ? "partial" : "ok"} ${item.kind} ${item.source}${arrow}`);
    for (const n of item.notes) lines.push(`    ${n}`);
  }
  return lines.join("\n") + "\n";
}
