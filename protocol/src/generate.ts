// The `archwright/generate` request's shape, shared by the server and the client.

import type { GenerateOptions } from "../../core/src/generators/index";

export const GENERATE_REQUEST = "archwright/generate";

export type GenerateRequest = GenerateOptions;

export interface GenerateResponse {
  files: { path: string; text: string }[];
  diagnostics: { severity: string; code: string; message: string }[];
}
