// The whole check of a model: syntax and name diagnostics plus lint findings.

import type { Diagnostic } from "./diagnostics/diagnostic";
import { compareDiagnostics } from "./diagnostics/diagnostic";
import type { Model } from "./semantic/model";
import { lint, type LintOptions } from "./lint/runner";

export function check(model: Model, options: LintOptions = {}): Diagnostic[] {
  return [...model.diagnostics, ...lint(model, options)].sort(compareDiagnostics);
}
