// Every snippet in snippets/arch.code-snippets, with its placeholders filled
// with their defaults, must be valid .arch. A snippet that is only valid inside
// some block (an endpoint inside an `api`, a relation inside a `service`, …) is
// wrapped in that block first: CONTEXT below says where each snippet belongs,
// and a snippet without an entry fails the test.
//
// Expansion rules (a subset of VS Code's snippet syntax):
//   ${1:default}      → default (itself expanded; nested placeholders allowed)
//   ${1|a,b,c|}       → a (the first choice)
//   $1, ${1}          → the value given to tabstop 1 elsewhere in the body (a mirror);
//                       "" when tabstop 1 has no default anywhere — so a bare
//                       tabstop may only stand where nothing is valid ($0 at a
//                       statement position). Give placeholders a default wherever
//                       a token is required.
//   $NAME, ${NAME:d}  → d, or "" (variables such as $TM_FILENAME)
//   \$ \} \\          → $ } \

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../core/src/syntax/parser";

type Context = "file" | "system" | "service" | "api" | "entity";

const CONTEXT: Record<string, Context> = {
  import: "file",
  system: "file",
  service: "file",
  entity: "service",
  type: "service",
  event: "service",
  enum: "service",
  "field reference": "entity",
  api: "service",
  "endpoint: list": "api",
  "endpoint: get item": "api",
  "endpoint: create": "api",
  "endpoint: update": "api",
  "endpoint: delete": "api",
  "endpoint with block": "api",
  "resource endpoints": "api",
  calls: "service",
  "calls endpoint": "service",
  publishes: "service",
  consumes: "service",
  "uses cache": "service",
  "service database": "service",
  database: "system",
  cache: "system",
  queue: "system",
  gateway: "system",
  client: "system",
  external: "system",
};

const indent = (text: string, by: string): string =>
  text
    .split("\n")
    .map((line) => (line.trim() === "" ? line : by + line))
    .join("\n");

const WRAP: Record<Context, (body: string) => string> = {
  file: (body) => `${body}\n`,
  system: (body) => `system Sys {\n${indent(body, "  ")}\n}\n`,
  service: (body) => `service Svc {\n${indent(body, "  ")}\n}\n`,
  api: (body) => `service Svc {\n  api "/api/v1" {\n${indent(body, "    ")}\n  }\n}\n`,
  entity: (body) => `service Svc {\n  entity Row {\n    id uuid @id\n${indent(body, "    ")}\n  }\n}\n`,
};

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

const snippetsPath = join(__dirname, "..", "snippets", "arch.code-snippets");
const snippets = JSON.parse(readFileSync(snippetsPath, "utf8")) as Record<string, Snippet>;

/** Expands a VS Code snippet body to the text it inserts when every placeholder keeps its default. */
function expandSnippet(body: string): string {
  const defaults = new Map<string, string>();
  // Two passes: the first records each tabstop's default, the second fills mirrors with it.
  expand(body, defaults, true);
  return expand(body, defaults, false);
}

function expand(src: string, defaults: Map<string, string>, collecting: boolean): string {
  let i = 0;

  // Reads text up to (not including) one of the stop characters at this nesting level.
  function text(stops: string): string {
    let out = "";
    while (i < src.length && !stops.includes(src[i]!)) {
      const c = src[i]!;
      if (c === "\\" && i + 1 < src.length && "$}\\,|".includes(src[i + 1]!)) {
        out += src[i + 1];
        i += 2;
      } else if (c === "$") {
        out += dollar();
      } else {
        out += c;
        i++;
      }
    }
    return out;
  }

  function record(index: string, value: string): void {
    if (collecting && !defaults.has(index)) defaults.set(index, value);
  }

  function mirror(index: string): string {
    if (index === "0") return "";
    return defaults.get(index) ?? "";
  }

  // At a `$`: a tabstop, placeholder, choice or variable.
  function dollar(): string {
    i++; // $
    const simple = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(i));
    if (simple) {
      i += simple[0].length;
      return /^\d/.test(simple[0]) ? mirror(simple[0]) : "";
    }
    if (src[i] !== "{") return "$";
    i++; // {
    const name = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(i));
    if (!name) throw new Error(`bad snippet syntax at ${i}: ${src}`);
    i += name[0].length;
    const key = name[0];
    const isTabstop = /^\d/.test(key);
    const c = src[i];
    if (c === "}") {
      i++;
      return isTabstop ? mirror(key) : "";
    }
    if (c === ":") {
      i++;
      const value = text("}");
      i++; // }
      if (isTabstop) record(key, value);
      return value;
    }
    if (c === "|") {
      i++;
      const choices: string[] = [];
      for (;;) {
        choices.push(text(",|"));
        if (src[i] === ",") {
          i++;
          continue;
        }
        break;
      }
      i += 2; // |}
      const value = choices[0] ?? "";
      if (isTabstop) record(key, value);
      return value;
    }
    if (c === "/") {
      // ${1/regex/format/flags}: a transform; not used by our snippets.
      throw new Error(`snippet transforms are not supported by this test: ${src}`);
    }
    throw new Error(`bad snippet syntax at ${i}: ${src}`);
  }

  const out = text("");
  if (i !== src.length) throw new Error(`unbalanced snippet syntax: ${src}`);
  return out;
}

const bodyText = (s: Snippet): string => (Array.isArray(s.body) ? s.body.join("\n") : s.body);

describe("snippet expansion", () => {
  it("fills placeholders, choices, mirrors and the final tabstop", () => {
    expect(expandSnippet("a ${1:x} ${2|p,q|} $1 ${2} $0 \\$")).toBe("a x p x p  $");
    expect(expandSnippet("${1:outer ${2:inner}} $2")).toBe("outer inner inner");
    expect(expandSnippet("${1}_dlq then ${1:events}")).toBe("events_dlq then events");
    expect(expandSnippet("${TM_FILENAME_BASE:doc} $TM_SELECTED_TEXT|")).toBe("doc |");
  });
});

describe("snippets", () => {
  it("every snippet has a context, and every context a snippet", () => {
    expect(Object.keys(snippets).sort()).toEqual(Object.keys(CONTEXT).sort());
  });

  it("every snippet has a prefix, a description and a body", () => {
    for (const [name, s] of Object.entries(snippets)) {
      expect(s.prefix, name).toBeTruthy();
      expect(s.description, name).toBeTruthy();
      expect(bodyText(s).trim(), name).not.toBe("");
    }
  });

  it("prefixes are unique", () => {
    const prefixes = Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`"${name}" expands to valid .arch`, () => {
      const context = CONTEXT[name];
      expect(context, `no CONTEXT entry for snippet "${name}"`).toBeDefined();
      const text = WRAP[context!](expandSnippet(bodyText(snippet)));
      const file = parse(text, "file:///snippet.arch");
      const errors = file.diagnostics
        .filter((d) => d.severity === "error")
        .map((d) => `${d.code} at ${d.start}-${d.end} ${JSON.stringify(text.slice(d.start, d.end))}: ${d.message}`);
      expect(errors, `snippet "${name}" expanded to:\n${text}`).toEqual([]);
    });
  }
});
