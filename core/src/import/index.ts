// The importers: OpenAPI documents and PostgreSQL DDL to .arch text. Pure
// functions (no I/O); the CLI reads files and bundles references, the editor
// passes text.
//
//   importOpenApi({ document, source }, { service, byTag })     parsed document(s) → ImportResult
//   importOpenApiText(text, { source, service, byTag })         YAML or JSON text → ImportResult
//   importSql(text, parseSync, { service, source })             DDL text + libpg-query's parseSync → ImportResult
//   formatSummary(summary)                                      the summary as terminal text

export { importOpenApi, type OpenApiImportOptions, type OpenApiInput } from "./openapi/import-openapi";
export { importOpenApiText, parseOpenApiText } from "./openapi/text";
export { importSql, type PgParseResult, type SqlImportOptions, type SqlParser } from "./sql/import-sql";
export { formatSummary, type ImportedKind, type ImportResult, type ImportSummary, type SummaryItem } from "./summary";
