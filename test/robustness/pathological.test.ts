// Pathological inputs, each a regression test: the parser, the analysis and
// the linter finish without throwing or overflowing the stack, and every
// range stays inside the text.

import { describe, expect, it } from "vitest";
import { analyze, check, parse, Workspace, type Diagnostic } from "../../core/src/index";
import { formatText } from "../../core/src/ide/format";

function inside(text: string, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) expect(d.start >= 0 && d.start <= d.end && d.end <= text.length, `${d.code} ${d.start}..${d.end}`).toBe(true);
}

function full(text: string): Diagnostic[] {
  const diagnostics = check(analyze([parse(text, "file:///p.arch")]));
  inside(text, diagnostics);
  return diagnostics;
}

describe("pathological inputs", () => {
  it("10,000 nested braces", () => {
    const text = "{".repeat(10_000) + "}".repeat(10_000);
    expect(full(text).length).toBeGreaterThan(0);
    const inService = "service S " + "{".repeat(10_000);
    expect(full(inService).some((d) => d.code.startsWith("syntax/"))).toBe(true);
  });

  it("a line of a million characters", () => {
    full('service S {\n  owner "' + "x".repeat(1_000_000) + '"\n}\n');
    full("service " + "x".repeat(1_000_000) + " {}\n");
    full("service S { " + "@".repeat(1_000_000) + " }\n");
  });

  it("a 5 MB model", () => {
    let text = "";
    let i = 0;
    while (text.length < 5_000_000) {
      text += `service S${i} {\n  health "/healthz"\n  ready "/readyz"\n  entity E${i} {\n    id uuid @id @default(uuid)\n    name text\n  }\n}\n`;
      i++;
    }
    const model = analyze([parse(text, "file:///big.arch")]);
    expect(model.services.length).toBe(i);
    expect(model.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  }, 120_000);

  it("10,000 services in one cycle", () => {
    let text = 'system Big {\n  correlation "traceparent"\n';
    for (let k = 0; k < 10_000; k++) text += `  service S${k} {\n    health "/h"\n    ready "/r"\n    calls S${(k + 1) % 10_000} timeout 1s\n  }\n`;
    text += "}\n";
    const cycles = full(text).filter((d) => d.code === "arch/cyclic-dependency");
    expect(cycles).toHaveLength(1);
  }, 120_000);

  it("a self-referencing entity", () => {
    const text = 'service S {\n  health "/h"\n  ready "/r"\n  entity Node {\n    id        uuid  @id @default(uuid)\n    parent_id uuid? @ref(Node.id) @index\n  }\n}\n';
    expect(full(text).filter((d) => d.severity === "error")).toEqual([]);
  });

  it("two files importing each other", () => {
    const ws = new Workspace();
    ws.set("file:///a.arch", 'import "./b.arch"\nservice A {\n  health "/h"\n  ready "/r"\n  calls B timeout 1s\n}\n');
    ws.set("file:///b.arch", 'import "./a.arch"\nservice B {\n  health "/h"\n  ready "/r"\n}\n');
    const d = check(ws.getModel());
    expect(d.filter((x) => x.severity === "error")).toEqual([]);
  });

  it("NUL bytes, a BOM, CRLF and emoji", () => {
    for (const text of ["\uFEFFservice S {\r\n  health \"/h\"\r\n}\r\n", "service S\u0000 {}", "service 🚀 { entity 🧪 { id uuid } }", "service S {\n  owner \"\uD83D\"\n}"]) {
      full(text);
      const formatted = formatText(text);
      expect(formatText(formatted)).toBe(formatted);
    }
  });
});
