// The language server process: `node dist/server.js --stdio` (any LSP client)
// or started by the VS Code client over IPC. All behaviour is in server.ts.

import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./server";

startServer(createConnection(ProposedFeatures.all));
