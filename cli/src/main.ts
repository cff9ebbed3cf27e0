// The `archwright` command line: argument parsing and dispatch. All file I/O
// of the CLI lives in cli/; the language work is the core's.

import { runCheck } from "./check";
import { runGenerate, type GenerateArgs } from "./generate";
import { UsageError } from "./files";

declare const ARCHWRIGHT_VERSION: string | undefined;

const HELP = `archwright — check and generate from .arch architecture models

Usage:
  archwright check <files or folders…> [--format text|json|sarif] [--config FILE] [--max-warnings N]
  archwright generate openapi|sql|mermaid <files or folders…> [-o DIR] [--service NAME] [--whole]
                     [--diagram architecture|er|sequence] [--scope service|neighbours|system]
                     [--endpoint "GET /path"] [--force]
  archwright import openapi <files or folders…> [--service NAME] [--by-tag] [-o FILE] [--force] [--verbose]
  archwright import sql <files…> [--service NAME] [-o FILE] [--force] [--verbose]
  archwright --help | --version

Commands:
  check      Report syntax, name and lint diagnostics. Folders are searched
             for *.arch files; imports are followed. Rule settings come from
             the nearest archwright.json above the first file (or --config).

  generate   Write OpenAPI 3.1 (one document per service, or --whole), PostgreSQL
             DDL (one file per service, or --whole) or Mermaid diagrams to DIR,
             or print them. A file edited since Archwright wrote it is kept
             unless --force is given.

  import     Write an .arch model from OpenAPI 3.0/3.1 documents (YAML or JSON;
             references to other local files are bundled; one service per
             document, or per tag with --by-tag) or from PostgreSQL DDL
             (CREATE TABLE/TYPE/INDEX, ALTER TABLE, as pg_dump writes it; one
             service per schema, or all in --service NAME). The model goes to
             FILE (-o; an existing file is kept unless --force) or stdout; the
             summary of what was imported and what the language cannot say
             goes to stderr (--verbose lists every item).

Options:
  --format text|json|sarif
                       Output format (default: text); sarif is SARIF 2.1.0,
                       for GitHub code scanning.
  --config FILE        The archwright.json to use instead of the nearest one.
  --max-warnings N     Exit with status 1 when there are more than N warnings.

Exit status: 0 no errors, 1 errors (or too many warnings), 2 bad usage or unreadable files.
`;

interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

function parseArgs(argv: string[], valued: ReadonlySet<string>): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (valued.has(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        flags.set(name, value);
      } else if (eq > 0) throw new UsageError(`--${name} takes no value`);
      else flags.set(name, true);
    } else if (a.startsWith("-") && a.length > 1) {
      const alias: Record<string, string> = { h: "help", v: "version", o: "output", f: "format" };
      const name = alias[a.slice(1)];
      if (!name) throw new UsageError(`unknown option ${a}`);
      if (valued.has(name)) {
        const value = argv[++i];
        if (value === undefined) throw new UsageError(`${a} needs a value`);
        flags.set(name, value);
      } else flags.set(name, true);
    } else positional.push(a);
  }
  return { positional, flags };
}

function checkFlags(parsed: Parsed, allowed: string[]): void {
  for (const name of parsed.flags.keys()) {
    if (!allowed.includes(name)) throw new UsageError(`unknown option --${name}`);
  }
}

/** The exit status; a promise for the commands that read asynchronously (import). */
export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number | Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      out(HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === "--version" || command === "-v") {
      out(`${typeof ARCHWRIGHT_VERSION === "string" ? ARCHWRIGHT_VERSION : "dev"}\n`);
      return 0;
    }
    switch (command) {
      case "check": {
        const parsed = parseArgs(rest, new Set(["format", "max-warnings", "config"]));
        checkFlags(parsed, ["format", "max-warnings", "config", "help"]);
        if (parsed.flags.has("help")) {
          out(HELP);
          return 0;
        }
        const format = (parsed.flags.get("format") ?? "text") as string;
        if (format !== "text" && format !== "json" && format !== "sarif") throw new UsageError(`--format must be text, json or sarif, not ${format}`);
        const mw = parsed.flags.get("max-warnings");
        let maxWarnings: number | undefined;
        if (mw !== undefined) {
          maxWarnings = Number(mw);
          if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings needs a whole number, not ${String(mw)}`);
        }
        const config = parsed.flags.get("config");
        return runCheck({ paths: parsed.positional, format, ...(maxWarnings !== undefined ? { maxWarnings } : {}), ...(typeof config === "string" ? { config } : {}) }, out);
      }
      case "generate": {
        const [target, ...more] = rest;
        if (target === "--help" || target === "-h") {
          out(HELP);
          return 0;
        }
        if (target !== "openapi" && target !== "sql" && target !== "mermaid") throw new UsageError(`generate needs a target: openapi, sql or mermaid${target ? `, not ${target}` : ""}`);
        const parsed = parseArgs(more, new Set(["output", "service", "diagram", "scope", "endpoint"]));
        checkFlags(parsed, ["output", "service", "diagram", "scope", "endpoint", "whole", "force"]);
        const text = (name: string) => {
          const v = parsed.flags.get(name);
          return typeof v === "string" ? v : undefined;
        };
        const diagram = text("diagram");
        if (diagram !== undefined && !["architecture", "er", "sequence"].includes(diagram)) throw new UsageError(`--diagram must be architecture, er or sequence, not ${diagram}`);
        const scope = text("scope");
        if (scope !== undefined && !["service", "neighbours", "system"].includes(scope)) throw new UsageError(`--scope must be service, neighbours or system, not ${scope}`);
        if (target !== "mermaid" && (diagram || scope || text("endpoint"))) throw new UsageError("--diagram, --scope and --endpoint apply to mermaid only");
        const options: GenerateArgs = { target, paths: parsed.positional };
        for (const key of ["output", "service", "endpoint"] as const) {
          const v = text(key);
          if (v !== undefined) options[key] = v;
        }
        if (diagram) options.diagram = diagram as NonNullable<GenerateArgs["diagram"]>;
        if (scope) options.scope = scope as NonNullable<GenerateArgs["scope"]>;
        if (parsed.flags.has("whole")) options.whole = true;
        if (parsed.flags.has("force")) options.force = true;
        return runGenerate(options, out, err);
      }
      case "import": {
        if (rest[0] === "--help" || rest[0] === "-h") {
          out(HELP);
          return 0;
        }
        // Loaded on demand: the importers pull in Redocly's bundler and PostgreSQL's parser,
        // which every `check` would otherwise pay for at start-up.
        return import("./import").then(({ parseImportArgs, runImport }) => runImport(parseImportArgs(rest), out, err)).catch((e: unknown) => failure(e, err));
      }
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (e) {
    return failure(e, err);
  }
}

/** Bad usage and internal errors: a clear message and exit status 2. */
function failure(e: unknown, err: (s: string) => void): number {
  if (e instanceof UsageError) {
    err(`archwright: ${e.message}\nRun \`archwright --help\` for usage.\n`);
    return 2;
  }
  err(`archwright: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return 2;
}

/** Entry point of bin/archwright.js. */
export function run(): void {
  const status = main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
  if (typeof status === "number") process.exitCode = status;
  else void status.then((code) => (process.exitCode = code));
}
