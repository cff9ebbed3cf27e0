// The OpenAPI/SQL highlighter of the preview: everything escaped, the text
// unchanged once the markup is removed, and the main token kinds marked.

import { describe, expect, it } from "vitest";
import { escapeHtml, highlightFile, highlightSql, highlightYaml } from "../../webview/src/highlight";

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
const textOf = (html: string) => unescape(html.replace(/<span class="tok-[a-z]+">|<\/span>/g, ""));

const YAML = `# comment <b>
openapi: 3.1.0
info:
  title: "Orders API: <script>alert('x')</script>"
  description: Carts & orders  # trailing
  version: 1.0.0
paths:
  /orders/{id}:
    get:
      deprecated: false
      tags: [orders]
      parameters:
        - name: id
          in: path
          required: true
      description: |
        line one <i>
        line: two
      x-empty: null
      '200': 'it''s ok'
`;

const SQL = `-- Generated <x>
CREATE SCHEMA IF NOT EXISTS "orders";
CREATE TABLE orders.order_line (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  note text CHECK (note <> '</pre><script>'),
  qty int NOT NULL DEFAULT 1
);
/* block
comment */
COMMENT ON TABLE orders.order_line IS 'it''s a line';
`;

describe("highlightYaml", () => {
  const html = highlightYaml(YAML);

  it("keeps the text and escapes markup", () => {
    expect(textOf(html)).toBe(YAML);
    expect(html).not.toMatch(/<(?!\/?span)/);
    expect(html).toContain("&lt;script&gt;");
  });

  it("marks keys, strings, numbers, literals and comments", () => {
    expect(html).toContain('<span class="tok-key">openapi</span>:');
    expect(html).toContain('<span class="tok-string">1.0.0</span>');
    expect(html).toContain('<span class="tok-string">[orders]</span>');
    expect(html).toContain('<span class="tok-literal">true</span>');
    expect(html).toContain('<span class="tok-literal">false</span>');
    expect(html).toContain('<span class="tok-literal">null</span>');
    expect(html).toContain('<span class="tok-comment"># comment &lt;b&gt;</span>');
    expect(html).toContain('<span class="tok-string">Carts &amp; orders</span> <span class="tok-comment"> # trailing</span>');
    expect(html).toContain('<span class="tok-key">&#39;200&#39;</span>');
    expect(html).toContain('<span class="tok-key">/orders/{id}</span>');
  });

  it("treats block scalars as text", () => {
    expect(html).toContain('<span class="tok-string">        line: two</span>');
  });
});

describe("highlightSql", () => {
  const html = highlightSql(SQL);

  it("keeps the text and escapes markup", () => {
    expect(textOf(html)).toBe(SQL);
    expect(html).not.toMatch(/<(?!\/?span)/);
    expect(html).toContain("&lt;/pre&gt;&lt;script&gt;");
  });

  it("marks keywords, strings, identifiers, numbers and comments", () => {
    expect(html).toContain('<span class="tok-keyword">CREATE</span> <span class="tok-keyword">SCHEMA</span>');
    expect(html).toContain('<span class="tok-ident">&quot;orders&quot;</span>');
    expect(html).toContain('<span class="tok-string">&#39;it&#39;&#39;s a line&#39;</span>');
    expect(html).toContain('<span class="tok-number">1</span>');
    expect(html).toContain('<span class="tok-comment">/* block\ncomment */</span>');
    expect(html).toContain("gen_random_uuid");
  });
});

describe("highlightFile", () => {
  it("chooses by file name", () => {
    expect(highlightFile("a.sql", "SELECT 1")).toContain("tok-keyword");
    expect(highlightFile("a.openapi.yaml", "a: 1")).toContain("tok-key");
  });

  it("escapes every special character", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("survives hostile input", () => {
    for (const text of ["", "\n\n", "'unterminated", '"unterminated', "/* open", "key: 'a", "- - -", ":::", "a:\n  |\n", "\u0000<>&"]) {
      expect(textOf(highlightYaml(text))).toBe(text);
      expect(textOf(highlightSql(text))).toBe(text);
    }
  });
});
