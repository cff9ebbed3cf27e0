import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, check, dumpFile, parse } from "../index";
import { formatEdits, formatText } from "./format";

/** The tree without positions: equal for two texts that say the same thing. */
function shape(text: string): string {
  return dumpFile(parse(text, "file:///m.arch")).replace(/ \d+\.\.\d+/g, "");
}

function findings(text: string): string[] {
  return check(analyze([parse(text, "file:///m.arch")])).map((d) => `${d.code}: ${d.message}`);
}

const roots = [join(__dirname, "../../../examples"), join(__dirname, "../../../test/parser/ok")];
const models = roots.flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".arch")).map((f) => join(d, f)));

describe("formatter", () => {
  for (const path of models) {
    it(`is idempotent and keeps the meaning of ${path.split("/").slice(-2).join("/")}`, () => {
      const text = readFileSync(path, "utf8");
      const once = formatText(text);
      expect(formatText(once)).toBe(once);
      expect(shape(once)).toBe(shape(text));
      expect(findings(once).sort()).toEqual(findings(text).sort());
    });
  }

  it("indents by block depth and aligns fields and endpoints", () => {
    const input = `service S {
api "/v1" {
GET /a -> 200 T
  POST   /abc   body T  ->   201 T,400
}
entity E {
id uuid @id
name_long text?
}
}
`;
    expect(formatText(input)).toBe(`service S {
  api "/v1" {
    GET  /a          -> 200 T
    POST /abc body T -> 201 T, 400
  }
  entity E {
    id        uuid @id
    name_long text?
  }
}
`);
  });

  it("keeps glued tokens glued and trailing comments aligned", () => {
    const input = 'service S {\n  api "/v1" {\n    auth oauth2 orders:write\n    GET /a -> 200 T // one\n    GET /bbbb -> 200 T    // two\n  }\n}\n';
    const out = formatText(input);
    expect(out).toContain("auth oauth2 orders:write");
    expect(out).toContain("    GET /a    -> 200 T // one\n    GET /bbbb -> 200 T // two\n");
  });

  it("leaves a file with syntax errors alone", () => {
    const broken = "service S {\n      entity E {\n  id\n}\n";
    expect(formatText(broken)).toBe(broken);
    expect(formatEdits("file:///m.arch", broken)).toEqual([]);
  });

  it("collapses blank lines and keeps CRLF line ends", () => {
    expect(formatText("service S {\r\n\r\n\r\n  health \"/h\"\r\n}\r\n")).toBe("service S {\r\n\r\n  health \"/h\"\r\n}\r\n");
  });

  it("returns line edits limited to a range", () => {
    const text = "service S {\nhealth \"/h\"\nready \"/r\"\n}\n";
    const edits = formatEdits("file:///m.arch", text, { start: text.indexOf("ready"), end: text.indexOf("ready") + 3 });
    expect(edits).toEqual([{ uri: "file:///m.arch", start: text.indexOf("ready"), end: text.indexOf("ready") + 10, newText: '  ready "/r"' }]);
  });
});
