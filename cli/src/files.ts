// Reading models from disk: folders are searched for *.arch, imports are
// followed, and unreadable or non-UTF-8 files become clear usage errors.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Workspace, resolveImport } from "../../core/src/index";

export class UsageError extends Error {}

const SKIP_DIRS = new Set(["node_modules", ".git", "dist", "out"]);

/** Files under `dir` (sorted, skipping hidden and build folders) that `keep` accepts. */
function findFiles(dir: string, keep: (path: string, name: string) => boolean, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new UsageError(`cannot read folder ${dir}: ${(e as Error).message}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith(".")) findFiles(path, keep, out);
    } else if (entry.isFile() && keep(path, entry.name)) out.push(path);
  }
}

/**
 * Expands command-line paths: files as given, folders searched for the files
 * `keep` accepts (.arch files by default); a folder without any is a usage error.
 */
export function expandPaths(paths: string[], keep: (path: string, name: string) => boolean = (_, name) => name.endsWith(".arch"), what = ".arch files"): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      throw new UsageError(`no such file or folder: ${p}`);
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      findFiles(abs, keep, found);
      if (found.length === 0) throw new UsageError(`no ${what} in folder ${p}`);
      out.push(...found);
    } else out.push(abs);
  }
  return [...new Set(out)];
}

const decoder = new TextDecoder("utf-8", { fatal: true });

export function readModelFile(path: string): string {
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === "ENOENT" ? `no such file: ${path}` : code === "EISDIR" ? `${path} is a folder` : `cannot read ${path}: ${(e as Error).message}`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new UsageError(`${path} is not UTF-8 text`);
  }
}

/** Loads the files and, transitively, the files they import. Missing imports are left to the model's diagnostics. */
export function loadWorkspace(paths: string[]): { workspace: Workspace; roots: string[] } {
  const workspace = new Workspace();
  const roots = expandPaths(paths).map((p) => pathToFileURL(p).href);
  const queue = [...roots];
  const seen = new Set<string>();
  while (queue.length) {
    const uri = queue.shift()!;
    if (seen.has(uri)) continue;
    seen.add(uri);
    const isRoot = roots.includes(uri);
    const path = fileURLToPath(uri);
    let text: string;
    try {
      text = readModelFile(path);
    } catch (e) {
      if (isRoot) throw e;
      continue; // an import that cannot be read is reported on the import line
    }
    workspace.set(uri, text);
    for (const imp of workspace.file(uri)!.imports) {
      if (!imp.path || !imp.path.value.endsWith(".arch")) continue;
      const target = resolveImport(uri, imp.path.value);
      if (target && target.startsWith("file:") && !seen.has(target)) {
        try {
          if (statSync(fileURLToPath(target)).isFile()) queue.push(target);
        } catch {
          // missing: reported by the model
        }
      }
    }
  }
  return { workspace, roots };
}
