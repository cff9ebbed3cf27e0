// "Archwright: Import OpenAPI…" and "Import SQL Schema…": pick files, turn them
// into a model with the core's importers, and open the result in a new,
// unsaved editor (nothing is written until the user saves). What the language
// cannot say is listed in the output channel.

import * as vscode from "vscode";
import { loadModule, parseSync } from "libpg-query";
import { formatSummary, importOpenApiText, importSql, type ImportResult, type SqlParser } from "../../core/src/import/index";

let sqlParserLoaded: Promise<void> | undefined;

async function pick(title: string, filters: Record<string, string[]>): Promise<vscode.Uri[] | undefined> {
  return vscode.window.showOpenDialog({ title, canSelectMany: true, filters, openLabel: "Import" });
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder("utf-8").decode(await vscode.workspace.fs.readFile(uri));
}

async function show(result: ImportResult, output: vscode.LogOutputChannel, what: string): Promise<vscode.TextDocument | undefined> {
  output.info(`[import] ${what}\n${formatSummary(result.summary)}`);
  if (!result.text) {
    void vscode.window.showWarningMessage(`Archwright: nothing could be imported from ${what}.`, "Show Output").then((c) => c && output.show(true));
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument({ language: "arch", content: result.text });
  await vscode.window.showTextDocument(doc, { preview: false });
  if (result.summary.problems.length) {
    void vscode.window.showWarningMessage(`Archwright: imported ${what} with ${result.summary.problems.length} problem(s); see the output for the summary.`, "Show Output").then((c) => c && output.show(true));
  }
  return doc;
}

export function registerImportCommands(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand("archwright.importOpenApi", async (target?: vscode.Uri) => {
      const uris = target instanceof vscode.Uri ? [target] : await pick("Import OpenAPI", { OpenAPI: ["yaml", "yml", "json"] });
      if (!uris?.length) return undefined;
      // One document at a time in the editor; references to other files need the CLI (`archwright import openapi`), which bundles them.
      let last: vscode.TextDocument | undefined;
      for (const uri of uris) {
        const name = uri.path.split("/").pop() ?? "openapi";
        last = await show(importOpenApiText(await readText(uri), { source: name }), output, name);
      }
      return last;
    }),
    vscode.commands.registerCommand("archwright.importSql", async (target?: vscode.Uri) => {
      const uris = target instanceof vscode.Uri ? [target] : await pick("Import SQL Schema", { SQL: ["sql"] });
      if (!uris?.length) return undefined;
      sqlParserLoaded ??= loadModule();
      await sqlParserLoaded;
      const texts = await Promise.all(uris.map(readText));
      const name = uris.map((u) => u.path.split("/").pop()).join(", ");
      return show(importSql(texts.join("\n;\n"), parseSync as unknown as SqlParser, { source: name }), output, name);
    }),
  );
}
