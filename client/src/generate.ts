// The Generate OpenAPI / SQL / Mermaid commands: ask the server for the
// files, add the "generated; do not edit" header, and write them into the
// output folder (archwright.output.folder, relative to the workspace). A file
// that is identical is left alone; one that Archwright wrote and nobody
// touched is replaced; one that was edited since it was generated (or was not
// generated at all) is shown as a diff and only replaced if the user says so.

import * as vscode from "vscode";
import type { GenerateResponse } from "../../protocol/src/generate";
import { withHeader } from "../../core/src/generators/header";
import { COMMANDS, REQUESTS, SCHEMES } from "./commands";
import { decideWrite, outputFolderSegments, replaceQuestion, safeFileName, sourceNames, summaryText, type GenerateSummary } from "./generate-logic";
import type { ArchwrightClient } from "./language-client";
import type { GenerateTarget } from "../../protocol/src/webview-messages";

export interface GenerateCommandOptions {
  /** Only this service (else: asked, or every service). */
  service?: string;
  /** One file for the whole model (OpenAPI, SQL). */
  whole?: boolean;
  diagram?: "architecture" | "er" | "sequence";
  scope?: "service" | "neighbours" | "system";
  /** `GET /path`, for a sequence diagram. */
  endpoint?: string;
  /** Output folder relative to the workspace folder (default: the archwright.output.folder setting). */
  folder?: string;
  /** false: no questions, no diff (for tests and automation). */
  interactive?: boolean;
  /** What to do with an edited or foreign file when not interactive (default "keep"). */
  overwrite?: "keep" | "replace";
}

export interface GenerateOutcome extends GenerateSummary {
  folder?: string;
  errors: string[];
}

const LABELS: Record<GenerateTarget, string> = { openapi: "OpenAPI", sql: "SQL", mermaid: "Mermaid" };

/** Virtual documents holding a generated file before it is written (the right side of the diff). */
export class ProposedFiles implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  set(name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: SCHEMES.generated, path: `/${name}` });
    this.texts.set(uri.toString(), text);
    this.emitter.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? "";
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

function toUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === "string" && arg) return /^[a-z][a-z0-9+.-]*:/i.test(arg) ? vscode.Uri.parse(arg) : vscode.Uri.file(arg);
  return undefined;
}

/** The .arch document a command is about: its argument, else the active editor, else the preview's. */
export function documentFor(arg: unknown, fallback?: vscode.Uri): vscode.Uri | undefined {
  const given = toUri(arg);
  if (given) return given;
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === "arch") return active.uri;
  return fallback;
}

interface ScopeChoice {
  label: string;
  description?: string;
  options: Pick<GenerateCommandOptions, "service" | "whole" | "diagram" | "scope" | "endpoint">;
}

/** The services declared in a document, and the one under the cursor, from the document symbols. */
async function servicesOf(uri: vscode.Uri): Promise<{ all: string[]; atCursor?: string }> {
  const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>("vscode.executeDocumentSymbolProvider", uri)) ?? [];
  const services: vscode.DocumentSymbol[] = [];
  const walk = (list: vscode.DocumentSymbol[]) => {
    for (const s of list) {
      if (s.kind === vscode.SymbolKind.Class) services.push(s);
      else if (s.kind === vscode.SymbolKind.Namespace) walk(s.children);
    }
  };
  walk(symbols);
  const editor = vscode.window.activeTextEditor;
  const cursor = editor && editor.document.uri.toString() === uri.toString() ? editor.selection.active : undefined;
  const atCursor = cursor ? services.find((s) => s.range.contains(cursor))?.name : undefined;
  return atCursor ? { all: services.map((s) => s.name), atCursor } : { all: services.map((s) => s.name) };
}

async function chooseScope(target: GenerateTarget, uri: vscode.Uri): Promise<ScopeChoice["options"] | undefined> {
  const { all, atCursor } = await servicesOf(uri);
  const items: ScopeChoice[] = [];
  const ordered = atCursor ? [atCursor, ...all.filter((s) => s !== atCursor)] : all;
  if (target === "mermaid") {
    const diagrams: { label: string; diagram: "architecture" | "er" }[] = [
      { label: "Architecture", diagram: "architecture" },
      { label: "ER", diagram: "er" },
    ];
    for (const d of diagrams) {
      for (const s of ordered) items.push({ label: `$(symbol-class) ${d.label}: ${s}`, description: s === atCursor ? "service under the cursor" : "", options: { diagram: d.diagram, service: s } });
      items.push({ label: `$(globe) ${d.label}: whole system`, options: { diagram: d.diagram, scope: "system" } });
      items.push({ label: `$(files) ${d.label}: one file per ${d.diagram === "architecture" ? "system" : "service"}`, options: { diagram: d.diagram } });
    }
  } else {
    for (const s of ordered) items.push({ label: `$(symbol-class) ${s}`, description: s === atCursor ? "service under the cursor" : "", options: { service: s } });
    items.push({ label: "$(files) Every service", description: "one file per service", options: {} });
    items.push({ label: "$(file) Whole model", description: "one file", options: { whole: true } });
  }
  const picked = await vscode.window.showQuickPick(items, { title: `Generate ${LABELS[target]}`, placeHolder: "What to generate" });
  return picked?.options;
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === "FileNotFound") return undefined;
    if (e instanceof vscode.FileSystemError && e.code === "EntryNotFound") return undefined;
    throw e;
  }
}

export interface GenerateDeps {
  client: ArchwrightClient;
  output: vscode.LogOutputChannel;
  proposed: ProposedFiles;
}

/** Runs a generate command. Returns what was written, for tests. */
export async function generateCommand(deps: GenerateDeps, target: GenerateTarget, documentUri: vscode.Uri | undefined, service: string | undefined, options: GenerateCommandOptions = {}): Promise<GenerateOutcome> {
  const outcome: GenerateOutcome = { written: [], unchanged: [], kept: [], refused: [], errors: [] };
  const interactive = options.interactive !== false;
  const fail = (message: string): GenerateOutcome => {
    outcome.errors.push(message);
    deps.output.error(`[generate] ${message}`);
    if (interactive) void vscode.window.showErrorMessage(message);
    return outcome;
  };
  if (!documentUri) return fail("Open an .arch file to generate from it.");

  // What to generate.
  let scope: ScopeChoice["options"] = {};
  const svc = service ?? options.service;
  if (svc) scope.service = svc;
  if (options.whole) scope.whole = true;
  if (options.diagram) scope.diagram = options.diagram;
  if (options.scope) scope.scope = options.scope;
  if (options.endpoint) scope.endpoint = options.endpoint;
  if (interactive && !svc && !options.whole && !options.diagram && !options.scope && !options.endpoint) {
    const picked = await chooseScope(target, documentUri);
    if (!picked) return outcome;
    scope = picked;
  }

  // Where to write.
  const folderSetting = options.folder ?? vscode.workspace.getConfiguration("archwright", documentUri).get<string>("output.folder", "generated");
  const folder = outputFolderSegments(folderSetting);
  if ("error" in folder) return fail(folder.error);
  const root = vscode.workspace.getWorkspaceFolder(documentUri)?.uri ?? (documentUri.scheme === "file" ? vscode.Uri.joinPath(documentUri, "..") : vscode.workspace.workspaceFolders?.[0]?.uri);
  if (!root) return fail("Generated files are written into a workspace folder: open a folder first.");
  const folderUri = folder.segments.length ? vscode.Uri.joinPath(root, ...folder.segments) : root;
  const folderLabel = folder.segments.length ? `${folder.segments.join("/")}/` : "the workspace folder";
  outcome.folder = folderUri.toString();

  // Ask the server.
  let response: GenerateResponse;
  try {
    response = await deps.client.request<GenerateResponse>(REQUESTS.generate, { target, ...scope });
  } catch (e) {
    return fail(`Could not generate ${LABELS[target]}: ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const d of response.diagnostics) deps.output.appendLine(`[generate] ${d.severity} ${d.code}: ${d.message}`);
  const errors = response.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) return fail(`Could not generate ${LABELS[target]}: ${errors.map((d) => d.message).join(" ")}`);
  if (!response.files.length) {
    const why = response.diagnostics.map((d) => d.message).join(" ");
    const message = `Nothing to generate${why ? `: ${why}` : "."}`;
    outcome.errors.push(message);
    if (interactive) void vscode.window.showInformationMessage(message);
    return outcome;
  }

  // Write.
  const sources = sourceNames([documentUri.toString()]);
  await vscode.workspace.fs.createDirectory(folderUri);
  for (const file of response.files) {
    const name = safeFileName(file.path);
    if (!name) {
      outcome.refused.push(file.path);
      deps.output.error(`[generate] refusing to write ${JSON.stringify(file.path)}: not a plain file name`);
      continue;
    }
    const uri = vscode.Uri.joinPath(folderUri, name);
    const text = withHeader(name, file.text, sources);
    const decision = decideWrite(await readText(uri), text);
    if (decision.action === "unchanged") {
      outcome.unchanged.push(name);
      continue;
    }
    if (decision.action === "ask") {
      let replace = options.overwrite === "replace";
      if (interactive) {
        const proposed = deps.proposed.set(name, text);
        await vscode.commands.executeCommand("vscode.diff", uri, proposed, `${name}: yours ↔ newly generated`, { preview: true });
        const choice = await vscode.window.showWarningMessage(replaceQuestion(name, decision.state), { modal: true, detail: "The diff shows your file on the left and the generated one on the right." }, "Replace", "Keep Mine");
        replace = choice === "Replace";
      }
      if (!replace) {
        outcome.kept.push(name);
        deps.output.info(`[generate] kept ${name}: ${decision.state === "modified" ? "edited since it was generated" : "not written by Archwright"}`);
        continue;
      }
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    outcome.written.push(name);
    deps.output.info(`[generate] wrote ${vscode.workspace.asRelativePath(uri)}`);
  }

  const summary = summaryText(outcome, folderLabel);
  deps.output.info(`[generate] ${summary}`);
  if (interactive) {
    const first = outcome.written[0];
    const actions = first ? ["Open", "Reveal in Explorer"] : [];
    void vscode.window.showInformationMessage(summary, ...actions).then((choice) => {
      if (!first) return;
      const uri = vscode.Uri.joinPath(folderUri, first);
      if (choice === "Open") void vscode.commands.executeCommand("vscode.open", uri);
      else if (choice === "Reveal in Explorer") void vscode.commands.executeCommand("revealInExplorer", uri);
    });
  }
  return outcome;
}

export function registerGenerateCommands(deps: GenerateDeps, previewDocument: () => vscode.Uri | undefined): vscode.Disposable[] {
  const register = (id: string, target: GenerateTarget) =>
    vscode.commands.registerCommand(id, (uriArg?: unknown, serviceArg?: unknown, options?: GenerateCommandOptions) =>
      generateCommand(deps, target, documentFor(uriArg, previewDocument()), typeof serviceArg === "string" && serviceArg ? serviceArg : undefined, options && typeof options === "object" ? options : {}),
    );
  return [
    vscode.workspace.registerTextDocumentContentProvider(SCHEMES.generated, deps.proposed),
    register(COMMANDS.generateOpenApi, "openapi"),
    register(COMMANDS.generateSql, "sql"),
    register(COMMANDS.generateMermaid, "mermaid"),
  ];
}
