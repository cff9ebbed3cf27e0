// OpenAPI documents from text (YAML or JSON): for editors and callers that
// have one document in memory. Only local `$ref`s resolve here; the CLI
// bundles references to other files first (with Redocly) and passes the
// parsed result to importOpenApi.

import { parse as parseYaml } from "yaml";
import type { ImportResult } from "../summary";
import { importOpenApi, type OpenApiImportOptions } from "./import-openapi";

/** Parses YAML or JSON; throws an Error with a readable message when the text is neither. */
export function parseOpenApiText(text: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, "");
  if (/^\s*[{[]/.test(trimmed)) {
    try {
      return JSON.parse(trimmed);
    } catch {
      // YAML is a superset of JSON: let the YAML parser report the position.
    }
  }
  return parseYaml(trimmed, { maxAliasCount: 10000, uniqueKeys: false });
}

/** `importOpenApi` for one document given as YAML or JSON text. */
export function importOpenApiText(text: string, options: OpenApiImportOptions & { source?: string } = {}): ImportResult {
  const { source, ...rest } = options;
  const document = parseOpenApiText(text);
  return importOpenApi(source !== undefined ? { document, source } : { document }, rest);
}
