import { describe, expect, it } from "vitest";
import { analyze, check, parse, type TextEdit } from "../index";
import { codeActions } from "./code-actions";

const uri = "file:///a.arch";

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

function actionsAt(text: string, needle: string, withDiagnostics = true) {
  const model = analyze([parse(text, uri)]);
  const at = text.indexOf(needle) + 1;
  return codeActions(model, uri, { start: at, end: at }, withDiagnostics ? check(model) : []);
}

const base = `service Shop {
  health "/healthz"
  ready "/readyz"

  entity Book {
    id         uuid        @id @default(uuid)
    title      text
    author_id  uuid        @ref(Author.id)
    created_at timestamptz @default(now)
    updated_at timestamptz @default(now)
  }

  entity Author {
    id   uuid @id @default(uuid)
    name text
  }
}
`;

describe("code actions", () => {
  it("generates CRUD endpoints and request types into a new api", () => {
    const crud = actionsAt(base, "Book {").find((a) => a.title === "Generate CRUD endpoints for Book")!;
    expect(crud.kind).toBe("refactor");
    const after = apply(base, crud.edits);
    expect(after).toContain("GET    /books -> 200 Book[] paginated");
    expect(after).toContain("type NewBook {");
    expect(after).toContain("type BookPatch {\n    title     text?\n    author_id uuid?\n  }");
    const model = analyze([parse(after, uri)]);
    expect(model.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(model.endpoints.map((e) => `${e.method} ${e.fullPath}`)).toEqual(["GET /api/v1/books", "POST /api/v1/books", "GET /api/v1/books/{id}", "PATCH /api/v1/books/{id}", "DELETE /api/v1/books/{id}"]);
  });

  it("adds CRUD endpoints to an existing api", () => {
    const text = base.replace("  entity Author", '  api "/v2" {\n    auth jwt\n  }\n\n  entity Author');
    const crud = actionsAt(text, "Author {").find((a) => a.title.startsWith("Generate CRUD"))!;
    const model = analyze([parse(apply(text, crud.edits), uri)]);
    expect(model.apis).toHaveLength(1);
    expect(model.apis[0]!.endpoints.map((e) => e.fullPath)).toContain("/v2/authors/{id}");
  });

  it("creates a missing entity and adds an FK index", () => {
    const text = base.replace("title      text", "title      Title");
    const create = actionsAt(text, "Title").find((a) => a.title === "Create entity Title in Shop")!;
    expect(analyze([parse(apply(text, create.edits), uri)]).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const index = actionsAt(base, "author_id").find((a) => a.title.startsWith("Add index"))!;
    expect(apply(base, index.edits)).toContain("author_id  uuid        @ref(Author.id) @index");
  });

  it("offers to disable a rule for one line, with a reason placeholder", () => {
    const text = 'service S {\n  health "/healthz"\n  ready "/readyz"\n  api "/v1" {\n    auth jwt\n    ratelimit 1/s\n    GET /tags/ -> 200\n  }\n}\n';
    const actions = actionsAt(text, "GET /tags/");
    const disable = actions.find((a) => a.title === "Disable rest/path-trailing-slash for this line")!;
    const after = apply(text, disable.edits);
    expect(after).toContain("    // archwright-ignore rest/path-trailing-slash: reason\n    GET /tags/");
    expect(check(analyze([parse(after, uri)])).map((d) => d.code)).not.toContain("rest/path-trailing-slash");
    expect(actions.find((a) => a.command?.id === "archwright.showRuleDocs")).toBeDefined();
    expect(actions.find((a) => a.title === "Remove the trailing `/`")?.preferred).toBe(true);
  });
});
