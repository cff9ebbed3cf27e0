// The pure part of the preview on the extension side: turning the server's
// answer into the webview's update (no uris leave the extension), finding the
// nodes under the cursor, and looking up a clicked node. No vscode here.

import type { PreviewDiagram, PreviewNode, PreviewResponse } from "../../protocol/src/preview";
import type { DiagramKind, Highlight, ScopeSetting, UpdateMessage } from "../../protocol/src/webview-messages";

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

export function rangeContains(r: Range, p: Position): boolean {
  return before(r.start, p) && before(p, r.end);
}

/** A rough size for "innermost": lines first, then characters. */
function rangeSize(r: Range): number {
  return (r.end.line - r.start.line) * 1_000_000 + (r.end.character - r.start.character);
}

/** Per diagram, the innermost node whose declaration holds the cursor (none when the cursor is in no declaration of the diagram). */
export function nodesAtPosition(diagrams: readonly Pick<PreviewDiagram, "kind" | "nodes">[], uri: string, position: Position): Highlight {
  const out: Highlight = {};
  for (const d of diagrams) {
    let best: PreviewNode | undefined;
    for (const n of d.nodes) {
      if (n.uri !== uri || !rangeContains(n.fullRange, position)) continue;
      if (!best || rangeSize(n.fullRange) < rangeSize(best.fullRange)) best = n;
    }
    out[d.kind] = best ? [best.id] : [];
  }
  return out;
}

/** The declaration behind a clicked node, from the last answer (the webview only sends ids). */
export function findNode(response: PreviewResponse | undefined, kind: DiagramKind, id: string): PreviewNode | undefined {
  return response?.diagrams.find((d) => d.kind === kind)?.nodes.find((n) => n.id === id);
}

export function documentName(uri: string): string {
  const tail = uri.slice(uri.lastIndexOf("/") + 1);
  try {
    return decodeURIComponent(tail);
  } catch {
    return tail;
  }
}

/** The webview's update for an answer: titles, texts and node ids, no file locations. */
export function toUpdate(response: PreviewResponse, seq: number, documentUri: string, highlight: Highlight, counts?: { errors: number; warnings: number }): UpdateMessage {
  const scope: ScopeSetting = response.scope === "system" ? "system" : "auto";
  return {
    type: "update",
    seq,
    documentUri,
    documentName: documentName(documentUri),
    scope,
    scopeLabel: response.scopeLabel,
    diagrams: response.diagrams.map((d) => ({
      kind: d.kind,
      title: d.title,
      text: d.text,
      nodes: d.nodes.map((n) => ({ id: n.id, label: n.symbolName })),
      ...(d.empty !== undefined ? { empty: d.empty } : {}),
      notes: d.notes,
    })),
    openapi: response.openapi,
    sql: response.sql,
    broken: response.broken,
    // The workspace's counts as VS Code shows them (lint included), when the caller has them.
    problems: counts ? { ...response.problems, errors: counts.errors, warnings: counts.warnings } : response.problems,
    highlight,
  };
}

/** Calls `fn` once, `ms` after the last call; `flush` runs it now if pending. */
export function debounce(fn: () => void, ms: number): { (): void; cancel(): void; flush(): void; pending(): boolean } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    fn();
  };
  const call = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  call.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  call.flush = () => {
    if (timer) {
      clearTimeout(timer);
      run();
    }
  };
  call.pending = () => timer !== undefined;
  return call;
}
