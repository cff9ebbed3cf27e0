// Core ↔ LSP conversion: UTF-16 offsets to positions, core diagnostics to LSP ones.

import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic, type Range } from "vscode-languageserver/node";
import { docsUrl, lineIndexOf, RULES_BY_ID, type ArchFile, type Diagnostic, type Model } from "../../core/src/index";

const SEVERITY: Record<Diagnostic["severity"], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function rangeOf(file: ArchFile, start: number, end: number): Range {
  const lines = lineIndexOf(file);
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
}

export function toLspDiagnostic(d: Diagnostic, model: Model): LspDiagnostic | undefined {
  const file = model.files.get(d.uri);
  if (!file) return undefined;
  const out: LspDiagnostic = { range: rangeOf(file, d.start, d.end), severity: SEVERITY[d.severity], code: d.code, source: "archwright", message: d.message };
  if (RULES_BY_ID.has(d.code)) out.codeDescription = { href: docsUrl(d.code) };
  if (d.related?.length) {
    out.relatedInformation = d.related.flatMap((r) => {
      const f = model.files.get(r.uri);
      return f ? [{ location: { uri: r.uri, range: rangeOf(f, r.start, r.end) }, message: r.message }] : [];
    });
  }
  if (d.tags?.length) out.tags = d.tags.map((t) => (t === "unnecessary" ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  return out;
}
