// The layering invariants, enforced: core/ knows nothing of vscode, LSP or the
// file system; server/ knows no vscode API; cli/ knows no LSP; only client/ knows vscode.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { describe, expect, it } from "vitest";

const repo = resolve(__dirname, "..");

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(path, out);
    else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) out.push(path);
  }
  return out;
}

function importsOf(path: string): string[] {
  const text = readFileSync(path, "utf8");
  const out: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|(?:^|\n)\s*import\s+["']([^"']+)["']|\brequire\(\s*["']([^"']+)["']\s*\)|\bimport\(\s*["']([^"']+)["']\s*\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  return out;
}

const NODE_BUILTINS = /^(node:|fs$|fs\/|path$|os$|child_process$|net$|http$|https$|url$|crypto$|worker_threads$|stream$|process$)/;

function layerOf(path: string): string {
  return relative(repo, path).split("/")[0]!;
}

const rules: Record<string, { forbidden: (spec: string, target?: string) => string | undefined }> = {
  protocol: {
    forbidden: (spec, target) => {
      if (/^vscode/.test(spec)) return "protocol holds plain types: no vscode or LSP packages";
      if (NODE_BUILTINS.test(spec)) return "protocol holds plain types: no Node built-ins";
      if (target && !["core", "protocol"].includes(layerOf(target))) return "protocol may only refer to core types";
      return undefined;
    },
  },
  core: {
    forbidden: (spec, target) => {
      if (/^vscode/.test(spec)) return "core must not import vscode or LSP packages";
      if (NODE_BUILTINS.test(spec)) return "core must not do I/O: no Node built-ins";
      if (target && layerOf(target) !== "core") return "core must not import from other layers";
      return undefined;
    },
  },
  server: {
    forbidden: (spec, target) => {
      if (spec === "vscode" || spec.startsWith("vscode-languageclient")) return "server must not import the vscode API or the client";
      if (target && ["client", "cli", "webview"].includes(layerOf(target))) return "server must not import client, webview or cli code";
      return undefined;
    },
  },
  cli: {
    forbidden: (spec, target) => {
      if (/^vscode/.test(spec)) return "cli must not import vscode or LSP packages";
      if (target && ["client", "server"].includes(layerOf(target))) return "cli must not import client or server code";
      return undefined;
    },
  },
  client: {
    forbidden: (spec, target) => {
      if (spec.startsWith("vscode-languageserver") && spec !== "vscode-languageserver-protocol") return "client must not embed the server";
      if (target && ["server", "cli"].includes(layerOf(target))) return "client must not import server or cli code";
      return undefined;
    },
  },
  webview: {
    forbidden: (spec, target) => {
      if (/^vscode/.test(spec)) return "the webview runs in a browser: no vscode or LSP packages";
      if (NODE_BUILTINS.test(spec)) return "the webview runs in a browser: no Node built-ins";
      if (target && !["webview", "protocol"].includes(layerOf(target))) return "the webview talks to the extension through protocol/ only";
      return undefined;
    },
  },
};

describe("layer boundaries", () => {
  for (const layer of Object.keys(rules)) {
    it(`${layer}/ imports only what its layer may know`, () => {
      const violations: string[] = [];
      let dir: string;
      try {
        dir = join(repo, layer, "src");
        readdirSync(dir);
      } catch {
        return;
      }
      for (const file of sourceFiles(dir)) {
        for (const spec of importsOf(file)) {
          const target = spec.startsWith(".") ? resolve(dirname(file), spec) : undefined;
          const why = rules[layer]!.forbidden(spec, target);
          if (why) violations.push(`${relative(repo, file)} imports "${spec}": ${why}`);
        }
      }
      expect(violations).toEqual([]);
    });
  }

  it("the checker itself catches a forbidden import", () => {
    expect(rules["core"]!.forbidden("vscode-languageserver/node")).toBeDefined();
    expect(rules["core"]!.forbidden("node:fs")).toBeDefined();
    expect(rules["core"]!.forbidden("../../server/src/x", join(repo, "server/src/x"))).toBeDefined();
    expect(rules["core"]!.forbidden("yaml")).toBeUndefined();
  });
});
