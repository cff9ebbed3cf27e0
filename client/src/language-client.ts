// The language client: starts the bundled server (dist/server.js) over IPC,
// restarts it after a crash with a visible message (at most 4 times in
// 3 minutes, then it waits for "Restart Language Server"), and stops it
// cleanly on deactivate.

import * as vscode from "vscode";
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";
import { COMMANDS } from "./commands";
import { RestartPolicy } from "./status-logic";

export class ArchwrightClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly policy = new RestartPolicy();
  private readonly stateEmitter = new vscode.EventEmitter<"running" | "stopped" | "starting">();
  /** Fires when the server becomes ready, stops or starts again. */
  readonly onDidChangeState = this.stateEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  get running(): boolean {
    return this.client?.state === State.Running;
  }

  async start(): Promise<void> {
    const module = this.context.asAbsolutePath("dist/server.js");
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: "arch" }],
      synchronize: {
        fileEvents: [vscode.workspace.createFileSystemWatcher("**/*.arch"), vscode.workspace.createFileSystemWatcher("**/archwright.json")],
      },
      outputChannel: this.output,
      traceOutputChannel: this.output,
      errorHandler: this.errorHandler(),
    };
    const client = new LanguageClient("archwright", "Archwright Language Server", serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) this.stateEmitter.fire("running");
      else if (e.newState === State.Stopped) this.stateEmitter.fire("stopped");
      else this.stateEmitter.fire("starting");
    });
    this.output.info("Starting the Archwright language server");
    await client.start();
    this.output.info("The Archwright language server is running");
  }

  private errorHandler(): ErrorHandler {
    return {
      error: (_error, _message, count): ErrorHandlerResult => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true }),
      closed: (): CloseHandlerResult => {
        if (this.policy.crashed(Date.now())) {
          this.output.warn("The Archwright language server stopped unexpectedly: restarting it");
          void vscode.window.showWarningMessage("The Archwright language server stopped unexpectedly and is being restarted.", "Show Output").then((choice) => {
            if (choice) this.output.show(true);
          });
          return { action: CloseAction.Restart, handled: true };
        }
        const message = `The Archwright language server crashed ${this.policy.recent(Date.now())} times in the last 3 minutes and was not restarted.`;
        this.output.error(message);
        void vscode.window.showErrorMessage(message, "Restart", "Show Output").then((choice) => {
          if (choice === "Restart") void vscode.commands.executeCommand(COMMANDS.restartServer);
          else if (choice === "Show Output") this.output.show(true);
        });
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    };
  }

  async restart(): Promise<void> {
    this.policy.reset();
    const client = this.client;
    if (!client) return this.start();
    this.output.info("Restarting the Archwright language server");
    if (client.state === State.Running) await client.restart();
    else {
      if (client.state === State.Starting) await client.stop().catch(() => undefined);
      await client.start();
    }
    this.output.info("The Archwright language server is running");
  }

  /** A custom request; rejects when the server is not running. */
  async request<R>(method: string, params: unknown): Promise<R> {
    const client = this.client;
    if (!client || client.state === State.Stopped) throw new Error("The Archwright language server is not running.");
    return client.sendRequest<R>(method, params);
  }

  /** The URI string the server uses for a document. */
  toServerUri(uri: vscode.Uri): string {
    return this.client ? this.client.code2ProtocolConverter.asUri(uri) : uri.toString();
  }

  fromServerUri(uri: string): vscode.Uri {
    return this.client ? this.client.protocol2CodeConverter.asUri(uri) : vscode.Uri.parse(uri);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client && client.state !== State.Stopped) await client.stop(5_000).catch((e: unknown) => this.output.error(`Stopping the language server failed: ${String(e)}`));
  }

  dispose(): void {
    void this.stop();
    this.stateEmitter.dispose();
  }
}
