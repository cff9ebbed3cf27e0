/**
 * Test-side OpenAPI validator: lints a YAML/JSON OpenAPI document with Redocly's
 * `recommended` ruleset, fully offline.
 *
 *   const { errors, warnings } = await validateOpenApi(yamlText);
 *   expect(errors).toEqual([]);
 *
 * - Everything runs in-process; no redocly.yaml is read and nothing is fetched:
 *   any external `$ref` (URL or file) is refused and reported as a
 *   `no-unresolved-refs` error, so generated documents must be self-contained.
 * - A YAML syntax error is reported as one error with ruleId `yaml-parse`.
 * - `location` reads like `#/paths/~1orders~1{id}/get (12:5)` (JSON pointer, then line:column, 1-based).
 */
import {
  BaseResolver,
  ResolveError,
  YamlParseError,
  createConfig,
  getLineColLocation,
  lintFromString,
  type Config,
  type Source,
} from '@redocly/openapi-core';

export interface Problem {
  message: string;
  ruleId: string;
  location?: string;
}

export interface OpenApiValidation {
  errors: Problem[];
  warnings: Problem[];
}

/** Resolver that never touches the network or the file system. */
class OfflineResolver extends BaseResolver {
  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    throw new ResolveError(new Error(`external $ref is not allowed (offline validator): ${absoluteRef}`));
  }
}

let configPromise: Promise<Config> | undefined;

function getConfig(): Promise<Config> {
  // Built-in preset only: passing a raw object (no configPath) means no redocly.yaml lookup.
  configPromise ??= createConfig({ extends: ['recommended'] }, { externalRefResolver: new OfflineResolver() });
  return configPromise;
}

type LintProblem = Awaited<ReturnType<typeof lintFromString>>[number];

function describeLocation(problem: LintProblem): string | undefined {
  const loc = problem.location[0];
  if (!loc) return undefined;
  let lineCol = '';
  try {
    const { start } = getLineColLocation(loc);
    lineCol = `${start.line}:${start.col}`;
  } catch {
    // line/column is a nicety; the pointer alone is enough
  }
  const pointer = loc.pointer;
  if (pointer && lineCol) return `${pointer} (${lineCol})`;
  return pointer || lineCol || undefined;
}

export async function validateOpenApi(yamlText: string): Promise<OpenApiValidation> {
  const config = await getConfig();
  let problems: LintProblem[];
  try {
    problems = await lintFromString({
      source: yamlText,
      absoluteRef: '/archwright-generated/openapi.yaml',
      config,
      externalRefResolver: new OfflineResolver(),
    });
  } catch (err) {
    if (err instanceof YamlParseError) {
      return {
        errors: [{ ruleId: 'yaml-parse', message: err.message, location: `${err.line}:${err.col}` }],
        warnings: [],
      };
    }
    return { errors: [{ ruleId: 'lint-failed', message: err instanceof Error ? err.message : String(err) }], warnings: [] };
  }

  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  for (const p of problems) {
    if (p.ignored) continue;
    const problem: Problem = { message: p.message, ruleId: p.ruleId };
    const location = describeLocation(p);
    if (location !== undefined) problem.location = location;
    (p.severity === 'error' ? errors : warnings).push(problem);
  }
  return { errors, warnings };
}
