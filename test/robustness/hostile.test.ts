// Hostile names and texts: strings with markup, quotes, comment and statement
// delimiters, and SQL reserved words as table and column names. The generated
// OpenAPI passes Redocly and carries the texts as plain data; the SQL runs on
// PostgreSQL and creates exactly the declared objects, with the comments intact;
// Mermaid parses and contains no markup.

import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { analyze, check, parse } from "../../core/src/index";
import { generate } from "../../core/src/generators/index";
import { parseMermaid } from "../support/mermaid";
import { runDdlIsolated } from "../support/postgres";
import { validateOpenApi } from "../support/validate-openapi";

const NASTY = [
  "<script>window.__pwned=1</script>",
  '<img src=x onerror="alert(1)">',
  'say "hi"',
  "it's",
  "`rm -rf /`",
  "a --> b",
  "%% not a comment",
  "x; DROP TABLE users; --",
  "$$ dollar $$",
  "line\\nbreak",
  "end",
  "{curly} [square] (round)",
  "#35; &amp; &lt;",
];

// One model with a nasty text in every place a string can go.
const text = `/// ${NASTY[0]}
system Evil "${NASTY[1]!.replace(/"/g, '\\"')}" {
  owner "${NASTY[2]!.replace(/"/g, '\\"')}"
  correlation "traceparent"

  database evil_db: postgres
  queue evil_q: kafka { dead_letter evil_dlq; max_deliveries 5 }
  queue evil_dlq: kafka

  /// ${NASTY[3]} ${NASTY[4]}
  service Select "${NASTY[5]}" {
    database evil_db
    health "/healthz"
    ready "/readyz"
    publishes Order to evil_q

    enum Status { end, select, user }

    /// ${NASTY[7]}
    entity User {
      id     uuid   @id @default(uuid)
      /// ${NASTY[6]}
      select text   @check("length(\\"select\\") < 100")
      order  int    @min(0)
      "from" text
      status Status @default(end)
    }

    /// ${NASTY[8]}
    entity Table {
      id      uuid @id @default(uuid)
      user_id uuid @ref(User.id) @index
      group   text
    }

    event Order {
      id uuid @key
      /// ${NASTY[9]}
      where text
    }

    api "/api/v1" {
      auth jwt
      ratelimit 10/s per client
      /// ${NASTY[10]} ${NASTY[11]} ${NASTY[12]}
      GET /users/{id} -> 200 User, 404 { summary "${NASTY[1]!.replace(/"/g, '\\"')}" }
    }
  }
}
`.replace('      "from" text\n', "      from   text\n");

describe("hostile names and texts", () => {
  const model = analyze([parse(text, "file:///evil.arch")]);

  it("is a valid model", () => {
    expect(check(model).filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  });

  it("OpenAPI passes Redocly and carries the texts as data", async () => {
    const [doc] = generate(model, { target: "openapi", service: "Select" }).files;
    const result = await validateOpenApi(doc!.text);
    expect(result.errors.map((e) => e.message)).toEqual([]);
    const parsed = parseYaml(doc!.text) as { info: { description: string }; paths: Record<string, { get: { summary: string; description: string } }> };
    expect(parsed.info.description).toContain(`${NASTY[3]} ${NASTY[4]}`);
    const op = parsed.paths["/users/{id}"]!.get;
    expect(op.summary).toBe(NASTY[1]);
    expect(op.description).toContain(NASTY[11]);
  });

  it("SQL runs on PostgreSQL and creates exactly the declared objects", async () => {
    const [ddl] = generate(model, { target: "sql", whole: true }).files;
    const result = await runDdlIsolated(ddl!.text);
    expect(result.error, ddl!.text).toBeUndefined();
    expect(result.tables.map((t) => t.table).sort()).toEqual(["tables", "users"]);
    const users = result.tables.find((t) => t.table === "users")!;
    expect(users.columns.map((c) => c.name)).toEqual(["id", "select", "order", "from", "status"]);
    expect(users.comment).toBe(NASTY[7]);
    expect(users.columns.find((c) => c.name === "select")!.comment).toBe(NASTY[6]);
    expect(result.tables.find((t) => t.table === "tables")!.comment).toBe(NASTY[8]);
  });

  it("Mermaid parses every diagram and contains no markup", async () => {
    const diagrams = [
      ...generate(model, { target: "mermaid", diagram: "architecture" }).files,
      ...generate(model, { target: "mermaid", diagram: "er", service: "Select" }).files,
      ...generate(model, { target: "mermaid", diagram: "sequence", endpoint: "GET /api/v1/users/{id}" }).files,
    ];
    expect(diagrams.length).toBe(3);
    for (const d of diagrams) {
      const parsed = await parseMermaid(d.text);
      expect(parsed.ok, `${d.path}: ${parsed.ok ? "" : parsed.error}`).toBe(true);
      // Markup is inert only if no raw `<` survives (Mermaid's own line break excepted).
      expect(d.text, d.text).not.toMatch(/<(?!br\/>)/);
    }
  });

});
