// Diagnostics, text edits and fixes: plain data shared by every layer of the core.

export type Severity = "error" | "warning" | "info" | "hint";

export interface TextRange {
  start: number; // UTF-16 offset, inclusive
  end: number; // UTF-16 offset, exclusive
}

export interface TextEdit {
  uri: string;
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply without review; at most one fix per diagnostic is preferred. */
  preferred?: boolean;
}

export interface RelatedInformation {
  uri: string;
  start: number;
  end: number;
  message: string;
}

export type DiagnosticTag = "unnecessary" | "deprecated";

export interface Diagnostic {
  uri: string;
  start: number;
  end: number;
  severity: Severity;
  /** `syntax/...`, `name/...`, or a lint rule id such as `rest/verb-in-path`. */
  code: string;
  message: string;
  related?: RelatedInformation[];
  fixes?: Fix[];
  tags?: DiagnosticTag[];
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.start - b.start || a.end - b.end || severityRank[a.severity] - severityRank[b.severity] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
