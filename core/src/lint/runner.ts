// Runs the enabled rules over a model, applies configured severities and
// options, honours `// archwright-ignore` suppressions and reports the ones
// that are malformed or unused. A rule that throws becomes one diagnostic;
// the other rules still run.

import type { Diagnostic, Fix, Severity } from "../diagnostics/diagnostic";
import { compareDiagnostics } from "../diagnostics/diagnostic";
import type { Model } from "../semantic/model";
import type { ArchFile } from "../syntax/ast";
import { LineIndex } from "../text/line-index";
import { closest } from "../util/names";
import type { AnyRule, RuleContext } from "./rule";
import { RULES } from "./registry";

export type RuleSetting = Severity | "off" | { severity?: Severity | "off"; options?: Record<string, unknown> };

export interface LintConfig {
  rules?: Record<string, RuleSetting>;
}

export interface LintOptions {
  config?: LintConfig;
  /** The rules to run; the registry by default. */
  rules?: readonly AnyRule[];
  /**
   * Lint one file only, with the rules whose scope is `file` (the editor's
   * per-keystroke pass; the workspace rules run when typing pauses).
   */
  onlyUri?: string;
}

/** The model as a file-scoped rule sees it: the declarations of one file (references still resolve everywhere). */
export function fileView(model: Model, uri: string): Model {
  const mine = <T extends { uri: string }>(xs: T[]) => xs.filter((x) => x.uri === uri);
  return {
    ...model,
    systems: mine(model.systems),
    services: mine(model.services),
    components: mine(model.components),
    schemas: mine(model.schemas),
    enums: mine(model.enums),
    apis: mine(model.apis),
    endpoints: mine(model.endpoints),
    calls: mine(model.calls),
    messages: mine(model.messages),
    stores: mine(model.stores),
    uses: mine(model.uses),
    symbols: mine(model.symbols),
    references: mine(model.references),
  };
}

const lineIndexes = new WeakMap<ArchFile, LineIndex>();

export function lineIndexOf(file: ArchFile): LineIndex {
  let index = lineIndexes.get(file);
  if (!index) {
    index = new LineIndex(file.text);
    lineIndexes.set(file, index);
  }
  return index;
}

export function lint(model: Model, options: LintOptions = {}): Diagnostic[] {
  const only = options.onlyUri;
  const rules = (options.rules ?? RULES).filter((r) => !only || r.scope === "file");
  const workspace = model;
  if (only) model = fileView(model, only);
  const settings = options.config?.rules ?? {};
  const out: Diagnostic[] = [];
  const firstUri = model.files.keys().next().value as string | undefined;
  for (const rule of rules) {
    const setting = settings[rule.id];
    const configured = typeof setting === "string" ? setting : setting?.severity;
    if (configured === "off") continue;
    const ruleOptions: Record<string, unknown> = {};
    for (const [key, opt] of Object.entries(rule.options ?? {})) ruleOptions[key] = opt.default;
    if (typeof setting === "object" && setting.options) Object.assign(ruleOptions, setting.options);
    const context: RuleContext<Record<string, unknown>> = {
      model,
      options: ruleOptions,
      report(d) {
        const diagnostic: Diagnostic = {
          uri: d.uri,
          start: d.start,
          end: d.end,
          severity: configured ?? d.severity ?? rule.severity,
          code: rule.id,
          message: d.message,
        };
        if (d.related?.length) diagnostic.related = d.related;
        if (d.fixes?.length) diagnostic.fixes = onePreferred(d.fixes);
        if (d.tags?.length) diagnostic.tags = d.tags;
        out.push(diagnostic);
      },
      text(uri) {
        return model.files.get(uri)?.text ?? "";
      },
      lines(uri) {
        const file = model.files.get(uri);
        return file ? lineIndexOf(file) : new LineIndex("");
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      if (firstUri !== undefined) {
        const message = error instanceof Error ? error.message : String(error);
        out.push({ uri: firstUri, start: 0, end: 0, severity: "warning", code: "internal/rule-crashed", message: `Rule ${rule.id} crashed and was skipped: ${message}. Please report this.` });
      }
    }
  }
  const mine = only ? out.filter((d) => d.uri === only) : out;
  const result = applySuppressions(workspace, mine, RULE_IDS, new Set(rules.map((r) => r.id)), only);
  return result.sort(compareDiagnostics);
}

function onePreferred(fixes: Fix[]): Fix[] {
  let seen = false;
  return fixes.map((f) => {
    if (!f.preferred) return f;
    if (seen) return { ...f, preferred: false };
    seen = true;
    return f;
  });
}

export interface Suppression {
  uri: string;
  /** The comment's range. */
  start: number;
  end: number;
  ruleIds: { id: string; start: number; end: number }[];
  reason: string;
  /** The 0-based line whose diagnostics it suppresses. */
  targetLine: number;
}

const IGNORE = /^(\s*)archwright-ignore\b\s*([^:]*)(?::\s*(.*))?$/;

/** The `// archwright-ignore id, id: reason` comments of a file. */
export function suppressionsOf(file: ArchFile): Suppression[] {
  const out: Suppression[] = [];
  const lines = lineIndexOf(file);
  for (const c of file.comments) {
    if (c.kind !== "line") continue;
    const m = IGNORE.exec(c.text);
    if (!m) continue;
    const line = lines.lineOf(c.start);
    const before = file.text.slice(lines.lineStarts[line], c.start);
    let targetLine = line;
    if (before.trim() === "") {
      // Alone on its line: applies to the next line with code.
      targetLine = line + 1;
      while (targetLine < lines.lineCount) {
        const t = lines.lineText(targetLine).trim();
        if (t !== "" && !t.startsWith("//")) break;
        targetLine++;
      }
    }
    const ids: Suppression["ruleIds"] = [];
    const idsText = m[2]!;
    const re = /[A-Za-z0-9_/-]+/g;
    let im: RegExpExecArray | null;
    const offset = c.text.indexOf(idsText, m[1]!.length + "archwright-ignore".length);
    while ((im = re.exec(idsText))) {
      const start = c.start + 2 + (offset >= 0 ? offset : 0) + im.index;
      ids.push({ id: im[0], start, end: start + im[0].length });
    }
    out.push({ uri: file.uri, start: c.start, end: c.end, ruleIds: ids, reason: (m[3] ?? "").trim(), targetLine });
  }
  return out;
}

const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

/**
 * Drops suppressed diagnostics and reports malformed suppressions. A suppression
 * counts as unused only for a rule that ran (a rule turned off, or one the
 * per-file pass skips, may still need it).
 */
function applySuppressions(model: Model, diagnostics: Diagnostic[], knownIds: ReadonlySet<string>, ranIds: ReadonlySet<string>, onlyUri?: string): Diagnostic[] {
  const byFile = new Map<string, Suppression[]>();
  for (const file of model.files.values()) {
    if (onlyUri && file.uri !== onlyUri) continue;
    const list = suppressionsOf(file);
    if (list.length) byFile.set(file.uri, list);
  }
  if (byFile.size === 0) return diagnostics;
  const used = new Set<string>();
  const kept = diagnostics.filter((d) => {
    const list = byFile.get(d.uri);
    if (!list) return true;
    const file = model.files.get(d.uri)!;
    const line = lineIndexOf(file).lineOf(d.start);
    for (const s of list) {
      if (s.targetLine !== line) continue;
      const hit = s.ruleIds.find((r) => r.id === d.code);
      if (hit) {
        used.add(`${s.uri}#${hit.start}`);
        return false;
      }
    }
    return true;
  });
  for (const list of byFile.values()) {
    for (const s of list) {
      if (s.ruleIds.length === 0) {
        kept.push({ uri: s.uri, start: s.start, end: s.end, severity: "warning", code: "suppression/missing-rule", message: "Name the rule to ignore: `// archwright-ignore rest/pagination: why`." });
        continue;
      }
      if (!s.reason) {
        kept.push({ uri: s.uri, start: s.start, end: s.end, severity: "warning", code: "suppression/missing-reason", message: "Say why the rule does not apply: `// archwright-ignore rule/id: reason`." });
      }
      for (const r of s.ruleIds) {
        if (!knownIds.has(r.id) && !ranIds.has(r.id)) {
          const suggestion = closest(r.id, knownIds);
          kept.push({
            uri: s.uri,
            start: r.start,
            end: r.end,
            severity: "warning",
            code: "suppression/unknown-rule",
            message: `There is no rule \`${r.id}\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ""}`,
            ...(suggestion ? { fixes: [{ title: `Change to \`${suggestion}\``, edits: [{ uri: s.uri, start: r.start, end: r.end, newText: suggestion }], preferred: true }] } : {}),
          });
        } else if (ranIds.has(r.id) && !used.has(`${s.uri}#${r.start}`)) {
          kept.push({ uri: s.uri, start: r.start, end: r.end, severity: "warning", code: "suppression/unused", message: `\`${r.id}\` reports nothing on the line this comment applies to: remove the suppression.`, tags: ["unnecessary"] });
        }
      }
    }
  }
  return kept;
}
