// Generic traversal of the syntax tree: every node is an object with `kind`,
// `start` and `end`; its children are the node-valued properties, in source order.

import type { Node } from "./ast";

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).kind === "string" && typeof (value as Node).start === "number";
}

/** The direct children of a node, in source order. */
export function childrenOf(node: object): Node[] {
  const out: Node[] = [];
  for (const key in node) {
    if (key === "doc" || key === "comments") continue;
    const value = (node as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      if (key === "members" && (node as Node).kind === "Service") continue; // duplicates of the typed lists
      for (const item of value) if (isNode(item)) out.push(item);
    } else if (isNode(value)) out.push(value);
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

/** Visits every node depth-first, pre-order; return false from `visit` to skip a node's children. Iterative. */
export function walk(root: object, visit: (node: Node, parent: object) => boolean | void): void {
  const stack: { node: Node; parent: object }[] = childrenOf(root).reverse().map((node) => ({ node, parent: root }));
  while (stack.length) {
    const { node, parent } = stack.pop()!;
    if (visit(node, parent) === false) continue;
    const kids = childrenOf(node);
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ node: kids[k]!, parent: node });
  }
}

/** The chain of nodes containing `offset`, outermost first. */
export function nodePath(root: object, offset: number): Node[] {
  const path: Node[] = [];
  let current: object = root;
  for (;;) {
    const next = childrenOf(current).find((c) => c.start <= offset && offset <= c.end && !(c.kind === "Identifier" && c.missing && c.start !== offset));
    if (!next) return path;
    path.push(next);
    current = next;
  }
}
