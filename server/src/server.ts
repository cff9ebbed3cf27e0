// The LSP glue: keeps the workspace of .arch files (open documents win over
// disk), re-analyses after changes, publishes diagnostics for every file whose
// diagnostics changed, and answers editor requests from the core's features.
// Every handler is guarded: a failure is logged and answered with an empty result.

import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  CodeActionKind,
  CompletionItemKind,
  DidChangeConfigurationNotification,
  DocumentHighlightKind,
  FileChangeType,
  InsertTextFormat,
  MarkupKind,
  ResponseError,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type Range,
  type SelectionRange,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { check, compareDiagnostics, lineIndexOf, lint, Workspace, type ArchFile, type Diagnostic, type LintConfig, type Model, type TextEdit } from "../../core/src/index";
import * as ide from "../../core/src/ide/index";
import { parseConfig } from "../../core/src/lint/config";
import { rangeOf, toLspDiagnostic } from "./convert";
import { generate, type GenerateRequest } from "./generate";
import { carryOver } from "./carry-over";
import { EMPTY_PREVIEW, preview, PREVIEW_REQUEST, type PreviewParams } from "./preview";

export const GENERATE_REQUEST = "archwright/generate";

/** How long typing must pause before the whole workspace is re-checked. */
const FULL_PASS_DELAY = 250;

const SYMBOL_KINDS: Record<string, SymbolKind> = {
  system: SymbolKind.Namespace,
  service: SymbolKind.Class,
  gateway: SymbolKind.Interface,
  database: SymbolKind.Variable,
  cache: SymbolKind.Variable,
  queue: SymbolKind.Variable,
  client: SymbolKind.Object,
  external: SymbolKind.Object,
  entity: SymbolKind.Struct,
  type: SymbolKind.Struct,
  event: SymbolKind.Event,
  enum: SymbolKind.Enum,
  enumMember: SymbolKind.EnumMember,
  field: SymbolKind.Field,
  api: SymbolKind.Module,
  endpoint: SymbolKind.Method,
  property: SymbolKind.Property,
};

const COMPLETION_KINDS: Record<ide.CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
  type: CompletionItemKind.TypeParameter,
  entity: CompletionItemKind.Struct,
  enum: CompletionItemKind.Enum,
  enumMember: CompletionItemKind.EnumMember,
  field: CompletionItemKind.Field,
  service: CompletionItemKind.Class,
  component: CompletionItemKind.Variable,
  event: CompletionItemKind.Event,
  endpoint: CompletionItemKind.Method,
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  status: CompletionItemKind.Constant,
  attribute: CompletionItemKind.Property,
};

export interface ServerSettings {
  /** Per-rule severities from the client: `{ "rest/pagination": "off" }`. */
  rules?: Record<string, string>;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace();
  /** What was last published per uri, to send only changes. */
  const published = new Map<string, string>();
  let folders: string[] = [];
  let canConfigure = false;
  let canWatchFolders = false;
  let settings: ServerSettings = {};
  let projectConfig: { uri: string; config: LintConfig; diagnostics: Diagnostic[] } | undefined;
  let full: { model: Model; diagnostics: Diagnostic[]; byUri: Map<string, Diagnostic[]>; texts: Map<string, string> } | undefined;
  /** Files edited since the last full pass. */
  const edited = new Set<string>();
  let fastTimer: ReturnType<typeof setTimeout> | undefined;
  let fullTimer: ReturnType<typeof setTimeout> | undefined;

  const log = (message: string) => connection.console.error(`archwright: ${message}`);

  /** Runs a handler; a throw is logged and answered with `fallback`. */
  function guard<P, R>(name: string, fallback: R, handler: (params: P) => R): (params: P) => R {
    return (params: P) => {
      try {
        return handler(params);
      } catch (e) {
        log(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return fallback;
      }
    };
  }

  const model = (): Model => workspace.getModel();
  const fileOf = (uri: string): ArchFile | undefined => model().files.get(uri);
  const offsetAt = (file: ArchFile, pos: { line: number; character: number }) => lineIndexOf(file).offsetAt(pos);
  const toRange = (uri: string, start: number, end: number): Range | undefined => {
    const f = fileOf(uri);
    return f ? rangeOf(f, start, end) : undefined;
  };
  const toEdits = (edits: readonly TextEdit[]): WorkspaceEdit => {
    const changes: Record<string, LspTextEdit[]> = {};
    for (const e of edits) {
      const range = toRange(e.uri, e.start, e.end);
      if (range) (changes[e.uri] ??= []).push({ range, newText: e.newText });
    }
    return { changes };
  };

  const lintConfig = (): LintConfig => {
    const rules: NonNullable<LintConfig["rules"]> = { ...(projectConfig?.config.rules ?? {}) };
    for (const [id, severity] of Object.entries(settings.rules ?? {})) {
      if (["off", "error", "warning", "info", "hint"].includes(severity)) rules[id] = severity as "off";
    }
    return { rules };
  };

  connection.onInitialize((params) => {
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
    canConfigure = !!params.capabilities.workspace?.configuration;
    canWatchFolders = !!params.capabilities.workspace?.workspaceFolders;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ["@", "(", ".", " "], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor] },
        semanticTokensProvider: { legend: { tokenTypes: [...ide.TOKEN_TYPES], tokenModifiers: [...ide.TOKEN_MODIFIERS] }, full: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: "archwright" },
    };
  });

  connection.onInitialized(async () => {
    if (canWatchFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async (e) => {
        for (const removed of e.removed) {
          for (const uri of workspace.uris()) if (uri.startsWith(removed.uri + "/") && !documents.get(uri)) workspace.delete(uri);
        }
        await indexFolders(e.added.map((f) => f.uri));
        schedule();
      });
    }
    if (canConfigure) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: "archwright" }).catch(() => undefined);
      await readSettings();
    }
    await indexFolders(folders);
    schedule(0);
  });

  async function readSettings(): Promise<void> {
    if (!canConfigure) return;
    try {
      const value = (await connection.workspace.getConfiguration("archwright")) as ServerSettings | null;
      settings = value ?? {};
    } catch {
      settings = {};
    }
  }

  async function indexFolders(list: string[]): Promise<void> {
    for (const folder of list) {
      if (!folder.startsWith("file:")) continue;
      const root = fileURLToPath(folder);
      for (const path of await findArchFiles(root)) {
        const uri = pathToFileURL(path).href;
        if (documents.get(uri)) continue;
        try {
          workspace.set(uri, await readFile(path, "utf8"));
        } catch (e) {
          log(`cannot read ${path}: ${String(e)}`);
        }
      }
      await loadProjectConfig(join(root, "archwright.json"));
    }
  }

  async function loadProjectConfig(path: string): Promise<void> {
    try {
      const text = await readFile(path, "utf8");
      const uri = pathToFileURL(path).href;
      const parsed = parseConfig(text, uri);
      projectConfig = { uri, config: parsed.config, diagnostics: parsed.diagnostics };
    } catch {
      if (projectConfig && fileURLToPath(projectConfig.uri) === path) projectConfig = undefined;
    }
  }

  /**
   * Two passes. On each keystroke (after a few ms) only the edited files are
   * re-checked: their syntax and name diagnostics, the rules whose scope is the
   * file, and the workspace rules' findings from the last full pass, moved with
   * the edit. When typing pauses, the full pass checks the whole workspace and
   * publishes every file whose diagnostics changed.
   */
  const sendIfChanged = (uri: string, list: LspDiagnostic[]) => {
    const key = JSON.stringify(list);
    if (published.get(uri) === key) return;
    published.set(uri, key);
    const doc = documents.get(uri);
    void connection.sendDiagnostics(doc ? { uri, version: doc.version, diagnostics: list } : { uri, diagnostics: list });
  };

  const publishFull = () => {
    fullTimer = undefined;
    try {
      const m = model();
      const diagnostics = check(m, { config: lintConfig() });
      const byUri = new Map<string, Diagnostic[]>();
      for (const uri of workspace.uris()) byUri.set(uri, []);
      for (const d of diagnostics) byUri.get(d.uri)?.push(d);
      full = { model: m, diagnostics, byUri, texts: new Map([...m.files].map(([uri, f]) => [uri, f.text])) };
      edited.clear();
      const lsp = new Map<string, LspDiagnostic[]>();
      for (const [uri, list] of byUri) lsp.set(uri, list.flatMap((d) => toLspDiagnostic(d, m) ?? []));
      if (projectConfig) {
        const lines = projectConfig.diagnostics.map((d) => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: d.severity === "error" ? 1 : 2, code: d.code, source: "archwright", message: d.message }) as LspDiagnostic);
        lsp.set(projectConfig.uri, lines);
      }
      for (const uri of [...published.keys()]) {
        if (!lsp.has(uri)) {
          published.delete(uri);
          void connection.sendDiagnostics({ uri, diagnostics: [] });
        }
      }
      for (const [uri, list] of lsp) sendIfChanged(uri, list);
    } catch (e) {
      log(`analysis failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  };

  const publishEdited = () => {
    fastTimer = undefined;
    try {
      const m = model();
      for (const uri of edited) {
        if (!m.files.has(uri)) continue;
        sendIfChanged(uri, diagnosticsOf(m, uri).flatMap((d) => toLspDiagnostic(d, m) ?? []));
      }
    } catch (e) {
      log(`analysis failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  };

  /** A file's diagnostics on the current model, without linting the whole workspace. */
  const fileCache = new Map<string, Diagnostic[]>();
  let fileCacheModel: Model | undefined;
  const diagnosticsOf = (m: Model, uri: string): Diagnostic[] => {
    if (full && full.model === m) return full.byUri.get(uri) ?? [];
    if (fileCacheModel !== m) {
      fileCache.clear();
      fileCacheModel = m;
    }
    let list = fileCache.get(uri);
    if (!list) {
      const file = m.files.get(uri);
      const own = m.diagnostics.filter((d) => d.uri === uri);
      const local = lint(m, { config: lintConfig(), onlyUri: uri });
      const carried = full && file ? carryOver(full.byUri.get(uri) ?? [], full.texts.get(uri) ?? "", file.text) : [];
      list = [...own, ...local, ...carried].sort(compareDiagnostics);
      fileCache.set(uri, list);
    }
    return list;
  };

  const schedule = (delay = 30) => {
    if (fastTimer) clearTimeout(fastTimer);
    fastTimer = setTimeout(publishEdited, Math.min(delay, 10));
    if (fullTimer) clearTimeout(fullTimer);
    fullTimer = setTimeout(publishFull, delay === 0 ? 0 : FULL_PASS_DELAY);
  };

  documents.onDidChangeContent((e) => {
    if (workspace.set(e.document.uri, e.document.getText())) {
      edited.add(e.document.uri);
      schedule();
    }
  });

  documents.onDidClose(async (e) => {
    // The file on disk stays part of the workspace; a closed untitled document leaves it.
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

  connection.onDidChangeWatchedFiles(async (params) => {
    for (const change of params.changes) {
      const uri = change.uri;
      if (uri.endsWith("archwright.json")) {
        await loadProjectConfig(fileURLToPath(uri));
        continue;
      }
      if (!uri.endsWith(".arch") || documents.get(uri)) continue;
      if (change.type === FileChangeType.Deleted) workspace.delete(uri);
      else {
        try {
          workspace.set(uri, await readFile(fileURLToPath(uri), "utf8"));
        } catch {
          workspace.delete(uri);
        }
      }
    }
    schedule();
  });

  connection.onDidChangeConfiguration(async () => {
    await readSettings();
    schedule(0);
  });


  // ---- requests -----------------------------------------------------------

  connection.onCompletion(
    guard("completion", null, (p) => {
      const file = fileOf(p.textDocument.uri);
      if (!file) return null;
      const result = ide.complete(model(), file, offsetAt(file, p.position));
      const range = rangeOf(file, result.start, result.end);
      return {
        isIncomplete: false,
        items: result.items.map((item): CompletionItem => {
          const c: CompletionItem = { label: item.label, kind: COMPLETION_KINDS[item.kind], textEdit: { range, newText: item.insertText ?? item.label } };
          if (item.snippet) c.insertTextFormat = InsertTextFormat.Snippet;
          if (item.detail) c.detail = item.detail;
          if (item.documentation) c.documentation = { kind: MarkupKind.Markdown, value: item.documentation };
          if (item.sortText) c.sortText = item.sortText;
          return c;
        }),
      };
    }),
  );

  connection.onHover(
    guard("hover", null, (p) => {
      const file = fileOf(p.textDocument.uri);
      if (!file) return null;
      const h = ide.hover(model(), file.uri, offsetAt(file, p.position), diagnosticsOf(model(), file.uri));
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: rangeOf(file, h.start, h.end) } : null;
    }),
  );

  connection.onDefinition(
    guard("definition", null, (p) => {
      const file = fileOf(p.textDocument.uri);
      if (!file) return null;
      const loc = ide.definition(model(), file.uri, offsetAt(file, p.position));
      const range = loc && toRange(loc.uri, loc.start, loc.end);
      return loc && range ? { uri: loc.uri, range } : null;
    }),
  );

  connection.onReferences(
    guard("references", [], (p) => {
      const file = fileOf(p.textDocument.uri);
      if (!file) return [];
      return ide.references(model(), file.uri, offsetAt(file, p.position), p.context.includeDeclaration).flatMap((l) => {
        const range = toRange(l.uri, l.start, l.end);
        return range ? [{ uri: l.uri, range }] : [];
      });
    }),
  );

  connection.onDocumentHighlight(
    guard("documentHighlight", [], (p) => {
      const file = fileOf(p.textDocument.uri);
      if (!file) return [];
      return ide.documentHighlights(model(), file.uri, offsetAt(file, p.position)).map((h) => ({ range: rangeOf(file, h.start, h.end), kind: h.write ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
    }),
  );

  connection.onPrepareRename(
    guard("prepareRename", null, (p) => {
      const file = fileOf(p.textDocument.uri);
      if (!file) return null;
      const r = ide.prepareRename(model(), file.uri, offsetAt(file, p.position));
      if ("error" in r) throw new ResponseError(0, r.error);
      return { range: rangeOf(file, r.start, r.end), placeholder: r.placeholder };
    }),
  );

  connection.onRenameRequest((p) => {
    const file = fileOf(p.textDocument.uri);
    if (!file) return null;
    const r = ide.rename(model(), file.uri, offsetAt(file, p.position), p.newName);
    if ("error" in r) return new ResponseError(0, r.error);
    return toEdits(r.edits);
  });

  connection.onDocumentSymbol(
    guard("documentSymbol", [], (p) => {
      const file = fileOf(p.textDocument.uri);
      if (!file) return [];
      const convert = (s: ide.OutlineSymbol): import("vscode-languageserver/node").DocumentSymbol => {
        const out: import("vscode-languageserver/node").DocumentSymbol = {
          name: s.name,
          kind: SYMBOL_KINDS[s.kind] ?? SymbolKind.Object,
          range: rangeOf(file, s.start, s.end),
          selectionRange: rangeOf(file, s.selectionStart, s.selectionEnd),
          children: s.children.map(convert),
        };
        if (s.detail) out.detail = s.detail;
        return out;
      };
      return ide.documentSymbols(file).map(convert);
    }),
  );

  connection.onWorkspaceSymbol(
    guard("workspaceSymbol", [], (p) =>
      ide.workspaceSymbols(model(), p.query).flatMap((s) => {
        const range = toRange(s.uri, s.start, s.end);
        return range ? [{ name: s.name, kind: SYMBOL_KINDS[s.kind] ?? SymbolKind.Object, location: { uri: s.uri, range }, ...(s.container ? { containerName: s.container } : {}) }] : [];
      }),
    ),
  );

  connection.onDocumentFormatting(
    guard("formatting", [], (p) => {
      const doc = documents.get(p.textDocument.uri);
      if (!doc) return [];
      const text = doc.getText();
      return ide.formatEdits(doc.uri, text, undefined, { indent: p.options.insertSpaces ? p.options.tabSize : 2 }).map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }));
    }),
  );

  connection.onDocumentRangeFormatting(
    guard("rangeFormatting", [], (p) => {
      const doc = documents.get(p.textDocument.uri);
      if (!doc) return [];
      const text = doc.getText();
      const range = { start: doc.offsetAt(p.range.start), end: doc.offsetAt(p.range.end) };
      return ide.formatEdits(doc.uri, text, range, { indent: p.options.insertSpaces ? p.options.tabSize : 2 }).map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }));
    }),
  );

  connection.onFoldingRanges(
    guard("foldingRanges", [], (p) => {
      const file = fileOf(p.textDocument.uri);
      return file ? ide.foldingRanges(file).map((f) => ({ startLine: f.startLine, endLine: f.endLine, ...(f.kind ? { kind: f.kind } : {}) })) : [];
    }),
  );

  connection.onSelectionRanges(
    guard("selectionRanges", [], (p) => {
      const file = fileOf(p.textDocument.uri);
      if (!file) return [];
      return p.positions.map((pos) => {
        const spans = ide.selectionRanges(file, offsetAt(file, pos));
        let result: SelectionRange | undefined;
        for (let i = spans.length - 1; i >= 0; i--) {
          const s = spans[i]!;
          result = result ? { range: rangeOf(file, s.start, s.end), parent: result } : { range: rangeOf(file, s.start, s.end) };
        }
        return result ?? { range: { start: pos, end: pos } };
      });
    }),
  );

  connection.onCodeLens(
    guard("codeLens", [], (p) => {
      const file = fileOf(p.textDocument.uri);
      if (!file) return [];
      return ide.codeLenses(model(), file.uri).map((l) => ({ range: rangeOf(file, l.start, l.end), command: { title: l.title, command: l.command?.id ?? "", ...(l.command ? { arguments: l.command.arguments } : {}) } }));
    }),
  );

  connection.languages.inlayHint.on(
    guard("inlayHint", [], (p) => {
      const file = fileOf(p.textDocument.uri);
      if (!file) return [];
      const lines = lineIndexOf(file);
      const range = { start: lines.offsetAt(p.range.start), end: lines.offsetAt(p.range.end) };
      return ide.inlayHints(model(), file.uri, range).map((h) => ({ position: lines.positionAt(h.offset), label: h.label, paddingLeft: false, ...(h.tooltip ? { tooltip: h.tooltip } : {}) }));
    }),
  );

  connection.onCodeAction(
    guard("codeAction", [], (p) => {
      const file = fileOf(p.textDocument.uri);
      if (!file) return [];
      const lines = lineIndexOf(file);
      const range = { start: lines.offsetAt(p.range.start), end: lines.offsetAt(p.range.end) };
      const diagnostics = diagnosticsOf(model(), file.uri);
      const only = p.context.only;
      return ide
        .codeActions(model(), file.uri, range, diagnostics)
        .filter((a) => !only || only.some((k) => a.kind === k || a.kind.startsWith(k + ".")))
        .map((a): CodeAction => {
          const action: CodeAction = { title: a.title, kind: a.kind === "quickfix" ? CodeActionKind.QuickFix : CodeActionKind.Refactor };
          if (a.edits.length) action.edit = toEdits(a.edits);
          if (a.command) action.command = { title: a.command.title, command: a.command.id, arguments: a.command.arguments };
          if (a.preferred) action.isPreferred = true;
          if (a.diagnostic) {
            const lsp = toLspDiagnostic(a.diagnostic, model());
            if (lsp) action.diagnostics = [lsp];
          }
          return action;
        });
    }),
  );

  connection.languages.semanticTokens.on(
    guard("semanticTokens", { data: [] }, (p) => {
      const file = fileOf(p.textDocument.uri);
      if (!file) return { data: [] };
      const lines = lineIndexOf(file);
      const data: number[] = [];
      let prevLine = 0;
      let prevChar = 0;
      for (const t of ide.semanticTokens(model(), file)) {
        const pos = lines.positionAt(t.start);
        const length = t.end - t.start;
        data.push(pos.line - prevLine, pos.line === prevLine ? pos.character - prevChar : pos.character, length, ide.TOKEN_TYPES.indexOf(t.type), t.modifiers.reduce((bits, m) => bits | (1 << ide.TOKEN_MODIFIERS.indexOf(m)), 0));
        prevLine = pos.line;
        prevChar = pos.character;
      }
      return { data };
    }),
  );

  connection.onRequest(
    GENERATE_REQUEST,
    guard("generate", { files: [], diagnostics: [] }, (p: GenerateRequest) => generate(model(), p)),
  );
  connection.onRequest(PREVIEW_REQUEST, guard("preview", EMPTY_PREVIEW, (p: PreviewParams) => preview(model(), p)));

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

