// Every Mermaid diagram Archwright generates must be accepted by Mermaid's own
// parser (the full `mermaid` package under jsdom): for every example model,
// every diagram kind and scope, and every endpoint's sequence; and no name,
// title, doc comment or string may break a diagram or smuggle markup into it.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../core/src/semantic/analyze";
import type { Model } from "../../core/src/semantic/model";
import { parse } from "../../core/src/syntax/parser";
import { type DiagramKind, architectureDiagram, erDiagram, generateMermaid, sequenceDiagram } from "../../core/src/generators/mermaid/generate-mermaid";
import { fanOut, longLabels, manyServices, wideEntities } from "../../core/src/generators/mermaid/fixtures";
import { parseMermaid } from "../support/mermaid";

const repo = resolve(__dirname, "../..");
const EXAMPLE_DIRS = [join(repo, "examples"), resolve(repo, "../shared/examples")];
const HOSTILE = join(repo, "core/src/generators/mermaid/__golden__/hostile.arch");

const DIAGRAM_TYPE: Record<DiagramKind, string> = { architecture: "flowchart-v2", er: "er", sequence: "sequence" };

interface Diagram {
  name: string;
  kind: DiagramKind;
  text: string;
}

function load(path: string): Model {
  return analyze([parse(readFileSync(path, "utf8"), `file://${path}`)]);
}

/** Every diagram of a model: defaults, each scope of each service and system, each endpoint's sequence. */
function allDiagrams(model: Model, label: string): Diagram[] {
  const out: Diagram[] = [];
  const add = (name: string, kind: DiagramKind, text: string) => out.push({ name: `${label}: ${name}`, kind, text });
  for (const kind of ["architecture", "er"] as const) {
    for (const scope of [undefined, "system", "service", "neighbours"] as const) {
      const r = generateMermaid(model, { diagram: kind, ...(scope ? { scope } : {}) });
      for (const f of r.files) add(`${f.path} (${scope ?? "default"})`, kind, f.text);
    }
  }
  add("architecture workspace", "architecture", architectureDiagram(model, { kind: "workspace" }).text);
  add("er workspace", "er", erDiagram(model, { kind: "workspace" }).text);
  for (const s of model.services) {
    for (const kind of ["service", "neighbours"] as const) {
      add(`architecture ${kind} ${s.symbol.name}`, "architecture", architectureDiagram(model, { kind, service: s }).text);
      add(`er ${kind} ${s.symbol.name}`, "er", erDiagram(model, { kind, service: s }).text);
    }
  }
  for (const system of [...model.systems, undefined]) {
    add(`architecture system ${system?.symbol.name ?? "(none)"}`, "architecture", architectureDiagram(model, { kind: "system", ...(system ? { system } : {}) }).text);
    add(`er system ${system?.symbol.name ?? "(none)"}`, "er", erDiagram(model, { kind: "system", ...(system ? { system } : {}) }).text);
  }
  for (const ep of model.endpoints) add(`sequence ${ep.service.symbol.name} ${ep.method} ${ep.fullPath}`, "sequence", sequenceDiagram(model, ep).text);
  return out;
}

interface ParseReport {
  failures: { name: string; error: string }[];
  total: number;
  /** Distinct texts parsed here (the others were parsed before). */
  count: number;
  ms: number;
  slowest: { name: string; ms: number };
}

/** Parse results by text: scopes often give the same diagram, and the two example folders hold the same models. */
const parsed = new Map<string, Promise<Awaited<ReturnType<typeof parseMermaid>>>>();

async function parseAll(diagrams: Diagram[]): Promise<ParseReport> {
  const failures: ParseReport["failures"] = [];
  let ms = 0;
  let count = 0;
  let slowest = { name: "", ms: 0 };
  for (const d of diagrams) {
    let pending = parsed.get(d.text);
    const t0 = performance.now();
    if (!pending) {
      count++;
      pending = parseMermaid(d.text);
      parsed.set(d.text, pending);
    }
    const r = await pending;
    const dt = performance.now() - t0;
    ms += dt;
    if (dt > slowest.ms) slowest = { name: d.name, ms: dt };
    if (!r.ok) failures.push({ name: d.name, error: r.error.split("\n").slice(0, 4).join(" / ") });
    else if (r.diagramType !== DIAGRAM_TYPE[d.kind]) failures.push({ name: d.name, error: `diagram type ${r.diagramType}, expected ${DIAGRAM_TYPE[d.kind]}` });
  }
  return { failures, total: diagrams.length, count, ms, slowest };
}

function summary(label: string, r: ParseReport): string {
  return `${label}: ${r.total} diagrams, ${r.count} distinct texts newly parsed in ${r.ms.toFixed(0)} ms (slowest ${r.slowest.ms.toFixed(0)} ms: ${r.slowest.name})`;
}

const exampleFiles = EXAMPLE_DIRS.filter((d) => existsSync(d)).flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith(".arch"))
    .sort()
    .map((f) => join(d, f)),
);

describe("Mermaid parses every generated diagram", () => {
  it("finds the example models", () => {
    expect(exampleFiles.length).toBeGreaterThanOrEqual(2);
  });

  for (const path of exampleFiles) {
    it(`${path.slice(path.lastIndexOf("/", path.lastIndexOf("/") - 1) + 1)}`, async () => {
      const model = load(path);
      const diagrams = allDiagrams(model, path.split("/").slice(-2).join("/"));
      expect(diagrams.filter((d) => d.kind === "sequence").length).toBe(model.endpoints.length);
      const report = await parseAll(diagrams);
      console.info(summary(path, report));
      expect(report.failures).toEqual([]);
    });
  }

  it("diagrams restricted for size still parse", async () => {
    const load = (text: string) => analyze([parse(text, "file:///big.arch")]);
    const restricted = [
      { name: "150 services, workspace", kind: "architecture" as const, result: architectureDiagram(load(manyServices(150)), { kind: "workspace" }) },
      { name: "long labels, workspace", kind: "architecture" as const, result: architectureDiagram(load(longLabels(90)), { kind: "workspace" }) },
      { name: "60 wide entities", kind: "er" as const, result: erDiagram(load(wideEntities(60, 12)), { kind: "workspace" }) },
      { name: "150 wider entities", kind: "er" as const, result: erDiagram(load(wideEntities(150, 40)), { kind: "workspace" }) },
      { name: "fan-out of 300 calls", kind: "sequence" as const, result: sequenceDiagram(load(fanOut(300)), "GET /fan") },
    ];
    for (const r of restricted) {
      expect(r.result.diagnostics.map((d) => d.code), r.name).toContain("mermaid/diagram-too-large");
      expect(r.result.text.length, r.name).toBeLessThanOrEqual(50_000);
    }
    const report = await parseAll(restricted.map((r) => ({ name: r.name, kind: r.kind, text: r.result.text })));
    console.info(summary("restricted for size", report));
    expect(report.failures).toEqual([]);
  });
});

// ---- hostile names ------------------------------------------------------------

const HOSTILE_STRINGS = [
  "<script>alert(1)</script>",
  '"',
  "'",
  "`",
  "```js\nx```",
  "-->",
  "%%",
  "%%{init: {'theme':'dark'}}%%",
  ";",
  "#",
  "#lt;script#gt;",
  "end",
  "{}",
  "}o--||{",
  "direction LR",
  "~T~",
  "\\",
  "<img src=x onerror=alert(1)>",
  "a | b ]) }} >",
  "style:#f00;",
];

/** A model that puts one hostile text into every title, doc comment, description, summary and api base. */
function hostileModel(text: string): Model {
  const str = text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
  const doc = text.replace(/\n/g, " ");
  const source = `/// ${doc}
system Sys "${str}" {
  correlation "traceparent"
  client web "${str}"
  external ext "${str}"
  gateway gw "${str}" {
    routes end, Other
    auth jwt
    timeout 5s
  }
  database db: postgres "${str}"
  cache c: redis "${str}"
  queue q: kafka "${str}" { dead_letter none }

  /// ${doc}
  service end "${str}" {
    description "${str}"
    database db
    uses c ttl 5m
    calls ext timeout 1s breaker
    publishes Ev to q

    /// ${doc}
    entity end {
      /// ${doc}
      id        uuid @id
      /// ${doc}
      parent_id uuid? @ref(end.id)
    }

    event Ev {
      id uuid @key
    }

    /// ${doc}
    api "/v1/${str}" {
      /// ${doc}
      GET /end/{id} -> 200 end, 404 { summary "${str}" }
      POST /end body end -> 201 end, 400 idempotent
    }
  }

  service Other "${str}" {
    consumes Ev from q idempotent
    calls end GET /end/{id} timeout 1s
    api {
      GET /other -> 200 bounded
    }
  }
}
`;
  return analyze([parse(source, "file:///hostile.arch")]);
}

function expectNoMarkup(d: Diagram): void {
  expect(d.text, d.name).not.toMatch(/<script/i);
  expect(d.text, d.name).not.toMatch(/<img/i);
  // The only markup Archwright writes is its own line break.
  expect(d.text.replace(/<br\/>/g, ""), d.name).not.toContain("<");
}

/** Mermaid keywords (flowchart, ER, sequence) used as names of services, entities, columns, types, events and queues. */
const KEYWORDS = [
  "end", "graph", "flowchart", "subgraph", "click", "classDef", "class", "style", "linkStyle", "direction", "default", "call", "href",
  "erDiagram", "PK", "FK", "UK", "u", "o", "x", "one", "many", "only", "zero", "to", "optionally",
  "sequenceDiagram", "participant", "actor", "box", "create", "destroy", "as", "loop", "rect", "opt", "alt", "else", "par", "and",
  "critical", "option", "break", "Note", "over", "activate", "deactivate", "autonumber", "off", "title", "accTitle", "accDescr",
  "links", "link", "properties", "details", "left", "right", "of", "wrap", "nowrap",
];

/** A system of services named by `words`, each calling and consuming from the next, with a database, queue, entity, enum and event. */
function keywordModel(words: string[]): Model {
  const services = words.map((k, i) => {
    const next = words[(i + 1) % words.length]!;
    return `  service ${k} {
    database ${k}_db
    calls ${next} GET /${next}/{${k}} timeout 1s
    publishes ${k}_event to ${k}_queue
    consumes ${next}_event from ${next}_queue idempotent
    enum ${k}_kind { ${k}, ${k === "end" ? "other" : "end"} }
    entity ${k}_entity {
      ${k} uuid @id
      ${k}_ref uuid? @ref(${next}_entity.${next})
      kind ${k}_kind
    }
    event ${k}_event {
      ${k} uuid @key
    }
    api {
      GET /${k}/{${k}} -> 200 ${k}_entity, 404
    }
  }
  database ${k}_db: postgres
  queue ${k}_queue: kafka { dead_letter none }`;
  });
  return analyze([parse(`system keywords {\n  correlation "traceparent"\n${services.join("\n")}\n}\n`, "file:///keywords.arch")]);
}

describe("hostile names, titles, doc comments and strings", () => {
  it("Mermaid keywords as names of everything", async () => {
    // In groups of 10, so that each system's diagrams show every name without being restricted for size.
    const diagrams: Diagram[] = [];
    for (let i = 0; i < KEYWORDS.length; i += 10) {
      const model = keywordModel(KEYWORDS.slice(i, i + 10));
      expect(model.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
      const label = `keywords ${i}`;
      const arch = architectureDiagram(model, { kind: "workspace" });
      const er = erDiagram(model, { kind: "workspace" });
      expect([...arch.diagnostics, ...er.diagnostics]).toEqual([]);
      diagrams.push({ name: `${label} architecture`, kind: "architecture", text: arch.text });
      diagrams.push({ name: `${label} er`, kind: "er", text: er.text });
      for (const ep of model.endpoints) diagrams.push({ name: `${label} sequence ${ep.method} ${ep.fullPath}`, kind: "sequence", text: sequenceDiagram(model, ep).text });
    }
    const report = await parseAll(diagrams);
    console.info(summary("keywords", report));
    expect(report.failures).toEqual([]);
  });

  it("the hostile example model: every diagram parses and carries no raw markup", async () => {
    const model = load(HOSTILE);
    expect(model.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const diagrams = allDiagrams(model, "hostile.arch");
    for (const d of diagrams) expectNoMarkup(d);
    const report = await parseAll(diagrams);
    console.info(summary("hostile.arch", report));
    expect(report.failures).toEqual([]);
  });

  it.each(HOSTILE_STRINGS.map((s) => [JSON.stringify(s), s]))("text %s in every position", async (_label, text) => {
    const model = hostileModel(text);
    expect(model.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
    const diagrams = allDiagrams(model, "hostile");
    for (const d of diagrams) expectNoMarkup(d);
    const report = await parseAll(diagrams);
    expect(report.failures).toEqual([]);
  });
});
