// `archwright check`: diagnostics as text or JSON, with CI-friendly exit codes.

import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { check, lineIndexOf, type Diagnostic } from "../../core/src/index";
import { loadWorkspace, UsageError } from "./files";

export interface CheckArgs {
  paths: string[];
  format: "text" | "json";
  maxWarnings?: number;
}

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Diagnostic["severity"];
  code: string;
  message: string;
}

export function runCheck(args: CheckArgs, out: (s: string) => void): number {
  if (args.paths.length === 0) throw new UsageError("check needs at least one file or folder");
  const { workspace } = loadWorkspace(args.paths);
  const model = workspace.getModel();
  const diagnostics = check(model);
  const rows: JsonDiagnostic[] = diagnostics.map((d) => {
    const file = model.files.get(d.uri);
    const lines = file ? lineIndexOf(file) : undefined;
    const s = lines?.positionAt(d.start) ?? { line: 0, character: 0 };
    const e = lines?.positionAt(d.end) ?? s;
    return {
      file: d.uri.startsWith("file:") ? relative(process.cwd(), fileURLToPath(d.uri)) : d.uri,
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    };
  });
  const errors = rows.filter((r) => r.severity === "error").length;
  const warnings = rows.filter((r) => r.severity === "warning").length;
  if (args.format === "json") {
    out(JSON.stringify(rows, null, 2) + "\n");
  } else {
    for (const r of rows) out(`${r.file}:${r.line}:${r.column} ${r.severity} ${r.code} ${r.message}\n`);
    const files = workspace.uris().length;
    out(`${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}\n`);
  }
  if (errors > 0) return 1;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) return 1;
  return 0;
}
