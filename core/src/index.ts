// The core's public API: the language library that the server, the CLI and
// the tests build on. Pure TypeScript: no vscode, LSP or file-system imports.

export * from "./syntax/ast";
export { parse } from "./syntax/parser";
export { dumpFile } from "./syntax/dump";
export { walk, childrenOf, nodePath } from "./syntax/walk";
export * from "./semantic/model";
export { analyze } from "./semantic/analyze";
export { Workspace, resolveImport } from "./workspace";
export * from "./diagnostics/diagnostic";
export { LineIndex, type Position } from "./text/line-index";
export { lint, lineIndexOf, suppressionsOf, type LintConfig, type RuleSetting, type LintOptions } from "./lint/runner";
export { RULES, RULES_BY_ID } from "./lint/registry";
export { docsUrl, type AnyRule, type Rule, type RuleCategory } from "./lint/rule";
export { check } from "./check";
