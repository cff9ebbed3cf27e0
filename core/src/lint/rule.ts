// What a lint rule is: metadata, docs, options and a check over the semantic
// model. One rule per file under rules/<category>/, registered in registry.ts.

import type { DiagnosticTag, Fix, RelatedInformation, Severity } from "../diagnostics/diagnostic";
import type { Model } from "../semantic/model";
import type { LineIndex } from "../text/line-index";

export type RuleCategory = "rest" | "schema" | "arch";

export interface RuleDocs {
  /** Why the rule exists: the harm the pattern causes, in a few sentences. */
  why: string;
  /** A complete .arch model on which the rule reports at least once. */
  incorrect: string;
  /** The same model, corrected: the rule reports nothing. */
  correct: string;
  /** What the quick fix does, and whether it is safe to apply blindly. */
  fix?: string;
  /** Sources: the prior art this rule follows (Spectral, Zalando, Squawk, …). */
  sources?: string[];
}

export interface RuleOption {
  description: string;
  /** JSON schema of the option's value, for archwright.json and VS Code settings. */
  schema: Record<string, unknown>;
  default: unknown;
}

export interface ReportDescriptor {
  uri: string;
  start: number;
  end: number;
  message: string;
  related?: RelatedInformation[];
  fixes?: Fix[];
  tags?: DiagnosticTag[];
  /** Overrides the rule's severity for this report (e.g. error for GET bodies, warning for DELETE). */
  severity?: Severity;
}

export interface RuleContext<Options> {
  readonly model: Model;
  readonly options: Options;
  report(descriptor: ReportDescriptor): void;
  /** The text of a file of the model. */
  text(uri: string): string;
  lines(uri: string): LineIndex;
}

export interface Rule<Options = Record<string, never>> {
  id: `${RuleCategory}/${string}`;
  category: RuleCategory;
  severity: Severity;
  /** One line, in the imperative or as a statement of the good practice. */
  summary: string;
  docs: RuleDocs;
  /** True when the rule offers quick fixes. */
  fixable: boolean;
  /**
   * `file`: what the rule reports about a file's declarations depends only on
   * that file's declarations (and what they resolve to), so the editor can
   * re-run it for the edited file alone on each keystroke. Default `workspace`:
   * the rule compares declarations across files (cycles, ownership, …).
   */
  scope?: "file" | "workspace";
  options?: { [K in keyof Options]: RuleOption };
  check(context: RuleContext<Options>): void;
}

// Rules are stored type-erased: their options are resolved from config at run time.
// eslint-style `any` is avoided by the unknown-record cast in defineRule.
export type AnyRule = Rule<Record<string, unknown>>;

export function defineRule<Options extends object = Record<string, never>>(rule: Rule<Options>): AnyRule {
  return rule as unknown as AnyRule;
}

export const DOCS_BASE_URL = "https://github.com/archwright/archwright/blob/main/docs/rules/";

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
