// The LSP glue: keeps the workspace of .arch files (open documents win over
// disk), re-analyses after changes and publishes diagnostics for every file.

import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { TextDocuments, TextDocumentSyncKind, type Connection } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { check, Workspace } from "../../core/src/index";
import { toLspDiagnostic } from "./convert";

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace();
  const published = new Set<string>();
  let folders: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  connection.onInitialize((params) => {
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
    return {
      capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
      serverInfo: { name: "archwright" },
    };
  });

  connection.onInitialized(async () => {
    for (const folder of folders) {
      if (!folder.startsWith("file:")) continue;
      for (const path of await findArchFiles(fileURLToPath(folder))) {
        const uri = pathToFileURL(path).href;
        if (documents.get(uri)) continue;
        try {
          workspace.set(uri, await readFile(path, "utf8"));
        } catch (e) {
          connection.console.warn(`archwright: cannot read ${path}: ${String(e)}`);
        }
      }
    }
    schedule(0);
  });

  const publish = () => {
    timer = undefined;
    try {
      const model = workspace.getModel();
      const byUri = new Map<string, ReturnType<typeof toLspDiagnostic>[]>();
      for (const uri of workspace.uris()) byUri.set(uri, []);
      for (const d of check(model)) byUri.get(d.uri)?.push(toLspDiagnostic(d, model));
      for (const uri of published) if (!byUri.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      published.clear();
      for (const [uri, list] of byUri) {
        published.add(uri);
        void connection.sendDiagnostics({ uri, diagnostics: list.filter((d) => d !== undefined) });
      }
    } catch (e) {
      connection.console.error(`archwright: analysis failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  };

  const schedule = (delay = 50) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(publish, delay);
  };

  documents.onDidChangeContent((e) => {
    if (workspace.set(e.document.uri, e.document.getText())) schedule();
  });

  documents.onDidClose(async (e) => {
    // The file on disk is still part of the workspace; a closed untitled document is not.
    const uri = e.document.uri;
    if (uri.startsWith("file:")) {
      try {
        workspace.set(uri, await readFile(fileURLToPath(uri), "utf8"));
      } catch {
        workspace.delete(uri);
      }
    } else workspace.delete(uri);
    schedule();
  });

  documents.listen(connection);
  connection.listen();
}

async function findArchFiles(dir: string, out: string[] = []): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && !entry.name.startsWith(".")) await findArchFiles(join(dir, entry.name), out);
    } else if (entry.isFile() && entry.name.endsWith(".arch")) out.push(join(dir, entry.name));
  }
  return out;
}
