// The status bar item: the workspace's Archwright errors and warnings (from
// the diagnostics VS Code holds for .arch files and archwright.json); a click
// opens the Problems panel.

import * as vscode from "vscode";
import { countProblems, statusText, statusTooltip, type ProblemCounts, type SeverityNumber } from "./status-logic";
import { debounce } from "./preview-logic";

export const STATUS_ITEM_ID = "archwright.status";

export class ProblemsStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  counts: ProblemCounts = { errors: 0, warnings: 0, files: 0 };

  constructor() {
    this.item = vscode.window.createStatusBarItem(STATUS_ITEM_ID, vscode.StatusBarAlignment.Left, 50);
    this.item.name = "Archwright Problems";
    this.item.command = "workbench.actions.view.problems";
    const refresh = debounce(() => this.refresh(), 100);
    this.disposables.push(this.item, vscode.languages.onDidChangeDiagnostics(refresh), { dispose: () => refresh.cancel() });
    this.refresh();
    this.item.show();
  }

  refresh(): void {
    const entries = vscode.languages.getDiagnostics().map(([uri, list]) => [uri.path, list.map((d) => d.severity as SeverityNumber)] as const);
    this.counts = countProblems(entries);
    this.item.text = statusText(this.counts);
    this.item.tooltip = statusTooltip(this.counts);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
