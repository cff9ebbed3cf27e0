// What every generator returns: files (names relative to the output folder)
// and diagnostics for what the target format could not express.

import type { Diagnostic } from "../diagnostics/diagnostic";

export interface GeneratedFile {
  /** A stable file name, e.g. `catalog.openapi.yaml`. */
  path: string;
  text: string;
}

export interface GeneratorResult {
  files: GeneratedFile[];
  diagnostics: Diagnostic[];
}
