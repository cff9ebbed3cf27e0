// The preview's HTML: a strict Content-Security-Policy, nonce'd scripts only,
// and the DOM ids the webview script and the end-to-end tests rely on.

import { describe, expect, it } from "vitest";
import { buildCsp, escapeHtml, isValidNonce, nonceFrom, previewHtml } from "../../client/src/preview-html";
import { TABS } from "../../protocol/src/webview-messages";

const cspSource = "https://*.vscode-cdn.net";
const nonce = nonceFrom(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]));
const html = previewHtml({
  cspSource,
  nonce,
  scriptUri: "https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js",
  mermaidUri: "https://file+.vscode-resource.vscode-cdn.net/ext/dist/mermaid.min.js",
});

describe("CSP", () => {
  it("is exactly the strict policy", () => {
    expect(buildCsp(cspSource, nonce)).toBe(
      `default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource} 'unsafe-inline'; font-src ${cspSource}; script-src 'nonce-${nonce}'`,
    );
  });

  it("never allows eval or inline scripts", () => {
    const csp = buildCsp(cspSource, nonce);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp.split(";").find((d) => d.trim().startsWith("script-src"))).not.toContain("unsafe-inline");
  });

  it("rejects weak nonces and odd sources", () => {
    expect(isValidNonce(nonce)).toBe(true);
    expect(() => buildCsp(cspSource, "abc")).toThrow();
    expect(() => buildCsp(cspSource, "aaaaaaaaaaaaaaaaaaaa' 'unsafe-inline")).toThrow();
    expect(() => buildCsp("https://x; script-src *", nonce)).toThrow();
    expect(() => buildCsp("'self' 'unsafe-eval'", nonce)).toThrow();
    expect(() => buildCsp("", nonce)).toThrow();
  });

  it("accepts the cspSource VS Code really passes (a keyword and a host)", () => {
    // What code-server 4.139 / VS Code 1.139 give as webview.cspSource.
    expect(buildCsp("'self' https://*.vscode-cdn.net", nonce)).toContain("style-src 'self' https://*.vscode-cdn.net 'unsafe-inline'");
  });

  it("is in the document's meta tag", () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(buildCsp(cspSource, nonce))}">`);
  });
});

describe("scripts", () => {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];

  it("loads the webview script, then Mermaid, both with the nonce and no inline code", () => {
    expect(scripts).toHaveLength(2);
    expect(scripts[0]![1]).toContain(`nonce="${nonce}"`);
    expect(scripts[0]![1]).toContain('src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js"');
    expect(scripts[1]![1]).toContain('src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/mermaid.min.js"');
    for (const s of scripts) expect(s[2]!.trim()).toBe("");
  });

  it("has no inline event handlers or javascript: URLs", () => {
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it("escapes what it puts in attributes", () => {
    const evil = previewHtml({ cspSource, nonce, scriptUri: 'x"><script>alert(1)</script>', mermaidUri: "y" });
    expect(evil).not.toContain("<script>alert(1)");
    expect(evil).toContain("&quot;&gt;&lt;script&gt;");
  });

  it("makes a fresh base64 nonce from random bytes", () => {
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });
});

describe("DOM contract", () => {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

  it("has unique ids", () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has the ids the webview script and the tests use", () => {
    const expected = [
      "aw-root",
      "aw-tabs",
      "aw-scope-label",
      "aw-scope-system",
      "aw-zoom-in",
      "aw-zoom-out",
      "aw-zoom-reset",
      "aw-zoom-fit",
      "aw-export",
      "aw-banner",
      "aw-banner-text",
      "aw-status",
      "aw-document",
      "aw-problems",
      ...TABS.flatMap((t) => [`aw-tab-${t}`, `aw-panel-${t}`, `aw-title-${t}`, `aw-notes-${t}`, `aw-empty-${t}`]),
      ...["architecture", "er", "sequence"].flatMap((k) => [`aw-viewport-${k}`, `aw-canvas-${k}`]),
      ...["openapi", "sql"].flatMap((k) => [`aw-code-${k}`, `aw-generate-${k}`]),
    ];
    for (const id of expected) expect(ids, id).toContain(id);
  });

  it("shows the requested tab first", () => {
    const er = previewHtml({ cspSource, nonce, scriptUri: "a", mermaidUri: "b", tab: "er" });
    expect(er).toContain('id="aw-tab-er" class="aw-tab" data-tab="er" aria-controls="aw-panel-er" aria-selected="true"');
    expect(er).toMatch(/id="aw-panel-architecture"[^>]* hidden>/);
    expect(er).not.toMatch(/id="aw-panel-er"[^>]* hidden>/);
  });
});
