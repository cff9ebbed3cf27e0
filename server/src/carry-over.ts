// Keeps the workspace rules' findings on a file while it is being edited, until
// the next full pass: diagnostics before the edited region stay, those after
// it move with the text, those touching it are dropped.

import { RULES, type Diagnostic } from "../../core/src/index";

const WORKSPACE_CODES = new Set([...RULES.filter((r) => r.scope !== "file").map((r) => r.id), "internal/rule-crashed"]);

/** The changed region between two texts: [start, oldEnd) in the old text became [start, newEnd) in the new one. */
export function changedRegion(before: string, after: string): { start: number; oldEnd: number; newEnd: number } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

export function carryOver(previous: readonly Diagnostic[], before: string, after: string): Diagnostic[] {
  const kept = previous.filter((d) => WORKSPACE_CODES.has(d.code));
  if (kept.length === 0 || before === after) return kept;
  const { start, oldEnd, newEnd } = changedRegion(before, after);
  const delta = newEnd - oldEnd;
  const move = (offset: number) => (offset >= oldEnd ? offset + delta : offset);
  const out: Diagnostic[] = [];
  for (const d of kept) {
    if (d.end > start && d.start < oldEnd) continue; // touches the edit
    if (d.end === start && d.start === start && start !== oldEnd) continue;
    const moved: Diagnostic = { ...d, start: move(d.start), end: move(d.end) };
    if (d.fixes) {
      const fixes = d.fixes.filter((f) => f.edits.every((e) => e.uri !== d.uri || e.end <= start || e.start >= oldEnd)).map((f) => ({ ...f, edits: f.edits.map((e) => (e.uri === d.uri ? { ...e, start: move(e.start), end: move(e.end) } : e)) }));
      if (fixes.length) moved.fixes = fixes;
      else delete moved.fixes;
    }
    out.push(moved);
  }
  return out;
}
