// Diagnostics as a SARIF 2.1.0 log, for GitHub code scanning and other SARIF
// viewers. Pure: the caller says how to name each file (a URI relative to
// %SRCROOT% where it can) and how to turn offsets into lines and columns.

import type { Diagnostic, Severity, TextEdit } from "../diagnostics/diagnostic";
import type { LineIndex } from "../text/line-index";
import { docsUrl, type AnyRule } from "./rule";
import { RULES } from "./registry";

export const SARIF_SCHEMA_URL = "https://json.schemastore.org/sarif-2.1.0.json";
export const INFORMATION_URI = "https://github.com/archwright/archwright";

export interface SarifArtifact {
  uri: string;
  /** `%SRCROOT%` for a URI relative to the source root; absent for an absolute URI. */
  uriBaseId?: string;
}

export interface SarifOptions {
  toolVersion: string;
  /** Where a diagnostic's file is, for SARIF consumers. */
  artifact(uri: string): SarifArtifact;
  /** Line index of a file, to turn offsets into 1-based lines and columns; undefined when unknown. */
  lines(uri: string): LineIndex | undefined;
  /** The absolute `file:` URI of %SRCROOT% (ending with `/`), when known. */
  srcRoot?: string;
  /** The rules to describe; the registry by default. */
  rules?: readonly AnyRule[];
}

export type SarifLevel = "error" | "warning" | "note";

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === "error" ? "error" : severity === "warning" ? "warning" : "note";
}

// The codes the language reports outside the lint rules, by prefix.
const GENERIC: Record<string, { name: string; short: string; full: string }> = {
  syntax: { name: "Syntax", short: "The model's text is not valid .arch syntax.", full: "The parser could not read this part of the model. Everything after a syntax error may be checked only partially until it is fixed." },
  name: { name: "Names", short: "A name is unknown, duplicated or ambiguous.", full: "Every reference in a model resolves to exactly one declaration: services, schemas, enums, fields, queues and the like." },
  type: { name: "Types", short: "A type is unknown or used where it is not allowed.", full: "Field, body and response types must name a built-in type, an enum or a schema that the model declares." },
  model: { name: "Model", short: "The model is inconsistent.", full: "A construct breaks a rule of the .arch language that goes beyond syntax and names." },
  suppression: { name: "Suppressions", short: "An `archwright-ignore` comment is malformed, unknown or unused.", full: "A suppression names the rule it silences and says why; one that silences nothing should be removed." },
  config: { name: "Configuration", short: "archwright.json has a problem.", full: "The project configuration is not valid JSON, names an unknown rule or option, or sets a value the rule does not accept." },
  import: { name: "Imports", short: "An import cannot be resolved.", full: "An `import` names a file that cannot be found or read." },
  internal: { name: "Internal", short: "Archwright failed on part of the model.", full: "A check crashed and was skipped; the other checks still ran. Please report it." },
};

function genericDescriptor(code: string, severity: Severity): Record<string, unknown> {
  const prefix = code.includes("/") ? code.slice(0, code.indexOf("/")) : code;
  const g = GENERIC[prefix] ?? { name: prefix, short: `Reported by Archwright (${code}).`, full: `Reported by Archwright (${code}).` };
  return {
    id: code,
    name: code.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : "")).replace(/^./, (c) => c.toUpperCase()),
    shortDescription: { text: g.short },
    fullDescription: { text: g.full },
    defaultConfiguration: { level: sarifLevel(severity) },
    properties: { tags: [g.name.toLowerCase()] },
  };
}

function ruleDescriptor(rule: AnyRule): Record<string, unknown> {
  const url = docsUrl(rule.id);
  const options = Object.entries(rule.options ?? {});
  return {
    id: rule.id,
    name: rule.id.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : "")).replace(/^./, (c) => c.toUpperCase()),
    shortDescription: { text: plain(rule.summary), markdown: rule.summary },
    fullDescription: { text: plain(rule.docs.why), markdown: rule.docs.why },
    help: {
      text: `${plain(rule.docs.why)}\n\nDocs: ${url}`,
      markdown: `${rule.docs.why}\n\n**Incorrect**\n\n\`\`\`\n${rule.docs.incorrect}\n\`\`\`\n\n**Correct**\n\n\`\`\`\n${rule.docs.correct}\n\`\`\`\n\n[Docs](${url})`,
    },
    helpUri: url,
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: {
      tags: [rule.category],
      category: rule.category,
      fixable: rule.fixable,
      ...(options.length ? { options: Object.fromEntries(options.map(([k, o]) => [k, o.default])) } : {}),
    },
  };
}

/** Markdown inline code to plain text: `x` → x. */
function plain(text: string): string {
  return text.replace(/`([^`]*)`/g, "$1");
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** Builds a SARIF 2.1.0 log of one run. */
export function toSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): Record<string, unknown> {
  const rules = options.rules ?? RULES;
  const descriptors: Record<string, unknown>[] = rules.map(ruleDescriptor);
  const index = new Map<string, number>(rules.map((r, i) => [r.id, i]));
  const extra = [...new Set(diagnostics.map((d) => d.code).filter((c) => !index.has(c)))].sort();
  for (const code of extra) {
    index.set(code, descriptors.length);
    descriptors.push(genericDescriptor(code, diagnostics.find((d) => d.code === code)!.severity));
  }

  const region = (uri: string, start: number, end: number): Region | undefined => {
    const lines = options.lines(uri);
    if (!lines) return undefined;
    const s = lines.positionAt(start);
    const e = lines.positionAt(Math.max(start, end));
    return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  const physical = (uri: string, start: number, end: number) => {
    const r = region(uri, start, end);
    return { artifactLocation: options.artifact(uri), ...(r ? { region: r } : {}) };
  };

  const results = diagnostics.map((d) => {
    const result: Record<string, unknown> = {
      ruleId: d.code,
      ruleIndex: index.get(d.code)!,
      level: sarifLevel(d.severity),
      message: { text: d.message },
      locations: [{ physicalLocation: physical(d.uri, d.start, d.end) }],
    };
    if (d.related?.length) {
      result.relatedLocations = d.related.map((r, i) => ({ id: i + 1, physicalLocation: physical(r.uri, r.start, r.end), message: { text: r.message } }));
    }
    const fixes = (d.fixes ?? []).filter((f) => f.edits.every((e) => options.lines(e.uri)));
    if (fixes.length) {
      result.fixes = fixes.map((f) => ({ description: { text: f.title }, artifactChanges: artifactChanges(f.edits, options, region) }));
    }
    return result;
  });

  return {
    $schema: SARIF_SCHEMA_URL,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "Archwright",
            version: options.toolVersion,
            ...(/^\d+\.\d+\.\d+/.test(options.toolVersion) ? { semanticVersion: options.toolVersion } : {}),
            informationUri: INFORMATION_URI,
            rules: descriptors,
          },
        },
        ...(options.srcRoot ? { originalUriBaseIds: { "%SRCROOT%": { uri: options.srcRoot } } } : {}),
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
}

function artifactChanges(edits: TextEdit[], options: SarifOptions, region: (uri: string, start: number, end: number) => Region | undefined) {
  const byUri = new Map<string, TextEdit[]>();
  for (const e of edits) byUri.set(e.uri, [...(byUri.get(e.uri) ?? []), e]);
  return [...byUri].map(([uri, list]) => ({
    artifactLocation: options.artifact(uri),
    replacements: list.map((e) => ({ deletedRegion: region(uri, e.start, e.end)!, insertedContent: { text: e.newText } })),
  }));
}
