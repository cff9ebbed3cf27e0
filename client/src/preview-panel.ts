// The live preview: one webview panel beside the editor that follows the
// active .arch document and its cursor. It asks the server for the diagrams
// and generated texts of the scope under the cursor (`archwright/preview`),
// sends them to the webview, reveals declarations when a node is clicked,
// exports SVG, and survives a window reload through its serializer.

import { randomBytes } from "node:crypto";
import * as vscode from "vscode";
import type { PreviewParams, PreviewResponse } from "../../protocol/src/preview";
import { COMMANDS, CONTEXT_KEYS, PREVIEW_VIEW_TYPE, REQUESTS } from "./commands";
import type { ArchwrightClient } from "./language-client";
import { nonceFrom, previewHtml } from "./preview-html";
import { debounce, documentName, findNode, nodesAtPosition, toUpdate } from "./preview-logic";
import {
  parseFromWebview,
  parsePersistedState,
  type DiagramKind,
  type FromWebview,
  type GenerateTarget,
  type Highlight,
  type PersistedState,
  type ScopeSetting,
  type Tab,
  type ThemeSetting,
  type ToWebview,
} from "../../protocol/src/webview-messages";

/** What the rest of the extension offers the preview (its buttons run commands). */
export interface PreviewActions {
  generate(target: GenerateTarget, documentUri: vscode.Uri, service: string | undefined): Promise<unknown>;
  /** The workspace's Archwright errors and warnings (from the status bar item). */
  problems(): { errors: number; warnings: number };
}

export interface PreviewStats {
  renders: number;
  cspViolations: number;
  violations: string[];
  renderErrors: string[];
  lastRender?: { seq: number; kind: DiagramKind; nodes: number; fromCache: boolean; ms: number };
}

const UPDATE_DELAY_MS = 300;
const SVG_TIMEOUT_MS = 30_000;

function isArch(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return !!document && document.languageId === "arch";
}

function setting<T>(key: string, fallback: T): T {
  return vscode.workspace.getConfiguration("archwright").get<T>(key, fallback);
}

class PreviewPanel implements vscode.Disposable {
  documentUri: vscode.Uri | undefined;
  scope: ScopeSetting;
  tab: Tab;
  ready = false;
  seq = 0;
  lastResponse: PreviewResponse | undefined;
  readonly stats: PreviewStats = { renders: 0, cspViolations: 0, violations: [], renderErrors: [] };
  /** A service to show while the cursor has not moved (from a code lens). */
  private serviceHint: string | undefined;
  private endpoint: { spec: string; service: string } | undefined;
  private requestCounter = 0;
  private svgRequests = new Map<number, { resolve: (v: { svg: string; kind?: DiagramKind }) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  private nextSvgRequest = 1;
  private readonly disposables: vscode.Disposable[] = [];
  readonly refresh = debounce(() => void this.update(), UPDATE_DELAY_MS);
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly manager: PreviewManager,
    documentUri: vscode.Uri | undefined,
    state: PersistedState,
  ) {
    this.documentUri = documentUri;
    this.scope = state.scope ?? setting<ScopeSetting>("preview.scope", "auto");
    this.tab = state.tab ?? "architecture";
    const extensionUri = manager.context.extensionUri;
    const dist = vscode.Uri.joinPath(extensionUri, "dist");
    panel.webview.options = { enableScripts: true, localResourceRoots: [dist] };
    panel.iconPath = vscode.Uri.joinPath(extensionUri, "media", "icon.png");
    panel.webview.html = previewHtml({
      cspSource: panel.webview.cspSource,
      nonce: nonceFrom(randomBytes(18)),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, "webview.js")).toString(),
      mermaidUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, "mermaid.min.js")).toString(),
      tab: this.tab,
    });
    this.updateTitle();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const m = parseFromWebview(raw);
        if (m) this.onMessage(m);
        else manager.output.warn(`[preview] dropped an invalid message from the webview`);
      }),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.refresh.pending()) this.refresh.flush();
      }),
    );
  }

  private updateTitle(): void {
    this.panel.title = this.documentUri ? `Preview ${documentName(this.documentUri.toString())}` : "Archwright Preview";
  }

  setDocument(uri: vscode.Uri): void {
    if (this.documentUri?.toString() === uri.toString()) return;
    this.documentUri = uri;
    this.serviceHint = undefined;
    this.updateTitle();
    this.refresh.cancel();
    void this.update();
  }

  setServiceHint(service: string | undefined): void {
    this.serviceHint = service;
  }

  setScope(scope: ScopeSetting): void {
    if (scope === this.scope) return;
    this.scope = scope;
    this.refresh.cancel();
    void this.update();
  }

  post(message: ToWebview): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  private editor(): vscode.TextEditor | undefined {
    const uri = this.documentUri?.toString();
    return uri ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri) : undefined;
  }

  /** Asks the server for the current scope and sends the result to the webview. */
  async update(): Promise<void> {
    if (this.disposed || !this.ready) return;
    const uri = this.documentUri;
    if (!uri) {
      this.post({ type: "notice", text: "Open an .arch file to preview it." });
      return;
    }
    const client = this.manager.client;
    const editor = this.editor();
    const serverUri = client.toServerUri(uri);
    const params: PreviewParams = { uri: serverUri, scope: this.scope, documents: this.tab === "openapi" || this.tab === "sql" ? [this.tab] : [] };
    if (editor) params.offset = editor.document.offsetAt(editor.selection.active);
    if (this.serviceHint) params.service = this.serviceHint;
    if (this.endpoint) {
      params.endpoint = this.endpoint.spec;
      params.endpointService = this.endpoint.service;
    }
    const token = ++this.requestCounter;
    let response: PreviewResponse;
    try {
      response = await client.request<PreviewResponse>(REQUESTS.preview, params);
    } catch (e) {
      if (token !== this.requestCounter) return;
      this.manager.output.warn(`[preview] request failed: ${e instanceof Error ? e.message : String(e)}`);
      this.post({ type: "notice", text: "The Archwright language server is not running: the preview shows the last state it had." });
      return;
    }
    if (token !== this.requestCounter || this.disposed) return;
    if (!response.uri) {
      this.post({ type: "notice", text: "The preview could not be computed (see the Archwright output)." });
      return;
    }
    this.lastResponse = response;
    if (response.endpoint && response.endpointService) this.endpoint = { spec: response.endpoint, service: response.endpointService };
    const highlight: Highlight = editor ? nodesAtPosition(response.diagrams, serverUri, editor.selection.active) : {};
    this.post({ type: "notice", text: "" });
    this.post(toUpdate(response, ++this.seq, uri.toString(), highlight, this.manager.actions.problems()));
  }

  /** The cursor moved: highlight at once, update the scope after a pause. */
  cursorMoved(editor: vscode.TextEditor, byUser: boolean): void {
    if (byUser) this.serviceHint = undefined;
    if (this.lastResponse) {
      const highlight = nodesAtPosition(this.lastResponse.diagrams, this.manager.client.toServerUri(editor.document.uri), editor.selection.active);
      this.post({ type: "highlight", highlight });
    }
    this.refresh();
  }

  private onMessage(m: FromWebview): void {
    const out = this.manager.output;
    switch (m.type) {
      case "ready":
        this.ready = true;
        this.post({ type: "theme", theme: setting<ThemeSetting>("preview.theme", "auto") });
        void this.update();
        break;
      case "reveal":
        void this.reveal(m.kind, m.nodeId);
        break;
      case "setScope":
        this.setScope(m.scope);
        break;
      case "tabChanged": {
        const before = this.tab;
        this.tab = m.tab;
        // The OpenAPI and SQL texts are computed only while their tab is shown.
        if ((m.tab === "openapi" || m.tab === "sql") && m.tab !== before) {
          this.refresh.cancel();
          void this.update();
        }
        break;
      }
      case "svg": {
        const pending = this.svgRequests.get(m.requestId);
        if (!pending) break;
        this.svgRequests.delete(m.requestId);
        clearTimeout(pending.timer);
        if (m.svg !== undefined) pending.resolve(m.kind ? { svg: m.svg, kind: m.kind } : { svg: m.svg });
        else pending.reject(new Error(m.error ?? "The preview returned no SVG."));
        break;
      }
      case "rendered":
        this.stats.renders = m.renders;
        this.stats.cspViolations = Math.max(this.stats.cspViolations, m.cspViolations);
        this.stats.lastRender = { seq: m.seq, kind: m.kind, nodes: m.nodes, fromCache: m.fromCache, ms: m.ms };
        out.info(`[preview] rendered ${m.kind} #${m.seq}: ${m.nodes} nodes${m.fromCache ? " (cached)" : ` in ${m.ms} ms`}, csp-violations: ${this.stats.cspViolations}`);
        break;
      case "renderError":
        this.stats.renderErrors.push(`${m.kind}: ${m.message}`);
        if (this.stats.renderErrors.length > 50) this.stats.renderErrors.shift();
        out.warn(`[preview] Mermaid could not render the ${m.kind} diagram (#${m.seq}): ${m.message}`);
        break;
      case "cspViolation":
        this.stats.cspViolations = Math.max(this.stats.cspViolations, m.count);
        this.stats.violations.push(`${m.directive} ${m.blockedUri}`);
        if (this.stats.violations.length > 50) this.stats.violations.shift();
        out.error(`[preview] CSP violation: ${m.directive} ${m.blockedUri} (csp-violations: ${this.stats.cspViolations})`);
        break;
      case "generate":
        if (this.documentUri) void this.manager.actions.generate(m.target, this.documentUri, this.lastResponse?.scope === "auto" ? this.lastResponse?.service : undefined);
        break;
      case "exportRequested":
        void vscode.commands.executeCommand(COMMANDS.exportSvg, undefined, m.kind);
        break;
    }
  }

  private async reveal(kind: DiagramKind, nodeId: string): Promise<void> {
    const node = findNode(this.lastResponse, kind, nodeId);
    if (!node) return;
    const uri = this.manager.client.fromServerUri(node.uri);
    const range = new vscode.Range(node.range.start.line, node.range.start.character, node.range.end.line, node.range.end.character);
    const existing = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const column = existing?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Resolves once the webview got its first update (it renders the diagram to export itself). */
  async whenUpdated(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.seq === 0) {
      if (this.disposed) throw new Error("The preview was closed.");
      if (Date.now() > deadline) throw new Error("The preview did not load in time.");
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  requestSvg(kind?: DiagramKind): Promise<{ svg: string; kind?: DiagramKind }> {
    const requestId = this.nextSvgRequest++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.svgRequests.delete(requestId);
        reject(new Error("The preview did not answer in time."));
      }, SVG_TIMEOUT_MS);
      this.svgRequests.set(requestId, { resolve, reject, timer });
      this.post(kind ? { type: "exportSvg", requestId, kind } : { type: "exportSvg", requestId });
    });
  }

  testingState(): Record<string, unknown> {
    const r = this.lastResponse;
    return {
      open: true,
      visible: this.panel.visible,
      active: this.panel.active,
      ready: this.ready,
      documentUri: this.documentUri?.toString(),
      scope: this.scope,
      tab: this.tab,
      seq: this.seq,
      renders: this.stats.renders,
      cspViolations: this.stats.cspViolations,
      violations: [...this.stats.violations],
      renderErrors: [...this.stats.renderErrors],
      lastRender: this.stats.lastRender,
      scopeLabel: r?.scopeLabel,
      service: r?.service,
      endpoint: r?.endpoint,
      broken: r?.broken,
      diagrams: r?.diagrams.map((d) => ({ kind: d.kind, title: d.title, nodes: d.nodes.map((n) => n.id), empty: d.empty, textLength: d.text.length })),
      openapi: r ? { path: r.openapi.path, length: r.openapi.text.length } : undefined,
      sql: r ? { path: r.sql.path, length: r.sql.text.length } : undefined,
    };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.refresh.cancel();
    for (const p of this.svgRequests.values()) {
      clearTimeout(p.timer);
      p.reject(new Error("The preview was closed."));
    }
    this.svgRequests.clear();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    this.manager.closed(this);
  }
}

export class PreviewManager implements vscode.Disposable {
  private panel: PreviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly client: ArchwrightClient,
    readonly output: vscode.LogOutputChannel,
    readonly actions: PreviewActions,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => this.restore(panel, parsePersistedState(state)),
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && isArch(editor?.document)) this.panel.setDocument(editor.document.uri);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && isArch(e.document) && e.contentChanges.length) this.panel.refresh();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        const panel = this.panel;
        if (!panel || e.textEditor.document.uri.toString() !== panel.documentUri?.toString()) return;
        panel.cursorMoved(e.textEditor, e.kind !== undefined);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!this.panel) return;
        if (e.affectsConfiguration("archwright.preview.theme")) this.panel.post({ type: "theme", theme: setting<ThemeSetting>("preview.theme", "auto") });
        if (e.affectsConfiguration("archwright.preview.scope")) this.panel.setScope(setting<ScopeSetting>("preview.scope", "auto"));
        if (e.affectsConfiguration("archwright.rules")) this.panel.refresh();
      }),
      client.onDidChangeState((state) => {
        if (!this.panel) return;
        if (state === "running") void this.panel.update();
        else if (state === "stopped") this.panel.post({ type: "notice", text: "The Archwright language server stopped: the preview shows the last state it had." });
      }),
    );
  }

  get current(): PreviewPanel | undefined {
    return this.panel;
  }

  /** Opens (or reveals) the preview beside the editor, for `uri` or the active .arch editor. */
  open(uri?: vscode.Uri, service?: string): PreviewPanel | undefined {
    const active = vscode.window.activeTextEditor;
    const documentUri = uri ?? (isArch(active?.document) ? active.document.uri : undefined) ?? this.panel?.documentUri ?? vscode.workspace.textDocuments.find(isArch)?.uri;
    if (!documentUri) {
      void vscode.window.showInformationMessage("Open an .arch file to preview its diagrams.");
      return undefined;
    }
    if (this.panel) {
      this.panel.setServiceHint(service);
      this.panel.setDocument(documentUri);
      if (service) void this.panel.update();
      this.panel.panel.reveal(undefined, true);
      return this.panel;
    }
    const webviewPanel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      "Archwright Preview",
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, "dist")],
      },
    );
    const panel = this.attach(webviewPanel, documentUri, {});
    panel.setServiceHint(service);
    return panel;
  }

  private async restore(webviewPanel: vscode.WebviewPanel, state: PersistedState): Promise<void> {
    if (this.panel) {
      // One preview at a time: a second restored panel is closed.
      webviewPanel.dispose();
      return;
    }
    const active = vscode.window.activeTextEditor;
    const documentUri = state.documentUri ? vscode.Uri.parse(state.documentUri) : isArch(active?.document) ? active.document.uri : undefined;
    this.attach(webviewPanel, documentUri, state);
  }

  private attach(webviewPanel: vscode.WebviewPanel, documentUri: vscode.Uri | undefined, state: PersistedState): PreviewPanel {
    const panel = new PreviewPanel(webviewPanel, this, documentUri, state);
    this.panel = panel;
    void vscode.commands.executeCommand("setContext", CONTEXT_KEYS.previewOpen, true);
    this.output.info(`[preview] opened for ${documentUri?.toString() ?? "no document"}`);
    return panel;
  }

  closed(panel: PreviewPanel): void {
    if (this.panel !== panel) return;
    this.panel = undefined;
    void vscode.commands.executeCommand("setContext", CONTEXT_KEYS.previewOpen, false);
    this.output.info("[preview] closed");
  }

  /** Exports a diagram of the preview (opening it if needed) to `target`, or where the user picks. */
  async exportSvg(target?: vscode.Uri, kind?: DiagramKind): Promise<vscode.Uri | undefined> {
    const panel = this.panel ?? this.open();
    if (!panel) return undefined;
    await panel.whenUpdated(SVG_TIMEOUT_MS);
    const { svg, kind: exported } = await panel.requestSvg(kind);
    let uri = target;
    if (!uri) {
      const base = panel.documentUri ? documentName(panel.documentUri.toString()).replace(/\.arch$/, "") : "diagram";
      const folder = panel.documentUri?.scheme === "file" ? vscode.Uri.joinPath(panel.documentUri, "..") : vscode.workspace.workspaceFolders?.[0]?.uri;
      const name = `${base}.${exported ?? "diagram"}.svg`;
      uri = await vscode.window.showSaveDialog({
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
        filters: { "SVG image": ["svg"] },
        saveLabel: "Export SVG",
        title: "Export the diagram as SVG",
      });
      if (!uri) return undefined;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(svg));
    this.output.info(`[preview] exported ${exported ?? "diagram"} SVG to ${uri.toString()} (${svg.length} characters)`);
    if (!target) {
      void vscode.window.showInformationMessage(`Exported the diagram to ${vscode.workspace.asRelativePath(uri)}.`, "Open").then((choice) => {
        if (choice) void vscode.commands.executeCommand("vscode.open", uri);
      });
    }
    return uri;
  }

  testingState(): Record<string, unknown> {
    return this.panel ? this.panel.testingState() : { open: false };
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
