// The VS Code side of Archwright: starts the bundled language server over IPC
// (restarting it after a crash), and adds what an editor needs around it —
// the live preview, the generate commands, rule documentation, a status bar
// item with the workspace's problems and an output channel for logs.

import * as vscode from "vscode";
import { registerImportCommands } from "./import-commands";
import { COMMANDS } from "./commands";
import { generateCommand, ProposedFiles, registerGenerateCommands } from "./generate";
import { ArchwrightClient } from "./language-client";
import { PreviewManager } from "./preview-panel";
import { DIAGRAM_KINDS, type DiagramKind } from "../../protocol/src/webview-messages";
import { registerRuleDocs } from "./rule-docs";
import { ProblemsStatus } from "./status-bar";

let client: ArchwrightClient | undefined;

function toUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === "string" && arg) return /^[a-z][a-z0-9+.-]*:/i.test(arg) ? vscode.Uri.parse(arg) : vscode.Uri.file(arg);
  return undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel("Archwright", { log: true });
  context.subscriptions.push(output);
  output.info(`Archwright ${String(context.extension.packageJSON.version ?? "")} activating`);

  const archwright = new ArchwrightClient(context, output);
  registerImportCommands(context, output);
  client = archwright;
  context.subscriptions.push(archwright);

  const proposed = new ProposedFiles();
  const deps = { client: archwright, output, proposed };
  const status = new ProblemsStatus();
  const preview = new PreviewManager(context, archwright, output, {
    generate: (target, documentUri, service) => generateCommand(deps, target, documentUri, service, {}),
    problems: () => status.counts,
  });
  context.subscriptions.push(proposed, preview, status);

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.openPreview, (uri?: unknown, service?: unknown) => {
      const panel = preview.open(toUri(uri), typeof service === "string" && service ? service : undefined);
      return panel !== undefined;
    }),
    vscode.commands.registerCommand(COMMANDS.exportSvg, async (target?: unknown, kind?: unknown) => {
      try {
        const diagram = typeof kind === "string" && (DIAGRAM_KINDS as readonly string[]).includes(kind) ? (kind as DiagramKind) : undefined;
        return await preview.exportSvg(toUri(target), diagram);
      } catch (e) {
        const message = `Could not export the diagram: ${e instanceof Error ? e.message : String(e)}`;
        output.error(`[preview] ${message}`);
        void vscode.window.showErrorMessage(message);
        return undefined;
      }
    }),
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      try {
        await archwright.restart();
        vscode.window.setStatusBarMessage("$(check) Archwright language server restarted", 3000);
      } catch (e) {
        const message = `Could not restart the Archwright language server: ${e instanceof Error ? e.message : String(e)}`;
        output.error(message);
        void vscode.window.showErrorMessage(message, "Show Output").then((choice) => choice && output.show(true));
      }
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(COMMANDS.testingState, () => ({
      serverRunning: archwright.running,
      problems: { ...status.counts },
      preview: preview.testingState(),
    })),
    ...registerGenerateCommands(deps, () => preview.current?.documentUri),
    ...registerRuleDocs(),
  );

  try {
    await archwright.start();
  } catch (e) {
    const message = `The Archwright language server could not start: ${e instanceof Error ? e.message : String(e)}`;
    output.error(message);
    void vscode.window.showErrorMessage(message, "Show Output").then((choice) => choice && output.show(true));
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
