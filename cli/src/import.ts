// `archwright import openapi|sql`: the I/O around the core's importers.
// OpenAPI: files or folders (a folder's documents are the YAML/JSON files
// with a top-level `openapi` key; the others are parts they refer to), each
// bundled with Redocly so that `$ref`s to other local files resolve (URLs are
// refused: nothing is fetched). SQL: files, parsed by PostgreSQL's own
// parser (libpg-query, WebAssembly). The .arch text goes to -o FILE or
// stdout; the summary of what was imported and what the language could not
// say goes to stderr.

import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, extname, relative, resolve } from "node:path";
import { BaseResolver, bundle, createConfig, type Config } from "@redocly/openapi-core";
import { importOpenApi, importSql, formatSummary, type ImportResult, type OpenApiInput } from "../../core/src/import/index";
import { parseOpenApiText } from "../../core/src/import/openapi/text";
import { analyze, parse } from "../../core/src/index";
import { expandPaths, readModelFile, UsageError } from "./files";
import { writeAtomically } from "./generate";

export interface ImportArgs {
  target: "openapi" | "sql";
  paths: string[];
  service?: string;
  byTag?: boolean;
  output?: string;
  force?: boolean;
  verbose?: boolean;
}

/** Parses `import …` arguments (throws UsageError). */
export function parseImportArgs(argv: string[]): ImportArgs {
  const [target, ...rest] = argv;
  if (target !== "openapi" && target !== "sql") throw new UsageError(`import needs a source kind: openapi or sql${target ? `, not ${target}` : ""}`);
  const args: ImportArgs = { target, paths: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = (name: string) => {
      const eq = a.indexOf("=");
      if (eq > 0) return a.slice(eq + 1);
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === "-o" || a === "--output" || a.startsWith("--output=")) args.output = value("--output");
    else if (a === "--service" || a.startsWith("--service=")) args.service = value("--service");
    else if (a === "--by-tag") {
      if (target !== "openapi") throw new UsageError("--by-tag applies to openapi only");
      args.byTag = true;
    } else if (a === "--force") args.force = true;
    else if (a === "--verbose") args.verbose = true;
    else if (a === "--") args.paths.push(...rest.slice(i + 1)), (i = rest.length);
    else if (a.startsWith("-") && a !== "-") throw new UsageError(`unknown option ${a}`);
    else args.paths.push(a);
  }
  if (args.paths.length === 0) throw new UsageError(`import ${target} needs at least one file${target === "openapi" ? " or folder" : ""}`);
  if (args.service !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(args.service)) throw new UsageError(`--service needs a name made of letters, digits and _, not ${JSON.stringify(args.service)}`);
  return args;
}

/** The import itself: 0 imported, 1 problems with the input (or nothing to import), 2 unreadable input (thrown as UsageError). */
export async function runImport(args: ImportArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (args.output && existsSync(args.output) && !args.force) throw new UsageError(`${args.output} exists; not overwriting it (use --force)`);
  const result = args.target === "openapi" ? await importOpenApiFiles(args.paths, { ...(args.service ? { service: args.service } : {}), ...(args.byTag ? { byTag: true } : {}) }) : await importSqlFiles(args.paths, args.service ? { service: args.service } : {});
  err(formatSummary(result.summary, { verbose: !!args.verbose }));
  if (!result.text) {
    err("archwright: nothing was imported\n");
    return 1;
  }
  // The output must be a valid model; say so loudly if it is not.
  const model = analyze([parse(result.text, "file:///imported.arch")]);
  const errors = model.diagnostics.filter((d) => d.severity === "error");
  for (const d of errors.slice(0, 20)) err(`archwright: the imported model has an error (please report it): ${d.code} ${d.message}\n`);
  if (args.output) {
    writeAtomically(resolve(args.output), result.text);
    err(`wrote ${relative(process.cwd(), resolve(args.output)) || args.output}\n`);
  } else out(result.text);
  return result.summary.problems.length || errors.length ? 1 : 0;
}

// ---- OpenAPI --------------------------------------------------------------------------------------

/** Refuses every reference that is not a local file: an import never fetches anything. */
class LocalFilesOnly extends BaseResolver {
  override async loadExternalRef(absoluteRef: string) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(absoluteRef) && !absoluteRef.startsWith("file://")) throw new Error(`remote $ref ${absoluteRef} is not fetched`);
    return super.loadExternalRef(absoluteRef);
  }
}

let redoclyConfig: Promise<Config> | undefined;

const OPENAPI_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);

/** The documents among the given files and folders: files as given; in folders, files with a top-level `openapi` (or `swagger`) key. */
export function findOpenApiDocuments(paths: string[]): string[] {
  const isDocument = (path: string, name: string) => {
    if (!OPENAPI_EXTENSIONS.has(extname(name).toLowerCase())) return false;
    const text = readModelFile(path);
    return /^(openapi|swagger)\s*:/m.test(text) || /^\s*\{[\s\S]{0,200}"(openapi|swagger)"\s*:/.test(text);
  };
  return expandPaths(paths, isDocument, "OpenAPI documents (YAML or JSON with an `openapi` key)");
}

/** Bundles each document's local `$ref`s (Redocly) and imports them all into one model. */
export async function importOpenApiFiles(paths: string[], options: { service?: string; byTag?: boolean } = {}): Promise<ImportResult> {
  const files = findOpenApiDocuments(paths);
  if (options.service && files.length > 1) throw new UsageError("--service names one service; give one document (or use --by-tag)");
  redoclyConfig ??= createConfig({}, { externalRefResolver: new LocalFilesOnly() });
  const config = await redoclyConfig;
  const inputs: OpenApiInput[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const text = readModelFile(file);
    let document: unknown;
    try {
      document = parseOpenApiText(text);
    } catch (e) {
      throw new UsageError(`${file} is neither YAML nor JSON: ${(e as Error).message.split("\n")[0]}`);
    }
    try {
      const bundled = await bundle({ ref: file, config, externalRefResolver: new LocalFilesOnly(), dereference: false });
      document = bundled.bundle.parsed;
      for (const p of bundled.problems) if (p.severity === "error") problems.push(`${basename(file)}: ${p.message}`);
    } catch (e) {
      problems.push(`${basename(file)}: could not bundle its references: ${(e as Error).message}`);
    }
    inputs.push({ document, source: basename(file) });
  }
  const result = importOpenApi(inputs, options);
  result.summary.problems.unshift(...problems);
  return result;
}

// ---- SQL --------------------------------------------------------------------------------------------

/** Imports DDL files (concatenated in the given order) with PostgreSQL's parser. */
export async function importSqlFiles(paths: string[], options: { service?: string } = {}): Promise<ImportResult> {
  const texts = paths.map((p) => {
    const abs = resolve(p);
    if (existsSync(abs) && statSync(abs).isDirectory()) throw new UsageError(`${p} is a folder; give the .sql files`);
    return readModelFile(abs);
  });
  const { loadModule, parseSync } = await import("libpg-query");
  await loadModule();
  const source = paths.length === 1 ? basename(paths[0]!) : undefined;
  return importSql(texts.join("\n;\n"), parseSync, { ...options, ...(source ? { source } : {}) });
}

/** For tests: the text of a file. */
export function readText(path: string): string {
  return readFileSync(path, "utf8");
}
