// API-level tests that run INSIDE code-server's (Node) extension host, loaded as
// `extensionTestsPath` by run.mjs, against the packaged extension loaded as
// `extensionDevelopmentPath`. They use the real `vscode` API for breadth; the UI
// steps in run.mjs check what the user sees.
//
// No test framework: a small runner. A web workbench hands back no exit code, so
// the results go to a JSON file (ARCHWRIGHT_E2E_RESULT, set on code-server's
// environment by run.mjs) and to the console.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const assert = require("assert");
const vscode = require("vscode");

const RESULT = process.env.ARCHWRIGHT_E2E_RESULT || path.join(os.tmpdir(), "archwright-e2e-ext-tests.json");
const EXTENSION_ID = "archwright.archwright";
const COMMANDS = [
  "archwright.openPreview",
  "archwright.generateOpenApi",
  "archwright.generateSql",
  "archwright.generateMermaid",
  "archwright.exportSvg",
  "archwright.showRuleDocs",
  "archwright.restartServer",
  "archwright.importOpenApi",
  "archwright.importSql",
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(what, fn, ms = 30_000) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      if (e && e.fatal) throw e;
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${last.message}` : ""}`);
    await sleep(100);
  }
}

const workspace = () => {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!folder) throw new Error("no workspace folder open");
  return folder.uri;
};
const fileUri = (name) => vscode.Uri.joinPath(workspace(), name);
const codeOf = (d) => (d.code && typeof d.code === "object" ? String(d.code.value) : String(d.code));
const SEVERITY = ["error", "warning", "info", "hint"];

/** `// expect: a/b, c/d` markers of antipatterns.arch: line (0-based) → rule ids. */
function expectations(text) {
  const out = new Map();
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /\/\/\s*expect:\s*([a-z]+\/[a-z0-9-]+(?:\s*,\s*[a-z]+\/[a-z0-9-]+)*)\s*$/.exec(line);
    if (m) out.set(i, m[1].split(",").map((s) => s.trim()).filter(Boolean));
  });
  return out;
}

async function open(name) {
  const doc = await vscode.workspace.openTextDocument(fileUri(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Diagnostics of a document once they stop changing (the server publishes after analysis). */
async function settledDiagnostics(uri, ms = 30_000) {
  await waitFor(`diagnostics for ${path.basename(uri.path)}`, () => vscode.languages.getDiagnostics(uri).length > 0, ms);
  let last = -1;
  await waitFor("diagnostics to settle", async () => {
    const n = vscode.languages.getDiagnostics(uri).length;
    const same = n === last;
    last = n;
    if (!same) await sleep(300);
    return same;
  }, ms);
  return vscode.languages.getDiagnostics(uri);
}

async function revert(doc) {
  if (!doc.isDirty) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand("workbench.action.files.revert");
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test("the extension activates when an .arch file opens", async () => {
  const doc = await open("antipatterns.arch");
  assert.strictEqual(doc.languageId, "arch");
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  await waitFor("the extension to activate", () => ext.isActive, 30_000);
});

test("the contributed commands are registered", async () => {
  const all = new Set(await vscode.commands.getCommands(true));
  const missing = COMMANDS.filter((c) => !all.has(c));
  assert.deepStrictEqual(missing, [], `commands not registered: ${missing.join(", ")}`);
});

test("antipatterns.arch: every `// expect:` rule id is reported on its line, and no other error or warning", async () => {
  const doc = await open("antipatterns.arch");
  const expected = expectations(doc.getText());
  assert.ok(expected.size > 20, "the example has its expect markers");
  // Wait until the last expected id is there (the server may publish in steps).
  const allIds = [...expected.values()].flat();
  let diags = await settledDiagnostics(doc.uri);
  await waitFor("all expected rule ids", () => {
    diags = vscode.languages.getDiagnostics(doc.uri);
    const codes = new Set(diags.map(codeOf));
    return allIds.every((id) => codes.has(id));
  }, 20_000).catch(() => {});
  const problems = [];
  for (const [line, ids] of expected) {
    const here = diags.filter((d) => d.range.start.line === line);
    for (const id of ids) if (!here.some((d) => codeOf(d) === id)) problems.push(`line ${line + 1}: missing ${id}`);
  }
  for (const d of diags) {
    const severe = d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning;
    const listed = expected.get(d.range.start.line) || [];
    if (severe && !listed.includes(codeOf(d))) problems.push(`line ${d.range.start.line + 1}: unexpected ${SEVERITY[d.severity]} ${codeOf(d)}: ${d.message}`);
  }
  assert.deepStrictEqual(problems, [], problems.join("\n"));
  assert.ok(diags.every((d) => d.source && /archwright/i.test(d.source)), "diagnostics come from Archwright");
});

test("shop.arch has no errors or warnings", async () => {
  const doc = await open("shop.arch");
  await sleep(500);
  const severe = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
  assert.deepStrictEqual(severe.map((d) => `${d.range.start.line + 1}: ${codeOf(d)}`), []);
});

test("a preferred quick fix (json → jsonb) is offered and clears its diagnostic", async () => {
  const doc = await open("antipatterns.arch");
  await settledDiagnostics(doc.uri);
  const line = doc.getText().split(/\r?\n/).findIndex((l) => /^\s*attributes\s+json\b/.test(l));
  assert.ok(line >= 0, "antipatterns.arch has the `attributes json` column");
  const col = doc.lineAt(line).text.indexOf("json");
  const range = new vscode.Range(line, col, line, col + 4);
  const diag = vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === "schema/prefer-jsonb");
  assert.ok(diag, "schema/prefer-jsonb is reported");
  const actions = await vscode.commands.executeCommand("vscode.executeCodeActionProvider", doc.uri, range, vscode.CodeActionKind.QuickFix.value);
  assert.ok(Array.isArray(actions) && actions.length > 0, "code actions returned");
  const preferred = actions.find((a) => a.isPreferred && /jsonb/.test(a.title));
  assert.ok(preferred, `a preferred jsonb fix; got: ${actions.map((a) => `${a.title}${a.isPreferred ? " (preferred)" : ""}`).join(" | ")}`);
  assert.ok(preferred.edit, "the fix carries an edit");
  try {
    assert.ok(await vscode.workspace.applyEdit(preferred.edit), "edit applied");
    assert.match(doc.lineAt(line).text, /^\s*attributes\s+jsonb\b/);
    await waitFor("prefer-jsonb to clear", () => !vscode.languages.getDiagnostics(doc.uri).some((d) => codeOf(d) === "schema/prefer-jsonb"), 20_000);
  } finally {
    await revert(doc);
  }
});

test("completion inside `@ref(` offers Entity.field targets", async () => {
  const doc = await open("completion.arch");
  const line = doc.getText().split(/\r?\n/).findIndex((l) => /^\s*vessel_id\s+uuid\s*$/.test(l));
  assert.ok(line >= 0, "completion.arch has the `vessel_id uuid` line");
  const end = doc.lineAt(line).range.end;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, end, " @ref(");
  try {
    assert.ok(await vscode.workspace.applyEdit(edit));
    const position = new vscode.Position(line, end.character + " @ref(".length);
    const labels = await waitFor("Vessel.id among the completions", async () => {
      const list = await vscode.commands.executeCommand("vscode.executeCompletionItemProvider", doc.uri, position);
      const ls = (list ? list.items : []).map((i) => (typeof i.label === "string" ? i.label : i.label.label));
      return ls.includes("Vessel.id") ? ls : null;
    }, 15_000);
    assert.ok(labels.includes("Vessel.id"));
  } finally {
    await revert(doc);
  }
});

test("hover over a service shows its documentation", async () => {
  const doc = await open("completion.arch");
  const line = doc.getText().split(/\r?\n/).findIndex((l) => /service Berths/.test(l));
  const col = doc.lineAt(line).text.indexOf("Berths") + 2;
  const hovers = await waitFor("a hover", async () => {
    const h = await vscode.commands.executeCommand("vscode.executeHoverProvider", doc.uri, new vscode.Position(line, col));
    return h && h.length ? h : null;
  }, 15_000);
  const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === "string" ? c : c.value)).join("\n");
  assert.match(text, /Berths/);
});

const TESTING_STATE = "archwright.testing.state";
const previewState = async () => ((await vscode.commands.executeCommand(TESTING_STATE)) || {}).preview || {};
/** Waits until the preview has rendered an update newer than `afterSeq` (and `pred` holds). */
async function rendered(what, afterSeq = -1, pred = () => true, ms = 30_000) {
  const start = Date.now();
  return waitFor(what, async () => {
    const p = await previewState();
    if (!p.open && Date.now() - start > 5_000) throw Object.assign(new Error("the preview panel is not open"), { fatal: true });
    return p.open && p.ready && p.lastRender && p.lastRender.seq > afterSeq && p.lastRender.seq === p.seq && pred(p) ? p : null;
  }, ms);
}
/**
 * Elements and attributes that could run or load something, from the markup of an SVG. Text
 * (where the hostile titles legitimately appear, escaped) is not looked at: only tags and their
 * attributes, so `&lt;img onerror=…&gt;` shown as a label is fine, a real `<img onerror>` is not.
 */
function activeContent(svg) {
  const found = [];
  for (const tag of svg.match(/<[A-Za-z][^>]*>/g) || []) {
    const name = /^<([A-Za-z][\w:.-]*)/.exec(tag)[1].toLowerCase();
    if (["script", "iframe", "object", "embed", "img", "image", "audio", "video"].includes(name)) found.push(`<${name}>`);
    for (const m of tag.matchAll(/\s([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)) {
      const attr = m[1].toLowerCase();
      const value = m[2].replace(/^["']|["']$/g, "");
      if (attr.startsWith("on")) found.push(`${name}[${attr}]`);
      if (/(^|:)(href|src|action|formaction)$/.test(attr) && /^\s*(javascript|data:text\/html|vbscript):?/i.test(value)) found.push(`${name}[${attr}=${value.slice(0, 40)}]`);
    }
  }
  return found;
}

/** The diagram on screen, through the extension's own export (the webview serializes its SVG). */
async function exportedSvg(name) {
  const target = vscode.Uri.joinPath(workspace(), "..", `${name}.svg`);
  const uri = await vscode.commands.executeCommand("archwright.exportSvg", target);
  assert.ok(uri, "archwright.exportSvg returned the file it wrote");
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
}

test("the language server comes back after a crash and after Restart Language Server", async () => {
  const { execSync } = require("child_process");
  const serverPids = () => {
    try {
      // `[s]erver` keeps the pattern from matching pgrep's own shell.
      return execSync("pgrep -f 'archwright.*dist/[s]erver.js'", { encoding: "utf8" }).split(/\s+/).filter(Boolean);
    } catch {
      return [];
    }
  };
  const doc = await open("shop.arch");
  const works = async (label) => {
    // An edit gets fresh diagnostics: a service without probes is reported on its name.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(doc.lineCount, 0), `service ${label} {}\n`);
    await vscode.workspace.applyEdit(edit);
    const line = doc.lineCount - 2;
    await waitFor(`diagnostics from the ${label} server`, () => vscode.languages.getDiagnostics(doc.uri).some((d) => d.range.start.line === line && String(d.code && d.code.value ? d.code.value : d.code) === "arch/health-check"), 30_000);
    await revert(doc);
  };
  await waitFor("the server to run", async () => (await vscode.commands.executeCommand("archwright.testing.state")).serverRunning, 30_000);
  const before = serverPids();
  assert.ok(before.length > 0, "the server process is found");
  for (const pid of before) {
    try {
      process.kill(Number(pid), "SIGKILL");
    } catch {
      // already gone
    }
  }
  await waitFor("a new server process", () => serverPids().some((p) => !before.includes(p)), 30_000);
  await waitFor("the client to see it running", async () => (await vscode.commands.executeCommand("archwright.testing.state")).serverRunning, 30_000);
  await works("AfterCrash");
  const crashed = serverPids();
  await vscode.commands.executeCommand("archwright.restartServer");
  await waitFor("a restarted server process", () => serverPids().some((p) => !crashed.includes(p)), 30_000);
  await works("AfterRestart");
});

test("Import SQL Schema… and Import OpenAPI… open the imported model in a new editor", async () => {
  const dir = vscode.Uri.joinPath(workspace(), "..", "imports");
  await vscode.workspace.fs.createDirectory(dir);
  const sql = vscode.Uri.joinPath(dir, "schema.sql");
  await vscode.workspace.fs.writeFile(sql, new TextEncoder().encode("CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12,2) NOT NULL);\n"));
  const fromSql = await vscode.commands.executeCommand("archwright.importSql", sql);
  assert.ok(fromSql, "the command returned the new document");
  assert.strictEqual(fromSql.languageId, "arch");
  assert.ok(fromSql.isUntitled, "nothing is written until the user saves");
  assert.match(fromSql.getText(), /entity Order[s]? \{[\s\S]*total +decimal\(12, 2\)/);
  const yaml = vscode.Uri.joinPath(dir, "api.yaml");
  await vscode.workspace.fs.writeFile(yaml, new TextEncoder().encode(["openapi: 3.1.0", "info: { title: Pets, version: 1.0.0 }", "paths:", "  /pets:", "    get:", "      responses:", "        '200': { description: ok }", ""].join("\n")));
  const fromOpenApi = await vscode.commands.executeCommand("archwright.importOpenApi", yaml);
  assert.ok(fromOpenApi, "the command returned the new document");
  assert.match(fromOpenApi.getText(), /GET +\/pets/);
  for (const doc of [fromSql, fromOpenApi]) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  }
});

test("archwright.openPreview opens the preview webview beside the editor", async () => {
  const doc = await open("antipatterns.arch");
  await vscode.commands.executeCommand("archwright.openPreview");
  const tab = await waitFor("a webview tab", () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && /archwright\.preview/.test(t.input.viewType)), 15_000);
  const editorGroup = vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString()));
  assert.ok(editorGroup, "the model is still open in an editor");
  assert.notStrictEqual(tab.group, editorGroup, "the preview opened in another editor group (to the side)");
});

test("the preview renders a diagram with no CSP violation and no render error", async () => {
  const doc = await open("antipatterns.arch");
  const line = doc.getText().split(/\r?\n/).findIndex((l) => /service Listings \{/.test(l));
  const editor = await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
  editor.selection = new vscode.Selection(line + 1, 4, line + 1, 4);
  const p = await rendered("a render of Listings", -1, (s) => s.service === "Listings");
  assert.ok(p.lastRender.nodes > 0, `nodes in the rendered diagram: ${JSON.stringify(p.lastRender)}`);
  assert.strictEqual(p.cspViolations, 0, `CSP violations: ${p.violations.join(" | ")}`);
  assert.deepStrictEqual(p.renderErrors, []);
  const svg = await exportedSvg("e2e-listings");
  assert.match(svg, /^\s*<svg[\s>]/);
  assert.match(svg, /Listings/);
});

test("a hostile model previews inertly: exported SVG has no script or handlers, no CSP violation", async () => {
  const before = await previewState();
  const doc = await open("hostile.arch");
  const line = doc.getText().split(/\r?\n/).findIndex((l) => /service Trojan/.test(l));
  const editor = await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
  editor.selection = new vscode.Selection(line + 1, 4, line + 1, 4);
  const p = await rendered("a render of the hostile model", before.seq ?? -1, (s) => s.service === "Trojan");
  // Anything smuggled in would run (or be blocked, and counted) right after the render.
  await sleep(1000);
  const after = await previewState();
  assert.strictEqual(after.cspViolations, 0, `CSP violations: ${after.violations.join(" | ")}`);
  assert.deepStrictEqual(after.renderErrors, []);
  assert.ok(p.lastRender.nodes > 0);
  const svg = await exportedSvg("e2e-hostile");
  assert.match(svg, /Trojan/);
  assert.deepStrictEqual(activeContent(svg), [], "active content in the exported SVG");
});

async function run() {
  const results = [];
  const t0 = Date.now();
  for (const t of tests) {
    const start = Date.now();
    try {
      await t.fn();
      results.push({ name: t.name, ok: true, ms: Date.now() - start });
    } catch (e) {
      results.push({ name: t.name, ok: false, ms: Date.now() - start, error: String((e && e.stack) || e) });
    }
    const r = results[results.length - 1];
    console.log(`[archwright-e2e] ${r.ok ? "ok" : "not ok"} - ${r.name} (${r.ms} ms)`);
  }
  const passed = results.filter((r) => r.ok).length;
  const out = { passed, failed: results.length - passed, ms: Date.now() - t0, results };
  fs.mkdirSync(path.dirname(RESULT), { recursive: true });
  fs.writeFileSync(RESULT + ".tmp", JSON.stringify(out, null, 2));
  fs.renameSync(RESULT + ".tmp", RESULT);
}

module.exports = { run };
