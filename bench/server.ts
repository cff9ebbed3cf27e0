// Benchmarks the bundled language server (dist/server.js) over stdio on a
// generated ~5,000-line workspace: start-up to the first diagnostics of every
// file, didChange → publishDiagnostics, completion, hover and definition
// latency, and the server's peak RSS. It also times the analysis itself in
// process (Workspace.set + getModel + check, and the publish conversion) on the
// same edits, to separate it from the server's ~10 ms publish debounce.
//
// Run: npm run bench:server (builds dist/bench-server.js; needs a built dist/server.js).
// Writes bench/server-results.json and prints a table. A benchmark, not a test.
// Env: BENCH_LINES (default 5000: the service count is chosen to make about that many lines),
// BENCH_SERVICES (overrides it), BENCH_PER_FILE (10), BENCH_EDITS (200),
// BENCH_PROFILE=1 (run the server with --cpu-prof, print where its time goes, and
// don't overwrite the results file).

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import { check, Workspace, type Diagnostic } from "../core/src/index";
import { toLspDiagnostic } from "../server/src/convert";
import { generateWorkspace } from "./generate-model";

// ---- helpers ---------------------------------------------------------------

interface Pos {
  line: number;
  character: number;
}
interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

function stats(xs: number[]): Stats {
  if (xs.length === 0) return { n: 0, p50: NaN, p95: NaN, max: NaN, mean: NaN };
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  const r = (x: number) => +x.toFixed(2);
  return { n: s.length, p50: r(at(0.5)), p95: r(at(0.95)), max: r(s[s.length - 1]!), mean: r(s.reduce((a, b) => a + b, 0) / s.length) };
}

function positionAt(text: string, offset: number): Pos {
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  return { line, character: offset - (before.lastIndexOf("\n") + 1) };
}

/** `count` items spread evenly over `xs`. */
function spread<T>(xs: readonly T[], count: number): T[] {
  if (xs.length <= count) return [...xs];
  return Array.from({ length: count }, (_, i) => xs[Math.floor((i * xs.length) / count)]!);
}

function procStatus(pid: number): { vmHWMKb: number; vmRSSKb: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? NaN);
    return { vmHWMKb: kb("VmHWM"), vmRSSKb: kb("VmRSS") };
  } catch {
    return undefined;
  }
}

const mb = (kb: number | undefined) => (kb === undefined ? NaN : +(kb / 1024).toFixed(1));

// ---- the workspace -----------------------------------------------------------

const perFile = Number(process.env["BENCH_PER_FILE"] ?? 10);
const targetLines = Number(process.env["BENCH_LINES"] ?? 5000);
const editCount = Number(process.env["BENCH_EDITS"] ?? 200);
const profile = process.env["BENCH_PROFILE"] === "1";
/** BENCH_SERVICES, or the number of services that makes about BENCH_LINES (5,000) lines with this generator. */
const services = process.env["BENCH_SERVICES"] ? Number(process.env["BENCH_SERVICES"]) : Math.max(1, Math.round((targetLines * 60) / generateWorkspace(60, perFile).lines));
const generated = generateWorkspace(services, perFile);
const dir = mkdtempSync(join(tmpdir(), "archwright-bench-server-"));
const uris: string[] = [];
for (const f of generated.files) {
  writeFileSync(join(dir, f.name), f.text);
  uris.push(pathToFileURL(join(dir, f.name)).href);
}
// Edit a file in the middle: it calls services of earlier files and is called from later ones.
const editIndex = Math.floor(generated.files.length / 2);
const editUri = uris[editIndex]!;
const editText = generated.files[editIndex]!.text;
const editLines = editText.split("\n");

// ---- in process: what the analysis costs, and which edits change diagnostics ------

/** The server's publish step for a diagnostics list: LSP conversion, grouping by file, one JSON.stringify per file. */
function publishKeys(ws: Workspace, diagnostics: readonly Diagnostic[]): Map<string, string> {
  const m = ws.getModel();
  const byUri = new Map<string, unknown[]>();
  for (const uri of ws.uris()) byUri.set(uri, []);
  for (const d of diagnostics) {
    const lsp = toLspDiagnostic(d, m);
    if (lsp) byUri.get(d.uri)?.push(lsp);
  }
  const keys = new Map<string, string>();
  for (const [uri, list] of byUri) keys.set(uri, JSON.stringify(list));
  return keys;
}

const config = { config: { rules: {} } };
const ws = new Workspace();
const tFull0 = performance.now();
for (let i = 0; i < uris.length; i++) ws.set(uris[i]!, generated.files[i]!.text);
const tFull1 = performance.now();
const baseDiagnostics = check(ws.getModel(), config);
const tFull2 = performance.now();
const baseKeys = publishKeys(ws, baseDiagnostics);
const fullCheckMs = { parseAll: +(tFull1 - tFull0).toFixed(2), analyzeAndCheck: +(tFull2 - tFull1).toFixed(2) };

/** References to entities, types and enums (in responses, bodies, field types, `@ref` targets), not their declarations. */
const REFERENCE = /(?<!(?:entity|type|event|enum) )\b[A-Z][a-z]+\d+(?:R\d+|Status)\b|\bNew[A-Z][a-z]+\d+\b/g;

/**
 * Candidate keystrokes, spread over the file: an "x" typed right after the type
 * of a field or at the end of a reference to a declared type (either makes an
 * unknown name).
 */
const candidates: { offset: number; pos: Pos }[] = [];
{
  const offsets = new Set<number>();
  const fieldLine = /^( {6})([a-z_]+)( +)([A-Za-z_][A-Za-z0-9_]*)/;
  let offset = 0;
  for (const line of editLines) {
    const m = fieldLine.exec(line);
    if (m) offsets.add(offset + m[1]!.length + m[2]!.length + m[3]!.length + m[4]!.length);
    offset += line.length + 1;
  }
  for (const m of editText.matchAll(REFERENCE)) offsets.add(m.index + m[0].length);
  for (const o of [...offsets].sort((a, b) => a - b)) candidates.push({ offset: o, pos: positionAt(editText, o) });
}
const insertAt = (text: string, offset: number) => text.slice(0, offset) + "x" + text.slice(offset);

// Keep the keystrokes that change this file's published diagnostics (the server publishes only changes),
// and time the analysis of each one and of its revert, in process.
const analysis = { set: [] as number[], model: [] as number[], check: [] as number[], publish: [] as number[], total: [] as number[] };
const edits: { offset: number; pos: Pos }[] = [];
for (const c of spread(candidates, Math.min(candidates.length, editCount * 2))) {
  if (edits.length >= editCount) break;
  let changed = false;
  for (const text of [insertAt(editText, c.offset), editText]) {
    const t0 = performance.now();
    ws.set(editUri, text);
    const t1 = performance.now();
    const model = ws.getModel();
    const t2 = performance.now();
    const diagnostics = check(model, config);
    const t3 = performance.now();
    const keys = publishKeys(ws, diagnostics);
    const t4 = performance.now();
    if (text !== editText) changed = keys.get(editUri) !== baseKeys.get(editUri);
    analysis.set.push(t1 - t0);
    analysis.model.push(t2 - t1);
    analysis.check.push(t3 - t2);
    analysis.publish.push(t4 - t3);
    analysis.total.push(t4 - t0);
  }
  if (changed) edits.push(c);
}
if (edits.length < Math.min(20, editCount)) {
  console.error(`only ${edits.length} of ${candidates.length} candidate keystrokes change the file's diagnostics`);
  process.exit(1);
}

// ---- the LSP client ------------------------------------------------------------

interface Published {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

class BenchClient {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  readonly published: { at: number; uri: string; version?: number; count: number }[] = [];
  private waiters: { test: (p: Published, at: number) => boolean; resolve: (at: number) => void }[] = [];
  stderr = "";
  exited: Promise<void>;

  constructor(nodeArgs: string[]) {
    const server = join(__dirname, "server.js");
    if (!existsSync(server)) throw new Error(`${server} is missing: run npm run build`);
    this.child = spawn(process.execPath, [...nodeArgs, server, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    this.exited = new Promise((resolve) => this.child.on("exit", () => resolve()));
    this.child.stderr!.on("data", (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification("textDocument/publishDiagnostics", (p: Published) => {
      const at = performance.now();
      this.published.push({ at, uri: p.uri, version: p.version, count: p.diagnostics.length });
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(p, at)) return true;
        w.resolve(at);
        return false;
      });
    });
    this.connection.onRequest("workspace/configuration", (p: { items: unknown[] }) => p.items.map(() => null));
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.onRequest("window/workDoneProgress/create", () => null);
    this.connection.onNotification("window/logMessage", () => undefined);
    this.connection.listen();
  }

  /** Resolves with the arrival time of the first publish passing `test` (from now on). */
  nextPublish(test: (p: Published) => boolean, what: string, ms = 20_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.slice(-500)}`)), ms);
      this.waiters.push({ test, resolve: (at) => (clearTimeout(timer), resolve(at)) });
    });
  }

  async timed<T>(method: string, params: object): Promise<{ ms: number; result: T }> {
    const t0 = performance.now();
    const result = (await this.connection.sendRequest(method, params)) as T;
    return { ms: performance.now() - t0, result };
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 3000))]);
      await this.connection.sendNotification("exit");
    } catch {
      // already gone
    }
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, 5000))]);
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

// ---- the run ---------------------------------------------------------------------

async function main(): Promise<void> {
  const loadBefore = loadavg().map((x) => +x.toFixed(2));
  const profileDir = join(dir, "profile");
  if (profile) mkdirSync(profileDir);
  const nodeArgs = profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--cpu-prof-interval=200"] : [];

  // Start-up: spawn → initialize → the first publish for every file of the folder (none is open).
  const tSpawn = performance.now();
  const client = new BenchClient(nodeArgs);
  const pid = client.child.pid!;
  const allPublished = new Set<string>();
  const allFiles = client.nextPublish((p) => (allPublished.add(p.uri), uris.every((u) => allPublished.has(u))), "the first diagnostics of every file", 60_000);
  await client.connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: "bench" }],
    capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true }, synchronization: { dynamicRegistration: false } }, workspace: { configuration: true, workspaceFolders: true } },
  });
  const tInitialized = performance.now();
  await client.connection.sendNotification("initialized", {});
  const tAllFiles = await allFiles;
  const startup = { initializeMs: +(tInitialized - tSpawn).toFixed(1), firstDiagnosticsAllFilesMs: +(tAllFiles - tSpawn).toFixed(1), rssAfterStartupMb: mb(procStatus(pid)?.vmRSSKb) };

  // Open the edited file (its text equals the disk's: no re-analysis, no publish).
  let version = 1;
  await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: editUri, languageId: "arch", version, text: editText } });
  await new Promise((r) => setTimeout(r, 200));

  const change = (range: { start: Pos; end: Pos }, text: string) =>
    client.connection.sendNotification("textDocument/didChange", { textDocument: { uri: editUri, version }, contentChanges: [{ range, text }] });

  // didChange → publishDiagnostics of the edited file with the new version: a keystroke, then its revert.
  const typed: number[] = [];
  const reverted: number[] = [];
  const otherFilesPerEdit: number[] = [];
  for (const e of edits) {
    for (const revert of [false, true]) {
      version++;
      const v = version;
      const wait = client.nextPublish((p) => p.uri === editUri && p.version === v, `the publish of version ${v}`);
      const before = client.published.length;
      const t0 = performance.now();
      await change(revert ? { start: e.pos, end: { line: e.pos.line, character: e.pos.character + 1 } } : { start: e.pos, end: e.pos }, revert ? "" : "x");
      const at = await wait;
      (revert ? reverted : typed).push(at - t0);
      await new Promise((r) => setTimeout(r, 5)); // let publishes of other files of the same round arrive
      otherFilesPerEdit.push(client.published.slice(before).filter((p) => p.uri !== editUri).length);
    }
  }

  // Completion, hover and definition on the settled model.
  const completionPositions: Pos[] = [];
  {
    const lines = spread(
      editLines.map((l, i) => ({ l, i })).filter(({ l }) => l.trim() !== ""),
      editCount,
    );
    lines.forEach(({ l, i }, k) => {
      const ref = l.indexOf("@ref(");
      const indent = l.length - l.trimStart().length;
      const firstEnd = indent + (/^\S+/.exec(l.trimStart())?.[0].length ?? 0);
      const character = ref >= 0 ? ref + 5 : k % 3 === 0 ? l.length : k % 3 === 1 ? firstEnd : Math.min(l.length, indent + 1);
      completionPositions.push({ line: i, character });
    });
  }
  const completion: number[] = [];
  let completionItems = 0;
  let emptyCompletions = 0;
  for (const position of completionPositions) {
    const r = await client.timed<{ items: unknown[] } | null>("textDocument/completion", { textDocument: { uri: editUri }, position });
    completion.push(r.ms);
    const n = r.result?.items.length ?? 0;
    completionItems += n;
    if (n === 0) emptyCompletions++;
  }

  // Hover: the start of the first word of spread lines, and every type reference the definitions use.
  const hoverPositions = spread(
    editLines.map((l, i) => ({ l, i })).filter(({ l }) => /\S/.test(l)),
    editCount,
  ).map(({ l, i }) => ({ line: i, character: l.length - l.trimStart().length + 1 }));
  const hover: number[] = [];
  let hoverHits = 0;
  for (const position of hoverPositions) {
    const r = await client.timed<unknown>("textDocument/hover", { textDocument: { uri: editUri }, position });
    hover.push(r.ms);
    if (r.result) hoverHits++;
  }

  // Definition: references to entities, types and enums (responses, bodies, field types, @ref targets).
  const refOffsets: number[] = [];
  for (const m of editText.matchAll(REFERENCE)) refOffsets.push(m.index + 1);
  const definition: number[] = [];
  let definitionHits = 0;
  for (const offset of spread(refOffsets, editCount)) {
    const r = await client.timed<unknown>("textDocument/definition", { textDocument: { uri: editUri }, position: positionAt(editText, offset) });
    definition.push(r.ms);
    if (r.result) definitionHits++;
  }

  // Completion right after a keystroke: the model is stale, so the request pays for the re-analysis.
  const completionAfterEdit: number[] = [];
  for (const e of spread(edits, Math.min(50, edits.length))) {
    version++;
    const v = version;
    const published = client.nextPublish((p) => p.uri === editUri && p.version === v, `the publish of version ${v}`);
    await change({ start: e.pos, end: e.pos }, "x");
    const r = await client.timed<unknown>("textDocument/completion", { textDocument: { uri: editUri }, position: { line: e.pos.line, character: e.pos.character + 1 } });
    completionAfterEdit.push(r.ms);
    await published;
    version++;
    const v2 = version;
    const back = client.nextPublish((p) => p.uri === editUri && p.version === v2, `the publish of version ${v2}`);
    await change({ start: e.pos, end: { line: e.pos.line, character: e.pos.character + 1 } }, "");
    await back;
  }

  const status = procStatus(pid);
  await client.stop();

  const results = {
    machine: { cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length, node: process.version, platform: `${process.platform} ${process.arch}`, loadavg1mBefore: loadBefore[0], loadavg1mAfter: +loadavg()[0]!.toFixed(2) },
    date: new Date().toISOString(),
    workspace: { lines: generated.lines, files: generated.files.length, services, editedFile: generated.files[editIndex]!.name, editedFileLines: editLines.length, diagnostics: baseDiagnostics.length },
    notes: [
      "All times in ms, measured by the client from sending the notification/request to receiving the message.",
      "didChange figures include the server's 10 ms per-keystroke debounce (schedule() in server/src/server.ts); 'minus debounce' subtracts 10 ms.",
      "Each keystroke types 'x' after a field's type or at the end of a type reference (an unknown name, so the file's diagnostics change: the server publishes only changed lists); the revert deletes it.",
      "inProcess* time the same work in this process: Workspace.set (parse the file), getModel (analyze all files), check (lint all), publish (LSP conversion + JSON.stringify per file).",
    ],
    startup,
    didChangeToPublish: {
      typed: stats(typed),
      reverted: stats(reverted),
      all: stats([...typed, ...reverted]),
      allMinusDebounce: stats([...typed, ...reverted].map((x) => x - 10)),
      otherFilesPublishedPerEdit: stats(otherFilesPerEdit),
    },
    inProcessAnalysisPerEdit: { total: stats(analysis.total), set: stats(analysis.set), getModel: stats(analysis.model), check: stats(analysis.check), publishConversion: stats(analysis.publish) },
    inProcessFullCheckMs: fullCheckMs,
    completion: { ...stats(completion), meanItems: +(completionItems / Math.max(1, completion.length)).toFixed(1), empty: emptyCompletions },
    completionRightAfterKeystroke: stats(completionAfterEdit),
    hover: { ...stats(hover), nonEmpty: hoverHits },
    definition: { ...stats(definition), found: definitionHits },
    memory: { peakRssMb: mb(status?.vmHWMKb), rssAtEndMb: mb(status?.vmRSSKb) },
  };

  const row = (name: string, s: Stats, extra = "") =>
    `${name.padEnd(44)} ${String(s.n).padStart(4)} ${s.p50.toFixed(1).padStart(8)} ${s.p95.toFixed(1).padStart(8)} ${s.max.toFixed(1).padStart(8)}  ${extra}`;
  const lines = [
    `Archwright server benchmark: ${results.workspace.lines} lines in ${results.workspace.files} files (${services} services), ${results.workspace.diagnostics} diagnostics`,
    `${results.machine.cpu}, ${results.machine.cores} cores, node ${results.machine.node}; load average (1 min) ${results.machine.loadavg1mBefore} before, ${results.machine.loadavg1mAfter} after`,
    "",
    `start-up: initialize answered after ${startup.initializeMs} ms; diagnostics of all ${uris.length} files after ${startup.firstDiagnosticsAllFilesMs} ms`,
    "",
    `${"ms".padEnd(44)} ${"n".padStart(4)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"max".padStart(8)}`,
    row("didChange → publish, keystroke", results.didChangeToPublish.typed),
    row("didChange → publish, revert", results.didChangeToPublish.reverted),
    row("didChange → publish, all", results.didChangeToPublish.all, "(includes the 10 ms debounce)"),
    row("  the same minus the 10 ms debounce", results.didChangeToPublish.allMinusDebounce),
    row("  in process: set+getModel+check+publish", results.inProcessAnalysisPerEdit.total),
    row("    Workspace.set (parse one file)", results.inProcessAnalysisPerEdit.set),
    row("    getModel (analyze every file)", results.inProcessAnalysisPerEdit.getModel),
    row("    check (lint every file)", results.inProcessAnalysisPerEdit.check),
    row("    publish conversion + JSON per file", results.inProcessAnalysisPerEdit.publishConversion),
    row("completion", results.completion, `mean ${results.completion.meanItems} items, ${emptyCompletions} empty`),
    row("completion right after a keystroke", results.completionRightAfterKeystroke, "(pays the re-analysis)"),
    row("hover", results.hover, `${hoverHits} non-empty`),
    row("definition", results.definition, `${definitionHits} found`),
    "",
    `peak RSS (VmHWM) ${results.memory.peakRssMb} MB; RSS after start-up ${startup.rssAfterStartupMb} MB, at the end ${results.memory.rssAtEndMb} MB`,
    `files re-published per edit besides the edited one: p50 ${results.didChangeToPublish.otherFilesPublishedPerEdit.p50}, max ${results.didChangeToPublish.otherFilesPublishedPerEdit.max}`,
  ];
  console.log(lines.join("\n"));

  if (profile) {
    const file = readdirSync(profileDir).find((f) => f.endsWith(".cpuprofile"));
    if (file) summarizeProfile(JSON.parse(readFileSync(join(profileDir, file), "utf8")) as CpuProfile);
    else console.log("no CPU profile was written (did the server exit normally?)");
    console.log("(profile run: bench/server-results.json left unchanged)");
  } else {
    writeFileSync(join(__dirname, "..", "bench", "server-results.json"), JSON.stringify(results, null, 2) + "\n");
    console.log("\nwrote bench/server-results.json");
  }
  rmSync(dir, { recursive: true, force: true });
}

// ---- --cpu-prof summary ------------------------------------------------------------------

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Prints the functions with the most self and total (inclusive) time. */
function summarizeProfile(p: CpuProfile): void {
  const parent = new Map<number, number>();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (id: number) => {
    const f = byId.get(id)!.callFrame;
    const file = f.url.split("/").pop() ?? "";
    return `${f.functionName || "(anonymous)"} ${file}${file ? ":" + (f.lineNumber + 1) : ""}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? p.timeDeltas[i] ?? 0) / 1000;
    let id: number | undefined = p.samples[i]!;
    self.set(key(id), (self.get(key(id)) ?? 0) + dt);
    const seen = new Set<string>();
    while (id !== undefined) {
      const k = key(id);
      if (!seen.has(k)) {
        seen.add(k);
        total.set(k, (total.get(k) ?? 0) + dt);
      }
      id = parent.get(id);
    }
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(0).padStart(7)} ms  ${k}`)
      .join("\n");
  console.log(`\nserver CPU profile: self time\n${top(self, 20)}\n\nserver CPU profile: total (inclusive) time\n${top(total, 30)}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
