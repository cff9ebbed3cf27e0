// The `archwright/generate` request: the generated files for the client to
// preview or write (it adds the header and handles existing files).

import type { Model } from "../../core/src/index";
import { generate as run } from "../../core/src/generators/index";
import type { GenerateRequest, GenerateResponse } from "../../protocol/src/generate";

export type { GenerateRequest, GenerateResponse };

export function generate(model: Model, request: GenerateRequest): GenerateResponse {
  const result = run(model, request);
  return { files: result.files, diagnostics: result.diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message })) };
}
