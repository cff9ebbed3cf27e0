// The preview webview's HTML and Content-Security-Policy. Pure (no vscode):
// the extension passes the webview's cspSource, a fresh nonce and the script
// URIs. Nothing but the two nonce'd scripts runs; styles may be inline because
// Mermaid writes inline styles into its SVG (without 'unsafe-inline' the
// diagram renders as black boxes).

import { TABS, type Tab } from "../../protocol/src/webview-messages";

export interface PreviewHtmlOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random nonce (base64 or hex) for this document. */
  nonce: string;
  /** `asWebviewUri(dist/webview.js)`. */
  scriptUri: string;
  /** `asWebviewUri(dist/mermaid.min.js)`. */
  mermaidUri: string;
  /** The tab to show first. */
  tab?: Tab;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A nonce from random bytes: base64 (CSP allows `+`, `/` and `=` in nonces). */
export function nonceFrom(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function isValidNonce(nonce: string): boolean {
  return /^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(nonce);
}

export function buildCsp(cspSource: string, nonce: string): string {
  if (!isValidNonce(nonce)) throw new Error("invalid CSP nonce");
  // VS Code's cspSource is a list of source expressions, e.g. `'self' https://*.vscode-cdn.net`:
  // each must be a keyword source or a host/scheme source, with nothing that could end the directive.
  const sources = cspSource.trim().split(/[ \t]+/);
  if (!cspSource.trim() || !sources.every((t) => /^'(self|none)'$/.test(t) || /^[^\s;'",]+$/.test(t))) throw new Error("invalid cspSource");
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join("; ");
}

const TAB_TITLES: Record<Tab, string> = { architecture: "Architecture", er: "ER", sequence: "Sequence", openapi: "OpenAPI", sql: "SQL" };

export function previewHtml(o: PreviewHtmlOptions): string {
  const csp = buildCsp(o.cspSource, o.nonce);
  const active = o.tab ?? "architecture";
  const tabs = TABS.map(
    (t) =>
      `<button type="button" role="tab" id="aw-tab-${t}" class="aw-tab" data-tab="${t}" aria-controls="aw-panel-${t}" aria-selected="${t === active}" tabindex="${t === active ? 0 : -1}">${TAB_TITLES[t]}</button>`,
  ).join("");
  const diagramPanel = (kind: "architecture" | "er" | "sequence") => `
    <section id="aw-panel-${kind}" class="aw-panel aw-diagram-panel" role="tabpanel" aria-labelledby="aw-tab-${kind}" data-kind="${kind}"${kind === active ? "" : " hidden"}>
      <div class="aw-panel-head"><span class="aw-title" id="aw-title-${kind}"></span></div>
      <ul class="aw-notes" id="aw-notes-${kind}" hidden></ul>
      <div class="aw-viewport" id="aw-viewport-${kind}" tabindex="0" aria-label="${TAB_TITLES[kind]} diagram: drag to pan, wheel to zoom, click a node to reveal its declaration">
        <div class="aw-canvas" id="aw-canvas-${kind}"></div>
        <div class="aw-empty" id="aw-empty-${kind}" hidden></div>
      </div>
    </section>`;
  const codePanel = (kind: "openapi" | "sql", label: string) => `
    <section id="aw-panel-${kind}" class="aw-panel aw-code-panel" role="tabpanel" aria-labelledby="aw-tab-${kind}" data-kind="${kind}"${kind === active ? "" : " hidden"}>
      <div class="aw-panel-head">
        <span class="aw-title" id="aw-title-${kind}"></span>
        <button type="button" class="aw-button" id="aw-generate-${kind}" data-target="${kind}" title="Write this ${label} into the output folder (shows a diff before replacing an edited file)">Generate ${label}…</button>
      </div>
      <ul class="aw-notes" id="aw-notes-${kind}" hidden></ul>
      <pre class="aw-code" id="aw-code-${kind}" tabindex="0"><code></code></pre>
      <div class="aw-empty" id="aw-empty-${kind}" hidden></div>
    </section>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Archwright Preview</title>
<style>${STYLE}</style>
</head>
<body>
<div id="aw-root" data-state="loading">
  <header id="aw-toolbar">
    <div id="aw-tabs" role="tablist" aria-label="Preview">${tabs}</div>
    <div id="aw-controls">
      <span id="aw-scope-label" title="What the preview shows: it follows the cursor"></span>
      <label class="aw-toggle" title="Show the whole system instead of the service under the cursor"><input type="checkbox" id="aw-scope-system"> Whole system</label>
      <span class="aw-zoom" id="aw-zoom-controls">
        <button type="button" class="aw-icon" id="aw-zoom-out" title="Zoom out (-)" aria-label="Zoom out">&#x2212;</button>
        <button type="button" class="aw-icon aw-zoom-level" id="aw-zoom-reset" title="Actual size (0)" aria-label="Actual size">100%</button>
        <button type="button" class="aw-icon" id="aw-zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
        <button type="button" class="aw-icon" id="aw-zoom-fit" title="Fit to the panel (f)" aria-label="Fit">Fit</button>
        <button type="button" class="aw-icon" id="aw-export" title="Export this diagram as SVG" aria-label="Export SVG">SVG</button>
      </span>
    </div>
  </header>
  <div id="aw-banner" role="status" aria-live="polite" hidden><span id="aw-banner-text"></span></div>
  <main id="aw-main">${diagramPanel("architecture")}${diagramPanel("er")}${diagramPanel("sequence")}${codePanel("openapi", "OpenAPI")}${codePanel("sql", "SQL")}
  </main>
  <footer id="aw-footer"><span id="aw-document"></span><span id="aw-problems"></span></footer>
  <div id="aw-status" hidden data-state="loading" data-renders="0" data-csp-violations="0" data-seq="-1">state:loading renders:0 csp-violations:0</div>
</div>
<script nonce="${escapeHtml(o.nonce)}" src="${escapeHtml(o.scriptUri)}"></script>
<script nonce="${escapeHtml(o.nonce)}" src="${escapeHtml(o.mermaidUri)}"></script>
</body>
</html>
`;
}

const STYLE = `
:root { color-scheme: light dark; }
html, body { height: 100%; margin: 0; padding: 0; overflow: hidden; }
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); }
#aw-root { display: flex; flex-direction: column; height: 100vh; }
#aw-toolbar { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 4px 12px; padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
#aw-tabs { display: flex; gap: 2px; }
.aw-tab { background: none; color: var(--vscode-foreground); border: none; border-bottom: 2px solid transparent; padding: 4px 8px; cursor: pointer; font: inherit; opacity: 0.75; }
.aw-tab:hover { opacity: 1; }
.aw-tab[aria-selected="true"] { opacity: 1; border-bottom-color: var(--vscode-panelTitle-activeBorder, var(--vscode-focusBorder)); }
.aw-tab:focus-visible, .aw-icon:focus-visible, .aw-button:focus-visible, .aw-viewport:focus-visible, .aw-code:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
#aw-controls { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
#aw-scope-label { opacity: 0.8; }
.aw-toggle { display: inline-flex; align-items: center; gap: 4px; cursor: pointer; }
.aw-zoom { display: inline-flex; gap: 2px; }
.aw-icon, .aw-button { font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 1px 7px; cursor: pointer; min-width: 24px; }
.aw-icon:hover, .aw-button:hover { background: var(--vscode-button-secondaryHoverBackground); }
.aw-zoom-level { min-width: 48px; }
body.aw-code-tab .aw-zoom { visibility: hidden; }
#aw-banner { padding: 3px 8px; font-size: 0.95em; background: var(--vscode-inputValidation-warningBackground); border-bottom: 1px solid var(--vscode-inputValidation-warningBorder); color: var(--vscode-foreground); }
#aw-banner.aw-error { background: var(--vscode-inputValidation-errorBackground); border-bottom-color: var(--vscode-inputValidation-errorBorder); }
#aw-main { flex: 1; min-height: 0; position: relative; }
.aw-panel { position: absolute; inset: 0; display: flex; flex-direction: column; }
.aw-panel[hidden] { display: none; }
.aw-panel-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 4px 8px; min-height: 22px; }
.aw-title { font-weight: 600; }
.aw-notes { margin: 0; padding: 2px 8px 4px 24px; font-size: 0.92em; opacity: 0.85; }
.aw-notes[hidden] { display: none; }
.aw-viewport { position: relative; flex: 1; min-height: 0; overflow: hidden; cursor: grab; touch-action: none; user-select: none; }
.aw-viewport.aw-dragging { cursor: grabbing; }
body.aw-forced-light .aw-viewport { background: #ffffff; }
body.aw-forced-dark .aw-viewport { background: #1e1e1e; }
.aw-canvas { position: absolute; left: 0; top: 0; transform-origin: 0 0; }
.aw-canvas > svg { display: block; max-width: none !important; }
.aw-canvas .aw-node { cursor: pointer; }
.aw-canvas .aw-node:hover { filter: brightness(0.93) drop-shadow(0 0 2px var(--vscode-focusBorder)); }
.aw-mark { position: absolute; pointer-events: none; border: 2px solid var(--vscode-focusBorder, #007fd4); border-radius: 6px; box-shadow: 0 0 0 3px color-mix(in srgb, var(--vscode-focusBorder, #007fd4) 30%, transparent); }
.aw-empty { padding: 16px; opacity: 0.8; }
.aw-empty[hidden] { display: none; }
.aw-code { flex: 1; min-height: 0; margin: 0; padding: 8px 12px; overflow: auto; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); line-height: 1.45; background: var(--vscode-textCodeBlock-background, transparent); white-space: pre; tab-size: 2; }
.aw-code[hidden] { display: none; }
.tok-comment { color: var(--vscode-debugTokenExpression-name, #6a9955); opacity: 0.8; font-style: italic; }
body.vscode-light .tok-comment, body.vscode-high-contrast-light .tok-comment { color: #008000; }
.tok-key { color: var(--vscode-symbolIcon-propertyForeground, #9cdcfe); }
body.vscode-light .tok-key, body.vscode-high-contrast-light .tok-key { color: #0451a5; }
.tok-string { color: var(--vscode-debugTokenExpression-string, #ce9178); }
body.vscode-light .tok-string, body.vscode-high-contrast-light .tok-string { color: #a31515; }
.tok-number, .tok-literal { color: var(--vscode-debugTokenExpression-number, #b5cea8); }
body.vscode-light .tok-number, body.vscode-light .tok-literal { color: #098658; }
.tok-keyword { color: var(--vscode-symbolIcon-keywordForeground, #569cd6); font-weight: 600; }
body.vscode-light .tok-keyword { color: #0000ff; }
.tok-ident { color: var(--vscode-symbolIcon-variableForeground, #4fc1ff); }
body.vscode-light .tok-ident { color: #001080; }
#aw-footer { display: flex; justify-content: space-between; gap: 8px; padding: 2px 8px; font-size: 0.9em; opacity: 0.75; border-top: 1px solid var(--vscode-panel-border, transparent); }
`;
