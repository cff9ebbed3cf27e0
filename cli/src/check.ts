// `archwright check`: diagnostics as text, JSON or SARIF, with CI-friendly exit
// codes. The project's archwright.json (the nearest one above the first model
// file, or --config FILE) sets rule severities and options; its own problems
// are reported like any other diagnostic, on the config file.

import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { check, lineIndexOf, LineIndex, type Diagnostic, type LintConfig } from "../../core/src/index";
import { CONFIG_FILE_NAME, parseConfig } from "../../core/src/lint/config";
import { toSarif } from "../../core/src/lint/sarif";
import { loadWorkspace, readModelFile, UsageError } from "./files";

declare const ARCHWRIGHT_VERSION: string | undefined;

export type CheckFormat = "text" | "json" | "sarif";

export interface CheckArgs {
  paths: string[];
  format: CheckFormat;
  maxWarnings?: number;
  /** An explicit archwright.json; otherwise the nearest one above the first model file is used. */
  config?: string;
  /** The folder paths are reported relative to (and SARIF's %SRCROOT%); the working folder by default. */
  cwd?: string;
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

/** The nearest archwright.json in `dir` or a folder above it. */
export function findConfig(dir: string): string | undefined {
  let current = resolve(dir);
  for (;;) {
    const candidate = resolve(current, CONFIG_FILE_NAME);
    try {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    } catch {
      // unreadable: keep looking upward
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

interface LoadedConfig {
  uri: string;
  lines: LineIndex;
  config: LintConfig;
  diagnostics: Diagnostic[];
}

function loadConfig(explicit: string | undefined, firstModel: string | undefined): LoadedConfig | undefined {
  let path: string | undefined;
  if (explicit !== undefined) {
    path = resolve(explicit);
    if (!existsSync(path)) throw new UsageError(`no such config file: ${explicit}`);
  } else if (firstModel !== undefined) path = findConfig(dirname(firstModel));
  if (path === undefined) return undefined;
  const text = readModelFile(path);
  const uri = pathToFileURL(path).href;
  const { config, diagnostics } = parseConfig(text, uri);
  return { uri, lines: new LineIndex(text), config, diagnostics };
}

function displayPath(uri: string, cwd: string): string {
  return uri.startsWith("file:") ? relative(cwd, fileURLToPath(uri)) : uri;
}

/** A SARIF artifact location: relative to %SRCROOT% (the working folder) when the file is under it. */
function sarifArtifact(uri: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (!uri.startsWith("file:")) return { uri };
  const rel = relative(cwd, fileURLToPath(uri));
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return { uri };
  return { uri: rel.split(sep).map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
}

export function runCheck(args: CheckArgs, out: (s: string) => void): number {
  if (args.paths.length === 0) throw new UsageError("check needs at least one file or folder");
  const cwd = args.cwd ?? process.cwd();
  const { workspace, roots } = loadWorkspace(args.paths);
  const firstRoot = roots[0];
  const loaded = loadConfig(args.config, firstRoot !== undefined ? fileURLToPath(firstRoot) : undefined);
  const model = workspace.getModel();
  const diagnostics = [...(loaded?.diagnostics ?? []), ...check(model, loaded ? { config: loaded.config } : {})];

  const linesOf = (uri: string): LineIndex | undefined => {
    if (loaded && uri === loaded.uri) return loaded.lines;
    const file = model.files.get(uri);
    return file ? lineIndexOf(file) : undefined;
  };

  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;

  if (args.format === "sarif") {
    const log = toSarif(diagnostics, {
      toolVersion: typeof ARCHWRIGHT_VERSION === "string" ? ARCHWRIGHT_VERSION : "0.0.0-dev",
      artifact: (uri) => sarifArtifact(uri, cwd),
      lines: linesOf,
      srcRoot: pathToFileURL(cwd).href.replace(/\/?$/, "/"),
    });
    out(JSON.stringify(log, null, 2) + "\n");
  } else {
    const rows: JsonDiagnostic[] = diagnostics.map((d) => {
      const lines = linesOf(d.uri);
      const s = lines?.positionAt(d.start) ?? { line: 0, character: 0 };
      const e = lines?.positionAt(d.end) ?? s;
      return {
        file: displayPath(d.uri, cwd),
        line: s.line + 1,
        column: s.character + 1,
        endLine: e.line + 1,
        endColumn: e.character + 1,
        severity: d.severity,
        code: d.code,
        message: d.message,
      };
    });
    if (args.format === "json") {
      out(JSON.stringify(rows, null, 2) + "\n");
    } else {
      for (const r of rows) out(`${r.file}:${r.line}:${r.column} ${r.severity} ${r.code} ${r.message}\n`);
      const files = workspace.uris().length;
      out(`${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}\n`);
    }
  }
  if (errors > 0) return 1;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) return 1;
  return 0;
}
