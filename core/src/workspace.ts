// A workspace of .arch files: parses each file once per change and builds the
// semantic model on demand. Editing one file re-parses only that file, and
// re-analyses only it and the files that depend on its names.

import type { ArchFile, ImportDecl } from "./syntax/ast";
import { parse } from "./syntax/parser";
import { analyze, createAnalysisCache } from "./semantic/analyze";
import type { Model } from "./semantic/model";
import type { Diagnostic } from "./diagnostics/diagnostic";

export class Workspace {
  private readonly files = new Map<string, ArchFile>();
  private model: Model | undefined;
  /** Lets each analysis redo only what the changed files affect. */
  private readonly cache = createAnalysisCache();

  /** Adds or replaces a file; returns false (and keeps the cache) when the text is unchanged. */
  set(uri: string, text: string): boolean {
    const existing = this.files.get(uri);
    if (existing && existing.text === text) return false;
    this.files.set(uri, parse(text, uri));
    this.model = undefined;
    return true;
  }

  delete(uri: string): boolean {
    const had = this.files.delete(uri);
    if (had) this.model = undefined;
    return had;
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  file(uri: string): ArchFile | undefined {
    return this.files.get(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  /** The model of every file, rebuilt only after a change. */
  getModel(): Model {
    if (!this.model) {
      this.model = analyze(this.files.values(), this.cache);
      this.model.diagnostics.push(...importDiagnostics(this.files));
    }
    return this.model;
  }
}

/** Resolves an import's path against the importing file's URI. */
export function resolveImport(fromUri: string, importPath: string): string | undefined {
  try {
    return new URL(importPath, fromUri).href;
  } catch {
    return undefined;
  }
}

function importDiagnostics(files: ReadonlyMap<string, ArchFile>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of files.values()) {
    for (const imp of file.imports) {
      const d = checkImport(file.uri, imp, files);
      if (d) out.push(d);
    }
  }
  return out;
}

function checkImport(uri: string, imp: ImportDecl, files: ReadonlyMap<string, ArchFile>): Diagnostic | undefined {
  if (!imp.path) return undefined;
  const target = resolveImport(uri, imp.path.value);
  if (!imp.path.value.endsWith(".arch")) {
    return { uri, start: imp.path.start, end: imp.path.end, severity: "error", code: "name/unresolved-import", message: `An import names an .arch file: \`${imp.path.value}\` does not end in .arch.` };
  }
  if (!target || !files.has(target)) {
    return { uri, start: imp.path.start, end: imp.path.end, severity: "error", code: "name/unresolved-import", message: `Cannot find the imported file \`${imp.path.value}\`.` };
  }
  return undefined;
}
