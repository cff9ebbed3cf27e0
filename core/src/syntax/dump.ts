// A deterministic, readable dump of a syntax tree for fixture tests:
// one node a line, `Kind start..end` followed by the node's scalar facts.

import type { ArchFile, Node } from "./ast";
import { childrenOf } from "./walk";

const SCALARS = ["text", "value", "valueKind", "componentKind", "schemaKind", "location", "access", "argKind", "name", "table", "array", "optional", "missing", "hasParens"];

function describe(node: Node): string {
  const parts: string[] = [`${node.kind} ${node.start}..${node.end}`];
  const record = node as unknown as Record<string, unknown>;
  for (const key of SCALARS) {
    const v = record[key];
    if (v === undefined || v === false || typeof v === "object") continue;
    if (key === "hasParens" && node.kind !== "Attribute") continue;
    parts.push(`${key}=${JSON.stringify(v)}`);
  }
  const doc = record["doc"] as { text: string } | undefined;
  if (doc) parts.push(`doc=${JSON.stringify(doc.text)}`);
  return parts.join(" ");
}

export function dumpFile(file: ArchFile): string {
  const lines: string[] = [];
  const visit = (node: Node, depth: number) => {
    lines.push("  ".repeat(depth) + describe(node));
    for (const child of childrenOf(node)) visit(child, depth + 1);
  };
  for (const child of childrenOf(file)) visit(child, 0);
  for (const d of file.diagnostics) lines.push(`${d.severity} ${d.start}..${d.end} ${d.code}: ${d.message}`);
  return lines.join("\n") + "\n";
}
