// Structural invariants every parsed tree must satisfy, on any input: ranges
// inside the text, children inside their parent, siblings in order.

import { expect } from "vitest";
import { childrenOf, type ArchFile, type Node } from "../../core/src/index";

export function checkInvariants(file: ArchFile): void {
  const n = file.text.length;
  const problems: string[] = [];
  const visit = (node: Node, parent: { start: number; end: number }) => {
    if (!(node.start >= 0 && node.start <= node.end && node.end <= n)) problems.push(`${node.kind} ${node.start}..${node.end} outside 0..${n}`);
    if (node.start < parent.start || node.end > parent.end) problems.push(`${node.kind} ${node.start}..${node.end} outside its parent ${parent.start}..${parent.end}`);
    let last = node.start;
    for (const child of childrenOf(node)) {
      if (child.start < last) problems.push(`${child.kind} ${child.start} starts before its previous sibling ends (${last})`);
      last = Math.max(last, child.end);
      visit(child, node);
    }
  };
  const stack: Node[] = [];
  void stack;
  for (const top of childrenOf(file)) visit(top, { start: 0, end: n });
  for (const d of file.diagnostics) {
    if (!(d.start >= 0 && d.start <= d.end && d.end <= n)) problems.push(`diagnostic ${d.code} ${d.start}..${d.end} outside 0..${n}`);
  }
  expect(problems).toEqual([]);
}
