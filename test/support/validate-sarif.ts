// Test-side SARIF validator: checks a log against the OASIS SARIF 2.1.0 JSON
// schema (the copy @microsoft/jest-sarif ships, a draft-04 schema, hence
// ajv-draft-04), fully offline.
//
//   expect(sarifErrors(log)).toEqual([]);

import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import schema from "@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json";

let validate: ReturnType<Ajv["compile"]> | undefined;

/** The schema violations of a SARIF log, as `instancePath: message` lines; [] when valid. */
export function sarifErrors(log: unknown): string[] {
  if (!validate) {
    // unicodeRegExp off: the schema's `language` pattern is not valid with the `u` flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile(schema);
  }
  if (validate(JSON.parse(JSON.stringify(log)))) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message ?? "invalid"}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`);
}
