// The bundled server over stdio: it indexes the workspace folder at start-up,
// publishes diagnostics for files that are not open, and updates them on edits.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspTestClient } from "../support/lsp-client";

describe("language server diagnostics", () => {
  let client: LspTestClient;
  const dir = mkdtempSync(join(tmpdir(), "archwright-lsp-"));
  const a = join(dir, "a.arch");
  const b = join(dir, "b.arch");
  const uriA = pathToFileURL(a).href;
  const uriB = pathToFileURL(b).href;

  beforeAll(async () => {
    writeFileSync(a, 'service A {\n  health "/healthz"\n  ready "/readyz"\n  calls B timeout 1s\n}\n');
    writeFileSync(b, "service C {\n  entity E {\n    id\n  }\n}\n");
    client = new LspTestClient();
    await client.initialize(pathToFileURL(dir).href);
  });

  afterAll(async () => {
    await client.stop();
  });

  it("publishes diagnostics for workspace files that are not open", async () => {
    await client.waitFor(() => client.diagnostics.has(uriA) && client.diagnostics.has(uriB), 10_000, "diagnostics of both files");
    const diagA = client.diagnostics.get(uriA)!;
    expect(diagA.map((d) => d.code)).toContain("name/unresolved");
    const unresolved = diagA.find((d) => d.code === "name/unresolved")!;
    expect(unresolved.range.start).toEqual({ line: 3, character: 8 });
    expect(client.diagnostics.get(uriB)!.map((d) => d.code)).toContain("syntax/expected");
  });

  it("re-checks every file after an edit in another one", async () => {
    await client.open(uriB, "service C {\n  entity E {\n    id\n  }\n}\n");
    await client.change(uriB, 2, 'service B {\n  health "/healthz"\n  ready "/readyz"\n}\n');
    const errorsOf = (uri: string) => (client.diagnostics.get(uri) ?? []).filter((d) => d.severity === 1);
    await client.waitFor(() => errorsOf(uriA).length === 0 && errorsOf(uriB).length === 0, 10_000, "the call to B to resolve and B's syntax error to clear");
    expect(client.diagnostics.get(uriA)!.map((d) => d.code)).not.toContain("name/unresolved");
  });
});
