// A real LSP client for tests: starts the bundled server (dist/server.js) as a
// child process over stdio and talks JSON-RPC to it.

import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";

export interface PublishedDiagnostics {
  uri: string;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity?: number; code?: string | number; message: string; codeDescription?: { href: string } }[];
}

export class LspTestClient {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  readonly diagnostics = new Map<string, PublishedDiagnostics["diagnostics"]>();
  private waiters: { test: () => boolean; resolve: () => void }[] = [];
  stderr = "";

  constructor() {
    const server = join(__dirname, "../../dist/server.js");
    this.child = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    this.child.stderr!.on("data", (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification("textDocument/publishDiagnostics", (p: PublishedDiagnostics) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.poke();
    });
    this.connection.onRequest("workspace/configuration", (p: { items: unknown[] }) => p.items.map(() => null));
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.onRequest("window/workDoneProgress/create", () => null);
    this.connection.onNotification("window/logMessage", () => undefined);
    this.connection.listen();
  }

  private poke(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!w.test()) return true;
      w.resolve();
      return false;
    });
  }

  /** Resolves once `test` holds (checked after every notification), or rejects after `ms`. */
  waitFor(test: () => boolean, ms = 10_000, what = "condition"): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-500)}`)), ms);
      this.waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  async initialize(rootUri: string | null, capabilities: object = {}): Promise<unknown> {
    const result = await this.connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: "test" }] : null,
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true } }, workspace: { configuration: true, workspaceFolders: true }, ...capabilities },
    });
    await this.connection.sendNotification("initialized", {});
    return result;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "arch", version, text } });
  }

  /** Peak and current resident memory of the server process, in MB (Linux). */
  memory(): { rssMb: number; peakMb: number } {
    const status = readFileSync(`/proc/${this.child.pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
  }

  get alive(): boolean {
    return this.child.exitCode === null && !this.child.killed;
  }

  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification("exit");
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.child.kill();
  }
}
