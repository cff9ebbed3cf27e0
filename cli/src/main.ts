// The `archwright` command line: argument parsing and dispatch. All file I/O
// of the CLI lives in cli/; the language work is the core's.

import { runCheck } from "./check";
import { UsageError } from "./files";

declare const ARCHWRIGHT_VERSION: string | undefined;

const HELP = `archwright — check and generate from .arch architecture models

Usage:
  archwright check <files or folders…> [--format text|json] [--max-warnings N]
  archwright --help | --version

Commands:
  check      Report syntax, name and lint diagnostics. Folders are searched
             for *.arch files; imports are followed.

Options:
  --format text|json   Output format (default: text).
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

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
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
        const parsed = parseArgs(rest, new Set(["format", "max-warnings"]));
        checkFlags(parsed, ["format", "max-warnings", "help"]);
        if (parsed.flags.has("help")) {
          out(HELP);
          return 0;
        }
        const format = (parsed.flags.get("format") ?? "text") as string;
        if (format !== "text" && format !== "json") throw new UsageError(`--format must be text or json, not ${format}`);
        const mw = parsed.flags.get("max-warnings");
        let maxWarnings: number | undefined;
        if (mw !== undefined) {
          maxWarnings = Number(mw);
          if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings needs a whole number, not ${String(mw)}`);
        }
        return runCheck({ paths: parsed.positional, format, ...(maxWarnings !== undefined ? { maxWarnings } : {}) }, out);
      }
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(`archwright: ${e.message}\nRun \`archwright --help\` for usage.\n`);
      return 2;
    }
    err(`archwright: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}

/** Entry point of bin/archwright.js. */
export function run(): void {
  process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}
