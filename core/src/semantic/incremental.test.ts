// Incremental analysis gives exactly what a fresh analysis of the same files
// gives, after any sequence of edits, additions and removals; and it re-resolves
// only the edited file and the files that depend on its names.

import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateWorkspace } from "../../../bench/generate-model";
import { check } from "../check";
import { parse } from "../syntax/parser";
import { Workspace } from "../workspace";
import { analyze } from "./analyze";
import type { Model } from "./model";

/** Everything the model says, in a form two analyses can be compared by. */
function fingerprint(m: Model): string[] {
  const out: string[] = [];
  for (const d of check(m)) out.push(`D ${d.uri} ${d.start} ${d.end} ${d.severity} ${d.code} ${d.message} ${JSON.stringify(d.fixes ?? [])} ${JSON.stringify(d.related ?? [])}`);
  for (const r of m.references) out.push(`R ${r.uri} ${r.start} ${r.end} -> ${r.symbol.uri} ${r.symbol.kind} ${r.symbol.qualifiedName}`);
  for (const s of m.symbols) out.push(`S ${s.uri} ${s.kind} ${s.qualifiedName}`);
  for (const c of m.calls) out.push(`C ${c.uri} ${c.span.start} ${c.from.symbol.name} -> ${c.target?.symbol.name} ${c.endpoint?.symbol.qualifiedName}`);
  for (const x of m.messages) out.push(`M ${x.uri} ${x.decl.start} ${x.service.symbol.name} ${x.event?.symbol.qualifiedName} ${x.queue?.symbol.name}`);
  for (const x of m.stores) out.push(`T ${x.uri} ${x.decl.start} ${x.service.symbol.name} ${x.target?.symbol.name}`);
  for (const x of m.uses) out.push(`U ${x.uri} ${x.decl.start} ${x.target?.symbol.name}`);
  for (const s of m.schemas) for (const f of s.fields) out.push(`F ${f.symbol.qualifiedName} ${f.type.display} ${f.type.schema?.symbol.qualifiedName ?? f.type.enum?.symbol.qualifiedName ?? f.type.builtin} ${f.ref?.field?.symbol.qualifiedName}`);
  for (const e of m.endpoints) out.push(`E ${e.symbol.qualifiedName} ${e.body?.schema?.symbol.qualifiedName} ${e.responses.map((r) => `${r.status}:${r.type?.schema?.symbol.qualifiedName ?? r.type?.display}`).join(",")} ${e.parameters.map((p) => p.name).join(",")}`);
  for (const s of m.services) out.push(`V ${s.symbol.name} db=${s.database?.symbol.name} calls=${s.calls.length} pub=${s.publishes.length} con=${s.consumes.length}`);
  return out.sort();
}

const seeds: Record<string, string> = {};
for (const f of generateWorkspace(24, 4).files) seeds[`file:///ws/${f.name}`] = f.text;
for (const name of ["shop.arch", "antipatterns.arch"]) seeds[`file:///ex/${name}`] = readFileSync(join(__dirname, "../../../examples", name), "utf8");
const uris = Object.keys(seeds);

type Edit = { kind: "replace"; file: number; at: number; len: number; text: string } | { kind: "remove"; file: number } | { kind: "restore"; file: number } | { kind: "rename"; file: number; nth: number };
const PIECES = ["x", "\n", "}", "{", "entity Dup { id uuid @id }\n", "service Svc1 {}\n", " Order", "Catalog", "@ref(", "calls Svc2 timeout 1s\n", "", "type NewUser { a text }\n", "queue q1: kafka\n"];

describe("incremental analysis", () => {
  it("equals a fresh analysis after every edit", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant("replace" as const), file: fc.nat(), at: fc.nat(), len: fc.nat({ max: 40 }), text: fc.constantFrom(...PIECES) }),
            fc.record({ kind: fc.constant("remove" as const), file: fc.nat() }),
            fc.record({ kind: fc.constant("restore" as const), file: fc.nat() }),
            fc.record({ kind: fc.constant("rename" as const), file: fc.nat(), nth: fc.nat() }),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        (edits: Edit[]) => {
          const texts = new Map(Object.entries(seeds));
          const ws = new Workspace();
          for (const [uri, text] of texts) ws.set(uri, text);
          ws.getModel();
          for (const e of edits) {
            const uri = uris[e.file % uris.length]!;
            const text = texts.get(uri);
            if (e.kind === "remove") {
              texts.delete(uri);
              ws.delete(uri);
            } else if (e.kind === "restore") {
              texts.set(uri, seeds[uri]!);
              ws.set(uri, seeds[uri]!);
            } else if (text !== undefined && e.kind === "replace") {
              const at = text.length ? e.at % text.length : 0;
              const next = text.slice(0, at) + e.text + text.slice(at + e.len);
              texts.set(uri, next);
              ws.set(uri, next);
            } else if (text !== undefined && e.kind === "rename") {
              // Rename one declared name (a declaration others depend on).
              const names = [...text.matchAll(/\b(?:entity|service|type|event|enum|queue|database) ([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
              const name = names[e.nth % Math.max(1, names.length)];
              if (!name) continue;
              const next = text.replace(new RegExp(`\\b${name}\\b`), `${name}Renamed`);
              texts.set(uri, next);
              ws.set(uri, next);
            }
            const incremental = fingerprint(ws.getModel());
            const fresh = fingerprint(analyze([...texts.entries()].map(([u, t]) => parse(t, u))));
            expect(incremental).toEqual(fresh);
          }
        },
      ),
      { numRuns: Number(process.env["ARCHWRIGHT_PROPERTY_RUNS"] ?? 40) },
    );
  }, 300_000);

  it("re-resolves only the edited file and the files that use its names", () => {
    const ws = new Workspace();
    ws.set("file:///a.arch", "service A {\n  entity Thing { id uuid @id }\n}\n");
    ws.set("file:///b.arch", "service B {\n  entity Other { id uuid @id\n    thing_id uuid @ref(Thing.id) }\n}\n");
    ws.set("file:///c.arch", "service C {\n  entity Lone { id uuid @id }\n}\n");
    const first = ws.getModel();
    const refOf = (m: Model, uri: string) => m.references.filter((r) => r.uri === uri);
    // Editing A (Thing's file) redoes B, which looks Thing up; C's references are the same objects.
    ws.set("file:///a.arch", "service A {\n  entity Thing { id uuid @id\n    name text }\n}\n");
    const second = ws.getModel();
    expect(refOf(second, "file:///c.arch")).toEqual(refOf(first, "file:///c.arch"));
    expect(second.references.find((r) => r.uri === "file:///c.arch")).toBeUndefined();
    const cLone = (m: Model) => m.schemas.find((s) => s.symbol.name === "Lone")!;
    expect(cLone(second)).toBe(cLone(first));
    const bRef = (m: Model) => m.references.find((r) => r.uri === "file:///b.arch" && r.symbol.name === "Thing")!;
    expect(bRef(second)).not.toBe(bRef(first));
    expect(bRef(second).symbol).toBe(second.schemas.find((s) => s.symbol.name === "Thing")!.symbol);
  });
});
