// "Show Rule Documentation": a rule's page (why, incorrect and correct
// models, fix, options, how to disable it), rendered from the rule registry
// into a read-only virtual Markdown document and shown in the Markdown
// preview. Works offline; the page on the web is one click away.

import * as vscode from "vscode";
import { RULES, RULES_BY_ID } from "../../core/src/lint/registry";
import { docsUrl } from "../../core/src/lint/rule";
import { rulePage } from "../../scripts/rule-docs";
import { COMMANDS, SCHEMES } from "./commands";

class RuleDocs implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = uri.path.replace(/^\//, "").replace(/\.md$/, "");
    const rule = RULES_BY_ID.get(id);
    if (!rule) return `# ${id}\n\nThere is no Archwright rule \`${id}\`.\n`;
    return rulePage(rule).replace("[All rules](../README.md)", `[This page on the web](${docsUrl(rule.id)})`);
  }
}

export function ruleDocsUri(id: string): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEMES.ruleDocs, path: `/${id}.md` });
}

async function show(id: string): Promise<vscode.Uri | undefined> {
  if (!RULES_BY_ID.has(id)) {
    const choice = await vscode.window.showWarningMessage(`Archwright has no rule "${id}".`, "Show All Rules");
    if (choice) return pickAndShow();
    return undefined;
  }
  const uri = ruleDocsUri(id);
  try {
    await vscode.commands.executeCommand("markdown.showPreviewToSide", uri);
  } catch {
    // No Markdown preview (a minimal build): show the Markdown text itself.
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
  return uri;
}

async function pickAndShow(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showQuickPick(
    RULES.map((r) => ({ label: r.id, description: r.severity, detail: r.summary })),
    { title: "Archwright rules", placeHolder: "Show the documentation of a rule", matchOnDetail: true },
  );
  return picked ? show(picked.label) : undefined;
}

export function registerRuleDocs(): vscode.Disposable[] {
  return [
    vscode.workspace.registerTextDocumentContentProvider(SCHEMES.ruleDocs, new RuleDocs()),
    vscode.commands.registerCommand(COMMANDS.showRuleDocs, (id?: unknown) => (typeof id === "string" && id ? show(id) : pickAndShow())),
  ];
}
