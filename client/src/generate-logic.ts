// The pure part of the generate commands: where files may go and what to do
// with a file that already exists. No vscode here (tested with vitest).

import { generatedState, type GeneratedState } from "../../core/src/generators/header";

/** A generated file's name: a plain file name, never a path (no separators, no `..`, nothing hidden or odd). */
export function safeFileName(name: string): string | undefined {
  if (!name || name.length > 255) return undefined;
  if (/[/\\:*?"<>|\u0000-\u001f\u007f]/.test(name)) return undefined;
  if (name === "." || name === ".." || name.startsWith(".") || name.endsWith(".") || name.endsWith(" ")) return undefined;
  // Windows device names are not files.
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(name)) return undefined;
  return name;
}

export type OutputFolder = { segments: string[] } | { error: string };

/**
 * The output folder setting as path segments under the workspace folder
 * (`generated`, `docs/api`). Absolute paths and `..` are refused: generated
 * files stay inside the workspace.
 */
export function outputFolderSegments(setting: string | undefined): OutputFolder {
  const raw = (setting ?? "").trim();
  if (!raw || raw === "." || raw === "./") return { segments: [] };
  if (raw.startsWith("/") || raw.startsWith("\\") || /^[A-Za-z]:/.test(raw) || raw.startsWith("~")) {
    return { error: `archwright.output.folder must be a folder relative to the workspace, not ${JSON.stringify(raw)}.` };
  }
  const segments = raw.split(/[/\\]+/).filter((s) => s !== "" && s !== ".");
  if (segments.some((s) => s === ".." || /[\u0000-\u001f\u007f:*?"<>|]/.test(s))) {
    return { error: `archwright.output.folder must stay inside the workspace (no "..", no special characters): ${JSON.stringify(raw)}.` };
  }
  return { segments };
}

export type WriteDecision =
  /** No file there yet. */
  | { action: "create" }
  /** The file already holds exactly this text. */
  | { action: "unchanged" }
  /** Archwright wrote it and nobody edited it since: replace without asking. */
  | { action: "replace" }
  /** Edited since it was generated, or not written by Archwright: show a diff and ask. */
  | { action: "ask"; state: Exclude<GeneratedState, "unchanged"> };

export function decideWrite(existing: string | undefined, next: string): WriteDecision {
  if (existing === undefined) return { action: "create" };
  if (normalizeEol(existing) === normalizeEol(next)) return { action: "unchanged" };
  const state = generatedState(normalizeEol(existing));
  return state === "unchanged" ? { action: "replace" } : { action: "ask", state };
}

function normalizeEol(text: string): string {
  return text.replace(/\r\n/g, "\n");
}

/** The question asked before replacing a file. */
export function replaceQuestion(name: string, state: "modified" | "not-generated"): string {
  return state === "modified"
    ? `${name} was edited since Archwright generated it. Replace it with the newly generated file? Your changes would be lost.`
    : `${name} was not written by Archwright. Replace it with the generated file?`;
}

export interface GenerateSummary {
  written: string[];
  unchanged: string[];
  kept: string[];
  refused: string[];
}

/** `Wrote 2 files to generated/ (1 unchanged, 1 kept because it was edited).` */
export function summaryText(s: GenerateSummary, folderLabel: string): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const extra: string[] = [];
  if (s.unchanged.length) extra.push(`${s.unchanged.length} unchanged`);
  if (s.kept.length) extra.push(`${s.kept.length} kept as edited`);
  if (s.refused.length) extra.push(`${s.refused.length} refused (not a plain file name)`);
  const head = s.written.length ? `Wrote ${n(s.written.length, "file")} to ${folderLabel}` : `Nothing written to ${folderLabel}`;
  return extra.length ? `${head} (${extra.join(", ")}).` : `${head}.`;
}

/** The names of the model files a generated file comes from, for its header. */
export function sourceNames(uris: readonly string[]): string[] {
  const names = uris.map((u) => {
    const tail = u.slice(u.lastIndexOf("/") + 1);
    try {
      return decodeURIComponent(tail);
    } catch {
      return tail;
    }
  });
  return [...new Set(names.filter(Boolean))];
}
