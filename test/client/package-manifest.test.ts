// The extension manifest: every command the client registers is contributed
// with its title, settings have defaults and descriptions, the preview can
// activate the extension, and the .vsix allowlist names only what ships.

import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS, PALETTE_COMMANDS, PREVIEW_VIEW_TYPE } from "../../client/src/commands";

const ROOT = resolve(__dirname, "../..");
const pkg = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8"));
const contributes = pkg.contributes;

interface Command {
  command: string;
  title: string;
  category?: string;
}
interface MenuItem {
  command: string;
  when?: string;
  group?: string;
}

describe("commands", () => {
  const commands = contributes.commands as Command[];
  const byId = new Map(commands.map((c) => [c.command, c]));

  it("contributes every command with the issue's titles", () => {
    const titles: Record<string, string> = {
      [COMMANDS.openPreview]: "Open Preview to the Side",
      [COMMANDS.generateOpenApi]: "Generate OpenAPI",
      [COMMANDS.generateSql]: "Generate SQL",
      [COMMANDS.generateMermaid]: "Generate Mermaid",
      [COMMANDS.exportSvg]: "Export Diagram as SVG",
      [COMMANDS.showRuleDocs]: "Show Rule Documentation",
      [COMMANDS.restartServer]: "Restart Language Server",
    };
    for (const [id, title] of Object.entries(titles)) {
      expect(byId.get(id)?.title, id).toBe(title);
      expect(byId.get(id)?.category, id).toBe("Archwright");
    }
    for (const id of Object.values(COMMANDS)) expect(byId.has(id), id).toBe(true);
    expect(commands).toHaveLength(Object.values(COMMANDS).length);
  });

  it("hides only the testing command from the palette", () => {
    const palette = contributes.menus.commandPalette as MenuItem[];
    expect(palette.find((m) => m.command === COMMANDS.testingState)?.when).toBe("false");
    for (const id of PALETTE_COMMANDS) expect(palette.find((m) => m.command === id)?.when, id).not.toBe("false");
  });

  it("puts the preview in the editor title of .arch files", () => {
    const title = contributes.menus["editor/title"] as MenuItem[];
    expect(title).toContainEqual({ command: COMMANDS.openPreview, when: "editorLangId == arch", group: "navigation" });
  });

  it("matches the commands the server's code lenses and code actions use", () => {
    const core = ["core/src/ide/lenses.ts", "core/src/ide/code-actions.ts"].map((f) => readFileSync(resolve(ROOT, f), "utf8")).join("\n");
    const used = [...core.matchAll(/"(archwright\.[A-Za-z.]+)"/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect(byId.has(id), id).toBe(true);
  });
});

describe("activation", () => {
  it("activates on the language and on a restored preview", () => {
    expect(pkg.activationEvents).toContain("onLanguage:arch");
    expect(pkg.activationEvents).toContain(`onWebviewPanel:${PREVIEW_VIEW_TYPE}`);
    expect(pkg.main).toBe("./dist/client.js");
  });
});

describe("settings", () => {
  const props = contributes.configuration.properties as Record<string, { default?: unknown; description?: string; markdownDescription?: string; enum?: string[] }>;

  it("has every setting with a default and a description", () => {
    for (const key of ["archwright.rules", "archwright.output.folder", "archwright.preview.theme", "archwright.preview.scope", "archwright.trace.server"]) {
      expect(props[key], key).toBeDefined();
      expect(props[key]!.default, key).toBeDefined();
      expect(props[key]!.description ?? props[key]!.markdownDescription, key).toBeTruthy();
    }
    expect(props["archwright.output.folder"]!.default).toBe("generated");
    expect(props["archwright.preview.theme"]!.enum).toEqual(["auto", "light", "dark"]);
    expect(props["archwright.preview.scope"]!.enum).toEqual(["auto", "system"]);
  });
});

describe("packaging", () => {
  it("packages offline with vsce and prepublishes a production build", () => {
    expect(pkg.scripts.package).toMatch(/^vsce package /);
    expect(pkg.scripts["vscode:prepublish"]).toBe("node esbuild.mjs --production");
    expect(pkg.devDependencies["@vscode/vsce"]).toMatch(/^3\./);
  });

  it("ships only the allowlisted files", () => {
    const lines = readFileSync(resolve(ROOT, ".vscodeignore"), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#"));
    expect(lines).toEqual([
      "**",
      "!dist/client.js",
      "!dist/server.js",
      "!dist/webview.js",
      "!dist/mermaid.min.js",
      "!dist/libpg-query.wasm",
      "!syntaxes/**",
      "!snippets/**",
      "!language-configuration.json",
      "!media/icon.png",
      "!package.json",
      "!README.md",
      "!CHANGELOG.md",
      "!LICENSE",
      "!schemas/**",
    ]);
  });

  it("has its icon, license and changelog", () => {
    expect(pkg.icon).toBe("media/icon.png");
    const png = readFileSync(resolve(ROOT, pkg.icon));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(128);
    expect(png.readUInt32BE(20)).toBe(128);
    expect(readFileSync(resolve(ROOT, "LICENSE"), "utf8")).toContain("Archwright contributors");
    expect(existsSync(resolve(ROOT, "CHANGELOG.md"))).toBe(true);
  });
});
