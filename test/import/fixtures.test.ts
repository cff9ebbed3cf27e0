// The real-world-shaped inputs under test/import/fixtures (written for this
// project in the styles found in the wild): each imports without errors,
// formatted, with every operation and every table accounted for in the
// summary.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundle, createConfig } from "@redocly/openapi-core";
import { loadModule, parseSync } from "libpg-query";
import { beforeAll, describe, expect, it } from "vitest";
import { importOpenApiFiles, importSqlFiles } from "../../cli/src/import";
import { blankNonSql } from "../../core/src/import/sql/prepare";
import { errorsOf, isFormatted, modelOf, repo } from "./support";

const fixtures = join(repo, "test/import/fixtures");
const bin = join(repo, "bin/archwright.js");
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

async function operationsOf(file: string): Promise<string[]> {
  const config = await createConfig({});
  const doc = (await bundle({ ref: file, config })).bundle.parsed as { paths?: Record<string, Record<string, unknown>> };
  const out: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) for (const m of Object.keys(item)) if (METHODS.includes(m)) out.push(`${m.toUpperCase()} ${path}`);
  return out;
}

describe("OpenAPI fixtures", () => {
  for (const name of ["petstore.yaml", "billing.yaml", "fleet/openapi.yaml"]) {
    it(`${name}: no errors, formatted, every operation accounted for`, async () => {
      const file = join(fixtures, name);
      const result = await importOpenApiFiles([file]);
      expect(result.summary.problems).toEqual([]);
      expect(errorsOf(result.text)).toEqual([]);
      expect(isFormatted(result.text)).toBe(true);
      const ops = await operationsOf(file);
      expect(ops.length).toBeGreaterThan(3);
      const items = result.summary.items.filter((i) => i.kind === "operation");
      expect(items.map((i) => i.source).sort()).toEqual([...ops].sort());
      for (const i of items) expect(i.status, i.source).not.toBe("skipped");
      // Every endpoint is in the model.
      expect(modelOf(result.text).endpoints.length).toBe(ops.length);
    });
  }

  it("billing.yaml: cursor pagination, OAuth scopes, allOf and oneOf, idempotency, async", async () => {
    const { text } = await importOpenApiFiles([join(fixtures, "billing.yaml")]);
    expect(text).toMatch(/GET \/customers -> 200 Customer\[\] paginated/);
    expect(text).toMatch(/auth oauth2 billing:write payments:write/);
    expect(text).toMatch(/POST \/payments body PaymentCreate -> 201 Payment, 400, 402 Decline idempotent/);
    expect(text).toMatch(/202 Refund, 404 async idempotent/);
    expect(text).toMatch(/includes the fields of Resource \(allOf\)/);
    expect(text).toMatch(/oneOf: Card \| SepaDebit \(discriminator `type`\)/);
    expect(text).toMatch(/webhook invoice\.paid/);
  });

  it("fleet: one service per tag with --by-tag", async () => {
    const result = await importOpenApiFiles([join(fixtures, "fleet")], { byTag: true });
    expect(errorsOf(result.text)).toEqual([]);
    expect(modelOf(result.text).services.map((s) => s.symbol.name)).toEqual(["Vehicles", "Drivers", "Trips", "Maintenance"]);
  });
});

describe("SQL fixture", () => {
  beforeAll(async () => {
    await loadModule();
  });

  it("warehouse.sql (pg_dump): no errors, every table and partition accounted for", async () => {
    const file = join(fixtures, "warehouse.sql");
    const result = await importSqlFiles([file]);
    expect(result.summary.problems).toEqual([]);
    expect(errorsOf(result.text)).toEqual([]);
    expect(isFormatted(result.text)).toBe(true);
    const stmts = parseSync(blankNonSql(readFileSync(file, "utf8")).text).stmts ?? [];
    const tables = stmts
      .map((s) => (s.stmt && "CreateStmt" in s.stmt ? s.stmt.CreateStmt.relation : undefined))
      .filter((r) => r !== undefined)
      .map((r) => `${r.schemaname}.${r.relname}`);
    expect(tables.length).toBe(10);
    const items = result.summary.items.filter((i) => i.kind === "table" || i.kind === "partition");
    expect(items.map((i) => i.source).sort()).toEqual([...tables].sort());
    const model = modelOf(result.text);
    expect(model.schemas.filter((s) => s.kind === "entity").length).toBe(7);
    // The cycle customers ⇄ addresses and the partitioned movements survive.
    expect(result.text).toMatch(/default_address_id\s+uuid\?\s+@ref\(Address\.id\) @on_delete\(set_null\)/);
    expect(result.text).toMatch(/customer_id\s+uuid\s+@ref\(Customer\.id\) @on_delete\(cascade\)/);
    expect(result.text).toMatch(/@@partition\(range, moved_at\)/);
    expect(result.text).toMatch(/partition movements_2025_q1 FOR VALUES FROM/);
  });
});

describe("archwright import (CLI)", () => {
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it("prints the model to stdout and the summary to stderr", () => {
    const r = run(["import", "openapi", join(fixtures, "petstore.yaml")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("service PetShop {");
    expect(r.stderr).toContain("imported");
  });

  it("writes -o FILE, and keeps an existing file without --force", () => {
    const dir = mkdtempSync(join(tmpdir(), "archwright-import-"));
    const out = join(dir, "warehouse.arch");
    expect(run(["import", "sql", join(fixtures, "warehouse.sql"), "-o", out]).code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, "utf8")).toContain("entity Movement {");
    const again = run(["import", "sql", join(fixtures, "warehouse.sql"), "-o", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("--force");
    expect(run(["import", "sql", join(fixtures, "warehouse.sql"), "-o", out, "--force", "--service", "Wms"]).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("service Wms {");
  });

  it("reports bad usage with exit status 2", () => {
    expect(run(["import", "graphql", "x"]).code).toBe(2);
    expect(run(["import", "openapi"]).code).toBe(2);
    expect(run(["import", "sql", join(fixtures, "warehouse.sql"), "--by-tag"]).code).toBe(2);
    expect(run(["import", "openapi", join(fixtures, "nothing-here.yaml")]).code).toBe(2);
  });

  it("the imported fleet model checks with the linter", () => {
    const dir = mkdtempSync(join(tmpdir(), "archwright-import-"));
    const out = join(dir, "fleet.arch");
    expect(run(["import", "openapi", join(fixtures, "fleet"), "-o", out]).code).toBe(0);
    const check = run(["check", out]);
    expect(check.stdout).toMatch(/\b0 errors\b/);
  });
});
