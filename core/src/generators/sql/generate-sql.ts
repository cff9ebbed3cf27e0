// PostgreSQL DDL from the semantic model: a pure, deterministic function.
//
// Each service with entities becomes one schema (`CREATE SCHEMA <service in
// snake_case>`) holding its enum types, tables, keys, checks, indexes,
// partitions and `COMMENT ON` documentation. By default there is one file per
// service (`<service-in-kebab-case>.sql`); `service` restricts the output to
// one; `whole` puts every schema in one file, in dependency order. Each
// service's DDL is self-contained (no cross-schema foreign keys or types), so
// a per-service file runs on its own database and the whole file is the same
// statements in one script. No header comment: the CLI adds it.
//
// See docs in plan.ts (what is generated and what is reported) and
// check-expression.ts (the trust model of `@check("sql")`).

import { compareDiagnostics, type Diagnostic } from "../../diagnostics/diagnostic";
import type { Model } from "../../semantic/model";
import { closest, kebabCase } from "../../util/names";
import type { GeneratorResult } from "../types";
import { planSql, type SchemaPlan } from "./plan";
import { renderSchema } from "./render";

export interface SqlOptions {
  /** Only this service (its name as declared; case-insensitive if that is unambiguous). */
  service?: string;
  /** One file for all services instead of one per service. */
  whole?: boolean;
}

export function generateSql(model: Model, options: SqlOptions = {}): GeneratorResult {
  const plan = planSql(model);
  let schemas = plan.schemas;
  const diagnostics: Diagnostic[] = [];

  if (options.service !== undefined) {
    const wanted = options.service;
    const services = model.services;
    const exact = services.filter((s) => s.symbol.name === wanted);
    const folded = exact.length ? exact : services.filter((s) => s.symbol.name.toLowerCase() === wanted.toLowerCase());
    const service = folded.length === 1 ? folded[0] : undefined;
    if (!service) {
      const names = services.map((s) => s.symbol.name);
      const suggestion = closest(wanted, names);
      const known = schemas.filter((s) => s.service).map((s) => s.service!.symbol.name);
      diagnostics.push(
        globalDiagnostic(
          "error",
          "sql/unknown-service",
          `There is no service \`${wanted}\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ""}${known.length ? ` Services with entities: ${known.join(", ")}.` : " No service has entities."}`,
        ),
      );
      return { files: [], diagnostics };
    }
    schemas = schemas.filter((s) => s.service === service);
    if (schemas.length === 0) {
      diagnostics.push(globalDiagnostic("warning", "sql/no-entities", `Service ${service.symbol.name} has no entities, so it has no tables to generate.`, service.uri, service.decl.name));
      return { files: [], diagnostics };
    }
  }

  for (const s of schemas) diagnostics.push(...s.diagnostics);
  const sorted = dedupe(diagnostics.sort(compareDiagnostics));
  if (schemas.length === 0) return { files: [], diagnostics: sorted };

  if (options.whole) {
    const text = schemas.map((s) => renderSchema(s, { banner: true })).join("\n\n") + "\n";
    return { files: [{ path: `${wholeStem(schemas)}.sql`, text }], diagnostics: sorted };
  }
  const files = schemas.map((s) => ({ path: `${s.fileStem}.sql`, text: renderSchema(s, { banner: false }) + "\n" }));
  return { files, diagnostics: sorted };
}

/** The system's name when every schema belongs to the same one, else `model`. */
function wholeStem(schemas: SchemaPlan[]): string {
  const systems = new Set(schemas.map((s) => s.system));
  const [only] = systems;
  return systems.size === 1 && only ? kebabCase(only.symbol.name) || "model" : "model";
}

function globalDiagnostic(severity: Diagnostic["severity"], code: string, message: string, uri = "", span = { start: 0, end: 0 }): Diagnostic {
  return { uri, start: span.start, end: span.end, severity, code, message };
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.uri}\u0000${d.start}\u0000${d.end}\u0000${d.code}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
