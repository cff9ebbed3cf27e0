// Where the generate commands may write and what they do with existing files.

import { describe, expect, it } from "vitest";
import { withHeader } from "../../core/src/generators/header";
import { decideWrite, outputFolderSegments, replaceQuestion, safeFileName, sourceNames, summaryText } from "../../client/src/generate-logic";

describe("safeFileName", () => {
  it("accepts the generators' file names", () => {
    for (const name of ["orders.openapi.yaml", "shop.sql", "orders.post-orders.sequence.mmd", "workspace.architecture.mmd", "a-2.er.mmd"]) expect(safeFileName(name)).toBe(name);
  });

  it("refuses paths and odd names", () => {
    for (const name of ["", ".", "..", "../x.sql", "a/b.sql", "a\\b.sql", "/etc/passwd", "C:x.sql", ".hidden", "x.", "x ", "nul", "COM1.sql", "a\u0000b", "a\nb", "x".repeat(256)]) {
      expect(safeFileName(name), JSON.stringify(name)).toBeUndefined();
    }
  });
});

describe("outputFolderSegments", () => {
  it("splits a workspace-relative folder", () => {
    expect(outputFolderSegments("generated")).toEqual({ segments: ["generated"] });
    expect(outputFolderSegments("docs/api/")).toEqual({ segments: ["docs", "api"] });
    expect(outputFolderSegments("./out\\sql")).toEqual({ segments: ["out", "sql"] });
    expect(outputFolderSegments("")).toEqual({ segments: [] });
    expect(outputFolderSegments(undefined)).toEqual({ segments: [] });
    expect(outputFolderSegments(".")).toEqual({ segments: [] });
  });

  it("refuses folders outside the workspace", () => {
    for (const setting of ["/tmp", "\\\\server\\share", "C:\\out", "~/out", "../out", "a/../../b", "a/b:c"]) {
      expect("error" in outputFolderSegments(setting), setting).toBe(true);
    }
  });
});

describe("decideWrite", () => {
  const body = "openapi: 3.1.0\ninfo:\n  title: Orders\n";
  const generated = withHeader("orders.openapi.yaml", body, ["shop.arch"]);

  it("creates a missing file", () => {
    expect(decideWrite(undefined, generated)).toEqual({ action: "create" });
  });

  it("leaves an identical file alone (also with CRLF line ends)", () => {
    expect(decideWrite(generated, generated)).toEqual({ action: "unchanged" });
    expect(decideWrite(generated.replace(/\n/g, "\r\n"), generated)).toEqual({ action: "unchanged" });
  });

  it("replaces a file Archwright wrote and nobody touched", () => {
    const older = withHeader("orders.openapi.yaml", "openapi: 3.1.0\n", ["shop.arch"]);
    expect(decideWrite(older, generated)).toEqual({ action: "replace" });
  });

  it("asks before replacing an edited file", () => {
    const edited = generated.replace("title: Orders", "title: Orders (mine)");
    expect(decideWrite(edited, generated)).toEqual({ action: "ask", state: "modified" });
  });

  it("asks before replacing a file Archwright did not write", () => {
    expect(decideWrite("# my own notes\n", generated)).toEqual({ action: "ask", state: "not-generated" });
  });

  it("words the question by state", () => {
    expect(replaceQuestion("a.sql", "modified")).toContain("edited since Archwright generated it");
    expect(replaceQuestion("a.sql", "not-generated")).toContain("not written by Archwright");
  });
});

describe("summaries", () => {
  it("summarises what happened", () => {
    expect(summaryText({ written: ["a.sql"], unchanged: [], kept: [], refused: [] }, "generated/")).toBe("Wrote 1 file to generated/.");
    expect(summaryText({ written: ["a", "b"], unchanged: ["c"], kept: ["d"], refused: [] }, "generated/")).toBe("Wrote 2 files to generated/ (1 unchanged, 1 kept as edited).");
    expect(summaryText({ written: [], unchanged: ["c"], kept: [], refused: [] }, "out/")).toBe("Nothing written to out/ (1 unchanged).");
  });

  it("names the sources by file name", () => {
    expect(sourceNames(["file:///w/models/shop.arch", "file:///w/a%20b.arch", "file:///w/models/shop.arch"])).toEqual(["shop.arch", "a b.arch"]);
  });
});
