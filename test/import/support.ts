// Shared helpers of the import tests: loading models, checking imported text.

import { readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { analyze } from "../../core/src/semantic/analyze";
import type { Model } from "../../core/src/semantic/model";
import { parse } from "../../core/src/syntax/parser";
import { formatText } from "../../core/src/ide/format";

export const repo = resolve(__dirname, "../..");

/** The example models (examples/*.arch) and the generators' fixtures. */
export function exampleModels(): string[] {
  const arch = (dir: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".arch"))
      .sort()
      .map((f) => join(dir, f));
  return arch(join(repo, "examples"));
}

export function fixtureModels(): string[] {
  const out: string[] = [];
  for (const dir of ["core/src/generators/openapi/__fixtures__", "core/src/generators/sql/__fixtures__"]) {
    try {
      for (const f of readdirSync(join(repo, dir)).sort()) if (f.endsWith(".arch")) out.push(join(repo, dir, f));
    } catch {
      // no fixtures
    }
  }
  return out;
}

export function loadModel(path: string): Model {
  return analyze([parse(readFileSync(path, "utf8"), `file:///models/${basename(path)}`)]);
}

export function modelOf(text: string, name = "imported.arch"): Model {
  return analyze([parse(text, `file:///imported/${name}`)]);
}

/** Syntax and name errors of imported text, as readable lines. */
export function errorsOf(text: string): string[] {
  const model = modelOf(text);
  const lines = text.split("\n");
  return model.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => {
      const line = text.slice(0, d.start).split("\n").length;
      return `${line}: ${d.code} ${d.message} | ${lines[line - 1]?.trim()}`;
    });
}

/** The text is what the formatter would write. */
export function isFormatted(text: string): boolean {
  return formatText(text) === text;
}

/** Removes the generator's source positions (file:line), which differ by construction. */
export function withoutSources<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutSources) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== "x-archwright-source") out[k] = withoutSources(v);
    return out as T;
  }
  return value;
}
