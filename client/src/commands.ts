// Command ids and context keys: stable, used by package.json, the code lenses
// and code actions of the server, and the end-to-end tests. Pure.

export const COMMANDS = {
  openPreview: "archwright.openPreview",
  generateOpenApi: "archwright.generateOpenApi",
  generateSql: "archwright.generateSql",
  generateMermaid: "archwright.generateMermaid",
  exportSvg: "archwright.exportSvg",
  showRuleDocs: "archwright.showRuleDocs",
  restartServer: "archwright.restartServer",
  showOutput: "archwright.showOutput",
  importOpenApi: "archwright.importOpenApi",
  importSql: "archwright.importSql",
  /** Internal (hidden from the palette): the preview's and status bar's state, for tests. */
  testingState: "archwright.testing.state",
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** Commands a user sees in the palette, with their titles (package.json must match). */
export const PALETTE_COMMANDS: readonly CommandId[] = [
  COMMANDS.openPreview,
  COMMANDS.generateOpenApi,
  COMMANDS.generateSql,
  COMMANDS.generateMermaid,
  COMMANDS.exportSvg,
  COMMANDS.showRuleDocs,
  COMMANDS.restartServer,
  COMMANDS.showOutput,
  COMMANDS.importOpenApi,
  COMMANDS.importSql,
];

export const CONTEXT_KEYS = {
  /** True while an Archwright preview panel exists. */
  previewOpen: "archwright.previewOpen",
} as const;

/** The webview panel type (also in the `onWebviewPanel:` activation event). */
export const PREVIEW_VIEW_TYPE = "archwright.preview";

/** Custom LSP requests answered by the server. */
export const REQUESTS = {
  generate: "archwright/generate",
  preview: "archwright/preview",
} as const;

/** URI schemes of the virtual documents the client provides. */
export const SCHEMES = {
  /** A generated file before it is written (right side of the diff). */
  generated: "archwright-generated",
  /** A rule's documentation page. */
  ruleDocs: "archwright-rule",
} as const;
