// The language-server part of the benchmark: starts the bundled server
// (dist/server.js) over stdio on a folder, as an editor would, and measures
// start-up to the first diagnostics of every file, didChange (one character
// typed, then deleted) → publishDiagnostics of the edited file, completion,
// hover and definition latency, and the server's peak RSS.

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import { percentiles, procMemory, sleep, spread, type Percentiles } from "./util";

interface Pos {
  line: number;
  character: number;
}

interface Published {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

/**
 * The server's delay before the per-keystroke pass (schedule() in server/src/server.ts:
 * `Math.min(delay, 10)`): every didChange → publish figure includes it. Keep in step with the server.
 */
export const SERVER_DEBOUNCE_MS = 10;

class Client {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  private waiters: { test: (p: Published) => boolean; resolve: (at: number) => void }[] = [];
  stderr = "";
  private readonly exited: Promise<void>;

  constructor(serverJs: string, nodeArgs: readonly string[]) {
    this.child = spawn(process.execPath, [...nodeArgs, serverJs, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    this.exited = new Promise((resolve) => this.child.on("exit", () => resolve()));
    this.child.stderr!.on("data", (d: Buffer) => {
      if (this.stderr.length < 100_000) this.stderr += d.toString();
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification("textDocument/publishDiagnostics", (p: Published) => {
      const at = performance.now();
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(p)) return true;
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

  /** The arrival time of the first publish from now on that passes `test`, or undefined after `ms`. */
  nextPublish(test: (p: Published) => boolean, ms: number): Promise<number | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(undefined);
      }, ms);
      const waiter = { test, resolve: (at: number) => (clearTimeout(timer), resolve(at)) };
      this.waiters.push(waiter);
    });
  }

  async timed(method: string, params: object): Promise<{ ms: number; result: unknown }> {
    const t0 = performance.now();
    const result = await this.connection.sendRequest(method, params);
    return { ms: performance.now() - t0, result };
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest("shutdown"), sleep(5000)]);
      await this.connection.sendNotification("exit");
    } catch {
      // already gone
    }
    await Promise.race([this.exited, sleep(10_000)]);
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}

export interface LspOptions {
  /** dist/server.js */
  serverJs: string;
  /** The workspace folder (every file of it is indexed by the server). */
  dir: string;
  files: { name: string; text: string }[];
  /** Index of the file that is edited. */
  editFile: number;
  /** Keystrokes; each is followed by its revert, so twice as many didChange notifications. */
  keystrokes: number;
  /** Completion, hover and definition requests of each kind. */
  requests: number;
  nodeArgs?: string[];
}

export interface LspResult {
  workspace: { files: number; lines: number; editedFile: string; editedFileLines: number };
  startup: { initializeMs: number; firstDiagnosticsAllFilesMs: number; rssAfterStartupMb: number };
  didChangeToPublish: { keystroke: Percentiles; revert: Percentiles; all: Percentiles; allMinusDebounce: Percentiles; missed: number };
  completion: Percentiles & { meanItems: number };
  completionAfterKeystroke: Percentiles;
  hover: Percentiles & { nonEmpty: number };
  definition: Percentiles & { found: number };
  memory: { peakRssMb: number; rssAtEndMb: number };
}

function positionAt(text: string, offset: number): Pos {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Where a keystroke makes a new diagnostic: right after the type of a field (`uuid` → `uuidx`, an unknown type). */
function keystrokePositions(text: string): Pos[] {
  const out: Pos[] = [];
  const lines = text.split("\n");
  lines.forEach((l, line) => {
    const m = /^( {6})([a-z_]+)( +)([A-Za-z_][A-Za-z0-9_]*)/.exec(l);
    if (m) out.push({ line, character: m[1]!.length + m[2]!.length + m[3]!.length + m[4]!.length });
  });
  return out;
}

export async function runLsp(o: LspOptions): Promise<LspResult> {
  if (!existsSync(o.serverJs)) throw new Error(`${o.serverJs} is missing: run npm run build`);
  const uris = o.files.map((f) => pathToFileURL(join(o.dir, f.name)).href);
  const edited = o.files[o.editFile]!;
  const editUri = uris[o.editFile]!;
  const editLines = edited.text.split("\n");

  // Start-up: spawn → initialize → the first publish for every file of the folder (none is open).
  const t0 = performance.now();
  const client = new Client(o.serverJs, o.nodeArgs ?? []);
  const pid = client.child.pid!;
  const seen = new Set<string>();
  const allFiles = client.nextPublish((p) => (seen.add(p.uri), uris.every((u) => seen.has(u))), 180_000);
  const folder = pathToFileURL(o.dir).href;
  await client.connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: "bench" }],
    capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true } }, workspace: { configuration: true, workspaceFolders: true } },
  });
  const tInit = performance.now();
  await client.connection.sendNotification("initialized", {});
  const tAll = await allFiles;
  if (tAll === undefined) {
    await client.stop();
    throw new Error(`the server did not publish diagnostics for all ${uris.length} files (${seen.size} seen); stderr: ${client.stderr.slice(-500)}`);
  }
  const startup = { initializeMs: +(tInit - t0).toFixed(1), firstDiagnosticsAllFilesMs: +(tAll - t0).toFixed(1), rssAfterStartupMb: procMemory(pid)?.rssMb ?? NaN };

  let version = 1;
  await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri: editUri, languageId: "arch", version, text: edited.text } });
  await sleep(300);

  const change = (range: { start: Pos; end: Pos }, text: string) => client.connection.sendNotification("textDocument/didChange", { textDocument: { uri: editUri, version }, contentChanges: [{ range, text }] });
  const edit = async (p: Pos, revert: boolean): Promise<number | undefined> => {
    version++;
    const v = version;
    const published = client.nextPublish((x) => x.uri === editUri && x.version === v, 30_000);
    const t = performance.now();
    await change(revert ? { start: p, end: { line: p.line, character: p.character + 1 } } : { start: p, end: p }, revert ? "" : "x");
    const at = await published;
    return at === undefined ? undefined : at - t;
  };

  // didChange → publishDiagnostics of the edited file: a keystroke, then its revert, spread through the file.
  const positions = spread(keystrokePositions(edited.text), o.keystrokes);
  const typed: number[] = [];
  const reverted: number[] = [];
  let missed = 0;
  for (const p of positions) {
    for (const revert of [false, true]) {
      const ms = await edit(p, revert);
      if (ms === undefined) missed++;
      else (revert ? reverted : typed).push(ms);
    }
    await sleep(5); // let the publishes of other files of the same round arrive
  }

  // Completion, hover and definition on the settled model, at positions spread over the file.
  const nonEmpty = editLines.map((l, i) => ({ l, i })).filter(({ l }) => l.trim() !== "");
  const completion: number[] = [];
  let items = 0;
  for (const [k, { l, i }] of spread(nonEmpty, o.requests).entries()) {
    const ref = l.indexOf("@ref(");
    const indent = l.length - l.trimStart().length;
    const firstEnd = indent + (/^\S+/.exec(l.trimStart())?.[0].length ?? 0);
    const character = ref >= 0 ? ref + 5 : k % 3 === 0 ? l.length : k % 3 === 1 ? firstEnd : Math.min(l.length, indent + 1);
    const r = await client.timed("textDocument/completion", { textDocument: { uri: editUri }, position: { line: i, character } });
    completion.push(r.ms);
    items += (r.result as { items?: unknown[] } | null)?.items?.length ?? 0;
  }
  const hover: number[] = [];
  let hoverHits = 0;
  for (const { l, i } of spread(nonEmpty, o.requests)) {
    const r = await client.timed("textDocument/hover", { textDocument: { uri: editUri }, position: { line: i, character: l.length - l.trimStart().length + 1 } });
    hover.push(r.ms);
    if (r.result) hoverHits++;
  }
  const refOffsets: number[] = [];
  for (const m of edited.text.matchAll(/(?<!(?:entity|type|event|enum) )\b[A-Z][a-z]+\d+(?:R\d|Status)\b|\bNew[A-Z][a-z]+\d+\b|\bSvc\d+\b/g)) refOffsets.push(m.index + 1);
  const definition: number[] = [];
  let found = 0;
  for (const offset of spread(refOffsets, o.requests)) {
    const r = await client.timed("textDocument/definition", { textDocument: { uri: editUri }, position: positionAt(edited.text, offset) });
    definition.push(r.ms);
    if (r.result) found++;
  }

  // Completion right after a keystroke: the model is stale, so the request pays for the re-analysis.
  const afterKeystroke: number[] = [];
  for (const p of spread(positions, Math.min(30, positions.length))) {
    version++;
    const v = version;
    const published = client.nextPublish((x) => x.uri === editUri && x.version === v, 30_000);
    await change({ start: p, end: p }, "x");
    const r = await client.timed("textDocument/completion", { textDocument: { uri: editUri }, position: { line: p.line, character: p.character + 1 } });
    afterKeystroke.push(r.ms);
    await published;
    await edit(p, true);
  }

  const mem = procMemory(pid);
  await client.stop();

  const all = [...typed, ...reverted];
  return {
    workspace: { files: o.files.length, lines: o.files.reduce((n, f) => n + f.text.split("\n").length - 1, 0), editedFile: edited.name, editedFileLines: editLines.length - 1 },
    startup,
    didChangeToPublish: { keystroke: percentiles(typed), revert: percentiles(reverted), all: percentiles(all), allMinusDebounce: percentiles(all.map((x) => x - SERVER_DEBOUNCE_MS)), missed },
    completion: { ...percentiles(completion), meanItems: +(items / Math.max(1, completion.length)).toFixed(1) },
    completionAfterKeystroke: percentiles(afterKeystroke),
    hover: { ...percentiles(hover), nonEmpty: hoverHits },
    definition: { ...percentiles(definition), found },
    memory: { peakRssMb: mem?.peakRssMb ?? NaN, rssAtEndMb: mem?.rssMb ?? NaN },
  };
}
