import { expect, it } from "vitest";
import rule from "./success-response";
import { ruleTester, runRule } from "../../../../../test/support/rule-tester";

const wrap = (endpoints: string) => `service S {
  type T { name text }
  api "/api/v1" {
    ${endpoints}
  }
}`;
const E = "// expect: rest/success-response";

ruleTester(rule, {
  valid: [
    wrap("GET /items/{id} -> 200 T, 404"),
    { name: "204", code: wrap("DELETE /items/{id} -> 204, 404") },
    { name: "a redirect is a success contract", code: wrap("GET /latest -> 302") },
    { name: "202", code: wrap("POST /jobs -> 202 T async idempotent") },
    // The tester rejects models with syntax errors, so the broken case is below.
  ],
  invalid: [
    { name: "only errors", code: wrap(`PUT /items/{id} -> 404 ${E}`), output: wrap(`PUT /items/{id} -> 204, 404 ${E}`), messages: ["declares only error responses"] },
    { name: "GET: no fix", code: wrap(`GET /items/{id} -> 404 ${E}`), output: wrap(`GET /items/{id} -> 404 ${E}`) },
    { name: "HEAD gets 200", code: wrap(`HEAD /items/{id} -> 404 ${E}`), output: wrap(`HEAD /items/{id} -> 200, 404 ${E}`) },
    { name: "no responses at all", code: wrap(`GET /items ${E}`), messages: ["declares no responses"] },
    { name: "1xx is not a success", code: wrap(`GET /items -> 100 ${E}`) },
    { name: "DELETE gets 204", code: wrap(`DELETE /items/{id} -> 404 ${E}`), output: wrap(`DELETE /items/{id} -> 204, 404 ${E}`) },
    { name: "DELETE without responses", code: wrap(`DELETE /items/{id} ${E}`), output: wrap(`DELETE /items/{id} -> 204 ${E}`) },
  ],
});

it("204 is preferred only for DELETE", () => {
  const d = runRule(rule, wrap(`DELETE /a -> 404
    PUT /b -> 404
    POST /c -> 400`)).diagnostics;
  expect(d.map((x) => x.fixes?.map((f) => !!f.preferred))).toEqual([[true], [false], [false]]);
});

it("stays quiet on an endpoint with a syntax error (one error per broken construct)", () => {
  const { diagnostics, all } = runRule(rule, wrap("GET /a body -> 200 T"));
  expect(all.some((x) => x.code.startsWith("syntax/"))).toBe(true);
  expect(diagnostics).toEqual([]);
});
