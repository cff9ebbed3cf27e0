// The editor features, as plain data over the model: the API the language
// server (and any other client) calls. Offsets are UTF-16; nothing here knows LSP.

export { complete, type CompletionItem, type CompletionKind, type CompletionResult } from "./completion";
export { codeActions, type CodeActionData, type CodeActionKind } from "./code-actions";
export { formatEdits, formatFile, formatText, type FormatOptions } from "./format";
export { hover, describeSymbol, type HoverResult } from "./hover";
export { codeLenses, inlayHints, type CodeLensData, type InlayHintData } from "./lenses";
export { definition, documentHighlights, occurrenceAt, occurrenceIndex, prepareRename, references, rename, type Location, type Occurrence } from "./navigation";
export { semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES, type SemanticToken } from "./semantic-tokens";
export { documentSymbols, foldingRanges, selectionRanges, workspaceSymbols, type FoldingRange, type OutlineSymbol, type WorkspaceSymbol } from "./structure";
