// One entry point for every generator, used by the CLI, the server and the preview.

import type { Model } from "../semantic/model";
import { generateMermaid, type DiagramKind } from "./mermaid/generate-mermaid";
import { generateOpenApi } from "./openapi/generate-openapi";
import { generateSql } from "./sql/generate-sql";
import type { GeneratorResult } from "./types";

export type GenerateTarget = "openapi" | "sql" | "mermaid";

export interface GenerateOptions {
  target: GenerateTarget;
  service?: string;
  /** One document for the whole model (OpenAPI, SQL). */
  whole?: boolean;
  diagram?: DiagramKind;
  scope?: "service" | "neighbours" | "system";
  endpoint?: string;
}

export function generate(model: Model, options: GenerateOptions): GeneratorResult {
  const common = { ...(options.service ? { service: options.service } : {}), ...(options.whole ? { whole: true } : {}) };
  switch (options.target) {
    case "openapi":
      return generateOpenApi(model, common);
    case "sql":
      return generateSql(model, common);
    case "mermaid":
      return generateMermaid(model, {
        diagram: options.diagram ?? "architecture",
        ...(options.service ? { service: options.service } : {}),
        ...(options.scope ? { scope: options.scope } : {}),
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      });
  }
}

export { generateMermaid, generateOpenApi, generateSql };
export { contentHash, generatedState, withHeader, type GeneratedState } from "./header";
export type { GeneratedFile, GeneratorResult } from "./types";
export type { DiagramKind };
