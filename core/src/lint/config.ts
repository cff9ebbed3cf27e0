// The project configuration file, `archwright.json`:
//
//   {
//     "$schema": "./node_modules/archwright/schemas/archwright.schema.json",
//     "rules": {
//       "rest/pagination": "off",
//       "rest/api-version": "error",
//       "rest/path-segment-casing": { "severity": "warning", "options": { "casing": "snake" } }
//     }
//   }
//
// A rule's setting is either a severity (`error`, `warning`, `info`, `hint`)
// or `off`, or an object with an optional `severity` and optional `options`
// (merged over the rule's defaults). This maps one-to-one onto `LintConfig`.
// Parsing is pure: the caller reads the file. Every problem becomes a
// diagnostic on the config file, at the offending key or value; an invalid
// setting is dropped so that a rule only ever sees options its schema accepts.

import type { Diagnostic, Fix, Severity } from "../diagnostics/diagnostic";
import { closest } from "../util/names";
import { docsUrl, type AnyRule } from "./rule";
import { RULES } from "./registry";
import type { LintConfig, RuleSetting } from "./runner";

export const CONFIG_FILE_NAME = "archwright.json";

const SEVERITIES: readonly string[] = ["error", "warning", "info", "hint", "off"];

/** What people write for a severity elsewhere (ESLint, Spectral, …) → ours, for did-you-mean. */
const SEVERITY_ALIASES: Record<string, string> = {
  err: "error",
  warn: "warning",
  information: "info",
  suggestion: "hint",
  none: "off",
  disable: "off",
  disabled: "off",
  ignore: "off",
};

// ---- A small JSON parser that keeps offsets ------------------------------------

export type JsonNode =
  | { kind: "object"; start: number; end: number; members: JsonMember[] }
  | { kind: "array"; start: number; end: number; items: JsonNode[] }
  | { kind: "string"; start: number; end: number; value: string }
  | { kind: "number"; start: number; end: number; value: number }
  | { kind: "boolean"; start: number; end: number; value: boolean }
  | { kind: "null"; start: number; end: number; value: null };

export interface JsonMember {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

export interface JsonError {
  message: string;
  start: number;
  end: number;
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

/** Parses strict JSON (RFC 8259), keeping UTF-16 offsets; stops at the first error. */
export function parseJson(text: string): { root?: JsonNode; error?: JsonError } {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (message: string, start = pos, end = Math.min(start + 1, text.length)): never => {
    throw new JsonSyntaxError(message, start, end);
  };

  const skipSpace = () => {
    for (;;) {
      const c = text[pos];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") pos++;
      else if (c === "/" && (text[pos + 1] === "/" || text[pos + 1] === "*")) fail("Comments are not allowed in JSON.", pos, pos + 2);
      else return;
    }
  };

  const describe = (at: number): string => {
    if (at >= text.length) return "the end of the file";
    const word = /[A-Za-z_$][\w$]*/y;
    word.lastIndex = at;
    const m = word.exec(text);
    return `\`${m ? m[0] : text[at]}\``;
  };

  const unexpected = (expected: string): never => {
    if (pos >= text.length) fail(`Expected ${expected}, found the end of the file.`, text.length, text.length);
    if (text[pos] === "'") fail("Strings are written in double quotes in JSON.");
    const word = /[A-Za-z_$][\w$]*/y;
    word.lastIndex = pos;
    const m = word.exec(text);
    return fail(`Expected ${expected}, found ${describe(pos)}.`, pos, pos + (m ? m[0].length : 1));
  };

  const parseString = (): { value: string; start: number; end: number } => {
    const start = pos;
    pos++; // opening quote
    let value = "";
    for (;;) {
      if (pos >= text.length) fail("Unterminated string.", start, text.length);
      const c = text.charCodeAt(pos);
      if (c === 34) {
        pos++;
        return { value, start, end: pos };
      }
      if (c === 10 || c === 13) fail("Unterminated string.", start, pos);
      if (c < 0x20) fail("Control characters must be escaped in JSON strings.");
      if (c === 92) {
        const e = text[pos + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e !== undefined && simple[e] !== undefined) {
          value += simple[e];
          pos += 2;
        } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          value += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else fail("Invalid escape sequence.", pos, Math.min(pos + 2, text.length));
        continue;
      }
      value += text[pos];
      pos++;
    }
  };

  const parseValue = (): JsonNode => {
    skipSpace();
    const start = pos;
    const c = text[pos];
    if (c === "{") {
      pos++;
      const members: JsonMember[] = [];
      skipSpace();
      if (text[pos] === "}") {
        pos++;
        return { kind: "object", start, end: pos, members };
      }
      for (;;) {
        skipSpace();
        if (text[pos] !== '"') unexpected("a property name in double quotes");
        const key = parseString();
        skipSpace();
        if (text[pos] !== ":") unexpected("`:`");
        pos++;
        const value = parseValue();
        members.push({ key: key.value, keyStart: key.start, keyEnd: key.end, value });
        skipSpace();
        if (text[pos] === "}") {
          pos++;
          return { kind: "object", start, end: pos, members };
        }
        if (text[pos] !== ",") unexpected("`,` or `}`");
        const comma = pos;
        pos++;
        skipSpace();
        if (text[pos] === "}") fail("Trailing commas are not allowed in JSON.", comma, comma + 1);
      }
    }
    if (c === "[") {
      pos++;
      const items: JsonNode[] = [];
      skipSpace();
      if (text[pos] === "]") {
        pos++;
        return { kind: "array", start, end: pos, items };
      }
      for (;;) {
        items.push(parseValue());
        skipSpace();
        if (text[pos] === "]") {
          pos++;
          return { kind: "array", start, end: pos, items };
        }
        if (text[pos] !== ",") unexpected("`,` or `]`");
        const comma = pos;
        pos++;
        skipSpace();
        if (text[pos] === "]") fail("Trailing commas are not allowed in JSON.", comma, comma + 1);
      }
    }
    if (c === '"') {
      const s = parseString();
      return { kind: "string", ...s };
    }
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) {
      const re = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
      re.lastIndex = pos;
      const m = re.exec(text);
      if (!m || /[\w.]/.test(text[pos + m[0].length] ?? "")) {
        const word = /[-\w.+]+/y;
        word.lastIndex = pos;
        fail("Invalid number.", pos, pos + (word.exec(text)?.[0].length ?? 1));
      }
      pos += m![0].length;
      return { kind: "number", start, end: pos, value: Number(m![0]) };
    }
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(word, pos) && !/[\w$]/.test(text[pos + word.length] ?? "")) {
        pos += word.length;
        return value === null ? { kind: "null", start, end: pos, value } : { kind: "boolean", start, end: pos, value };
      }
    }
    return unexpected("a value");
  };

  try {
    const root = parseValue();
    skipSpace();
    if (pos < text.length) fail("Unexpected text after the end of the JSON value.", pos, text.length);
    return { root };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { error: { message: e.message, start: e.start, end: e.end } };
    throw e;
  }
}

/** The plain value of a node. */
export function jsonValue(node: JsonNode): unknown {
  switch (node.kind) {
    case "object":
      return Object.fromEntries(node.members.map((m) => [m.key, jsonValue(m.value)]));
    case "array":
      return node.items.map(jsonValue);
    default:
      return node.value;
  }
}

// ---- Option values against their JSON schema ----------------------------------

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

const ARTICLE: Record<string, string> = { string: "a string", number: "a number", integer: "a whole number", boolean: "`true` or `false`", array: "an array", object: "an object", null: "`null`" };

/**
 * Checks a value against the subset of JSON schema that rule options use (type,
 * enum, const, numeric and length bounds, pattern, items, properties, required,
 * additionalProperties, anyOf/oneOf). Returns what is wrong, or undefined.
 */
export function checkSchema(value: unknown, schema: Record<string, unknown>, at = ""): string | undefined {
  const where = at ? ` at \`${at}\`` : "";
  const alternatives = (schema.anyOf ?? schema.oneOf) as Record<string, unknown>[] | undefined;
  if (Array.isArray(alternatives)) {
    const problems = alternatives.map((s) => checkSchema(value, s, at));
    if (!problems.some((p) => p === undefined)) return problems[0] ?? `the value${where} is not allowed`;
  }
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const types = (Array.isArray(schema.type) ? schema.type : [schema.type]) as string[];
    const ok = types.includes(actual) || (actual === "integer" && types.includes("number"));
    if (!ok) return `expected ${types.map((t) => ARTICLE[t] ?? t).join(" or ")}${where}, found ${ARTICLE[actual] ?? actual}`;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    return `expected one of ${schema.enum.map((e) => `\`${JSON.stringify(e)}\``).join(", ")}${where}`;
  }
  if ("const" in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) return `expected \`${JSON.stringify(schema.const)}\`${where}`;
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) return `expected a number ≥ ${schema.minimum}${where}`;
    if (typeof schema.maximum === "number" && value > schema.maximum) return `expected a number ≤ ${schema.maximum}${where}`;
    if (typeof schema.exclusiveMinimum === "number" && value <= schema.exclusiveMinimum) return `expected a number > ${schema.exclusiveMinimum}${where}`;
    if (typeof schema.exclusiveMaximum === "number" && value >= schema.exclusiveMaximum) return `expected a number < ${schema.exclusiveMaximum}${where}`;
  }
  if (typeof value === "string") {
    if (typeof schema.minLength === "number" && value.length < schema.minLength) return `expected at least ${schema.minLength} characters${where}`;
    if (typeof schema.maxLength === "number" && value.length > schema.maxLength) return `expected at most ${schema.maxLength} characters${where}`;
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) return `expected text matching \`${schema.pattern}\`${where}`;
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) return `expected at least ${schema.minItems} item${schema.minItems === 1 ? "" : "s"}${where}`;
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) return `expected at most ${schema.maxItems} item${schema.maxItems === 1 ? "" : "s"}${where}`;
    if (schema.uniqueItems === true && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) return `expected no repeated items${where}`;
    if (schema.items && typeof schema.items === "object" && !Array.isArray(schema.items)) {
      for (let i = 0; i < value.length; i++) {
        const problem = checkSchema(value[i], schema.items as Record<string, unknown>, `${at}[${i}]`);
        if (problem) return problem;
      }
    }
  }
  if (actual === "object") {
    const record = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const key of (schema.required ?? []) as string[]) {
      if (!(key in record)) return `expected a property \`${key}\`${where}`;
    }
    for (const [key, v] of Object.entries(record)) {
      const path = at ? `${at}.${key}` : key;
      const sub = properties[key];
      if (sub) {
        const problem = checkSchema(v, sub, path);
        if (problem) return problem;
      } else if (schema.additionalProperties === false) return `unknown property \`${key}\`${where}`;
      else if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
        const problem = checkSchema(v, schema.additionalProperties as Record<string, unknown>, path);
        if (problem) return problem;
      }
    }
  }
  return undefined;
}

// ---- archwright.json -----------------------------------------------------------

export interface ParsedConfig {
  config: LintConfig;
  diagnostics: Diagnostic[];
}

/**
 * Parses the text of an `archwright.json`. Diagnostics (codes `config/…`) are
 * reported against `uri`; `rules` is the registry by default.
 */
export function parseConfig(text: string, uri: string, rules: readonly AnyRule[] = RULES): ParsedConfig {
  const diagnostics: Diagnostic[] = [];
  const config: LintConfig = {};
  const report = (severity: Severity, code: string, start: number, end: number, message: string, fix?: Fix) => {
    diagnostics.push({ uri, start, end, severity, code, message, ...(fix ? { fixes: [fix] } : {}) });
  };
  const rename = (start: number, end: number, to: string): Fix => ({ title: `Change to ${to}`, edits: [{ uri, start, end, newText: to }], preferred: true });

  const { root, error } = parseJson(text);
  if (error) {
    report("error", "config/syntax", error.start, error.end, `${error.message} ${CONFIG_FILE_NAME} is not valid JSON, so none of its settings apply.`);
    return { config, diagnostics };
  }
  if (!root) return { config, diagnostics };
  if (root.kind !== "object") {
    report("error", "config/invalid", root.start, root.end, `${CONFIG_FILE_NAME} holds an object: \`{ "rules": { … } }\`.`);
    return { config, diagnostics };
  }

  const byId = new Map<string, AnyRule>(rules.map((r) => [r.id, r]));
  const seenTop = new Set<string>();
  for (const member of root.members) {
    if (seenTop.has(member.key)) report("warning", "config/duplicate-key", member.keyStart, member.keyEnd, `\`${member.key}\` is set twice; the last one wins.`);
    seenTop.add(member.key);
    if (member.key === "$schema") {
      if (member.value.kind !== "string") report("error", "config/invalid", member.value.start, member.value.end, "`$schema` is the URL or path of the JSON schema, a string.");
      continue;
    }
    if (member.key !== "rules") {
      const suggestion = closest(member.key, ["rules", "$schema"]);
      report(
        "warning",
        "config/unknown-key",
        member.keyStart,
        member.keyEnd,
        `Unknown setting \`${member.key}\`: ${CONFIG_FILE_NAME} has \`rules\` (and \`$schema\`).${suggestion ? ` Did you mean \`${suggestion}\`?` : ""}`,
        suggestion ? rename(member.keyStart, member.keyEnd, JSON.stringify(suggestion)) : undefined,
      );
      continue;
    }
    if (member.value.kind !== "object") {
      report("error", "config/invalid", member.value.start, member.value.end, '`rules` maps rule ids to settings: `"rules": { "rest/pagination": "off" }`.');
      continue;
    }
    const settings: Record<string, RuleSetting> = {};
    const seenRules = new Set<string>();
    for (const entry of member.value.members) {
      const id = entry.key;
      if (seenRules.has(id)) report("warning", "config/duplicate-key", entry.keyStart, entry.keyEnd, `\`${id}\` is configured twice; the last one wins.`);
      seenRules.add(id);
      const rule = byId.get(id);
      if (!rule) {
        const suggestion = closest(id, byId.keys());
        report(
          "warning",
          "config/unknown-rule",
          entry.keyStart,
          entry.keyEnd,
          `There is no rule \`${id}\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ""}`,
          suggestion ? rename(entry.keyStart, entry.keyEnd, JSON.stringify(suggestion)) : undefined,
        );
        continue;
      }
      const setting = ruleSetting(rule, entry.value, report, rename);
      if (setting === undefined) delete settings[id];
      else settings[id] = setting;
    }
    config.rules = settings;
  }
  return { config, diagnostics };
}

type Report = (severity: Severity, code: string, start: number, end: number, message: string, fix?: Fix) => void;

function severityOf(node: JsonNode, report: Report, rename: (s: number, e: number, to: string) => Fix): Severity | "off" | undefined {
  if (node.kind === "string" && SEVERITIES.includes(node.value)) return node.value as Severity | "off";
  const found = node.kind === "string" ? node.value : undefined;
  const suggestion = found !== undefined ? (SEVERITY_ALIASES[found.toLowerCase()] ?? closest(found, SEVERITIES)) : undefined;
  report(
    "error",
    "config/invalid-severity",
    node.start,
    node.end,
    `${found !== undefined ? `\`${found}\` is not a severity` : "A severity is a string"}: use \`error\`, \`warning\`, \`info\`, \`hint\` or \`off\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ""}`,
    suggestion ? rename(node.start, node.end, JSON.stringify(suggestion)) : undefined,
  );
  return undefined;
}

function ruleSetting(rule: AnyRule, node: JsonNode, report: Report, rename: (s: number, e: number, to: string) => Fix): RuleSetting | undefined {
  if (node.kind === "string") return severityOf(node, report, rename);
  if (node.kind !== "object") {
    report("error", "config/invalid", node.start, node.end, `Set \`${rule.id}\` to a severity (\`"warning"\`, \`"off"\`, …) or to \`{ "severity": …, "options": { … } }\`.`);
    return undefined;
  }
  const setting: { severity?: Severity | "off"; options?: Record<string, unknown> } = {};
  for (const m of node.members) {
    if (m.key === "severity") {
      const severity = severityOf(m.value, report, rename);
      if (severity !== undefined) setting.severity = severity;
    } else if (m.key === "options") {
      const options = ruleOptions(rule, m.value, report, rename);
      if (options) setting.options = options;
    } else {
      const suggestion = closest(m.key, ["severity", "options"]);
      report(
        "warning",
        "config/unknown-key",
        m.keyStart,
        m.keyEnd,
        `Unknown key \`${m.key}\`: a rule's setting has \`severity\` and \`options\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ""}`,
        suggestion ? rename(m.keyStart, m.keyEnd, JSON.stringify(suggestion)) : undefined,
      );
    }
  }
  return setting;
}

function ruleOptions(rule: AnyRule, node: JsonNode, report: Report, rename: (s: number, e: number, to: string) => Fix): Record<string, unknown> | undefined {
  const declared = rule.options ?? {};
  const names = Object.keys(declared);
  if (node.kind !== "object") {
    report("error", "config/invalid", node.start, node.end, `\`options\` is an object${names.length ? ` with ${names.map((n) => `\`${n}\``).join(", ")}` : ""}.`);
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const m of node.members) {
    const option = declared[m.key];
    if (!option) {
      const suggestion = closest(m.key, names);
      const known = names.length ? `its options are ${names.map((n) => `\`${n}\``).join(", ")}` : "it has no options";
      report(
        "warning",
        "config/unknown-option",
        m.keyStart,
        m.keyEnd,
        `\`${rule.id}\` has no option \`${m.key}\`: ${known}.${suggestion ? ` Did you mean \`${suggestion}\`?` : ""}`,
        suggestion ? rename(m.keyStart, m.keyEnd, JSON.stringify(suggestion)) : undefined,
      );
      continue;
    }
    const value = jsonValue(m.value);
    const problem = checkSchema(value, option.schema);
    if (problem) {
      report("error", "config/invalid-option", m.value.start, m.value.end, `Invalid value for \`${rule.id}\` option \`${m.key}\`: ${problem}. The default, ${JSON.stringify(option.default)}, applies.`);
      continue;
    }
    out[m.key] = value;
  }
  return out;
}

// ---- The JSON schema of archwright.json ----------------------------------------

/** The JSON schema of `archwright.json`, listing every rule with its severities and options. */
export function configSchema(rules: readonly AnyRule[] = RULES): Record<string, unknown> {
  const severity = (dflt?: string) => ({
    type: "string",
    enum: SEVERITIES,
    enumDescriptions: ["Report as an error: `archwright check` fails.", "Report as a warning.", "Report as information.", "Report as a hint (shown faintly in the editor).", "Do not run the rule."],
    ...(dflt ? { default: dflt } : {}),
  });
  const properties: Record<string, unknown> = {};
  for (const rule of rules) {
    const options: Record<string, unknown> = {};
    for (const [name, option] of Object.entries(rule.options ?? {})) {
      options[name] = { ...option.schema, description: option.description, default: option.default };
    }
    const description = `${rule.summary} (default: ${rule.severity})`;
    properties[rule.id] = {
      description,
      markdownDescription: `${description}\n\n[Docs](${docsUrl(rule.id)})`,
      default: rule.severity,
      anyOf: [
        severity(rule.severity),
        {
          type: "object",
          properties: {
            severity: severity(rule.severity),
            options: { type: "object", properties: options, additionalProperties: false },
          },
          additionalProperties: false,
        },
      ],
    };
  }
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "Archwright configuration (archwright.json)",
    description: "Per-rule severities and options for the Archwright linter.",
    type: "object",
    properties: {
      $schema: { type: "string", description: "The JSON schema of this file." },
      rules: {
        type: "object",
        description: 'Rule id → a severity, `"off"`, or `{ "severity": …, "options": { … } }`.',
        properties,
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
}
