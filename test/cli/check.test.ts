// The CLI as a user runs it: the bundled bin, exit codes, text and JSON output.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const bin = join(__dirname, "../../bin/archwright.js");
const examples = join(__dirname, "../../examples");

function run(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), "archwright-cli-"));

describe("archwright check", () => {
  it("prints help and the version", () => {
    expect(run(["--help"]).stdout).toContain("archwright check");
    expect(run(["--help"]).code).toBe(0);
    expect(run(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("checks shop.arch with no errors and exit status 0", () => {
    const r = run(["check", join(examples, "shop.arch")]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^0 errors, 0 warnings in 1 file$/m);
    expect(r.code).toBe(0);
  });

  it("reports one error per broken construct, on the right lines, and exits 1", () => {
    const file = join(tmp, "broken.arch");
    writeFileSync(file, ['service S {', '  entity E {', '    id uuid @id', '    name', '  }', '  api "/v1" {', '    GET /a body -> 200 E', '    GET /b -> 200 Nope', '  }', '}', ''].join("\n"));
    const r = run(["check", file, "--format", "json"]);
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout) as { line: number; column: number; severity: string; code: string; message: string; file: string }[];
    const errors = rows.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.line, d.code])).toEqual([
      [4, "syntax/expected"],
      [7, "syntax/expected"],
      [8, "name/unresolved"],
    ]);
    expect(errors[0]!.message).toContain("Expected a type after `name`");
    expect(Object.keys(rows[0]!).sort()).toEqual(["code", "column", "endColumn", "endLine", "file", "line", "message", "severity"]);
  });

  it("follows imports and searches folders", () => {
    const dir = join(tmp, "multi");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "a.arch"), 'import "./lib/b.arch"\nservice A {\n  health "/healthz"\n  ready "/readyz"\n  calls B timeout 1s\n}\n');
    mkdirSync(join(dir, "lib"), { recursive: true });
    writeFileSync(join(dir, "lib", "b.arch"), 'service B {\n  health "/healthz"\n  ready "/readyz"\n}\n');
    const viaImport = run(["check", join(dir, "a.arch"), "--format", "json"]);
    expect(JSON.parse(viaImport.stdout).filter((d: { severity: string }) => d.severity === "error")).toEqual([]);
    const folder = run(["check", dir]);
    expect(folder.stdout).toMatch(/in 2 files/);
  });

  it("fails the build on too many warnings", () => {
    const file = join(tmp, "warn.arch");
    writeFileSync(file, 'service S {\n  health "/healthz"\n  ready "/readyz"\n  colour "blue"\n}\n');
    expect(run(["check", file]).code).toBe(0);
    expect(run(["check", file, "--max-warnings", "0"]).code).toBe(1);
  });

  it("exits 2 with a clear message on bad usage and unreadable files", () => {
    const missing = run(["check", join(tmp, "nope.arch")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file");
    const emptyDir = join(tmp, "empty");
    mkdirSync(emptyDir, { recursive: true });
    expect(run(["check", emptyDir]).stderr).toContain("no .arch files");
    const binary = join(tmp, "latin1.arch");
    writeFileSync(binary, Buffer.from([0x73, 0x65, 0x72, 0x76, 0x69, 0x63, 0x65, 0x20, 0xe9, 0xff]));
    const bad = run(["check", binary]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("not UTF-8");
    expect(run(["check"]).code).toBe(2);
    expect(run(["check", "--format", "xml", binary]).code).toBe(2);
    expect(run(["frobnicate"]).code).toBe(2);
  });
});
