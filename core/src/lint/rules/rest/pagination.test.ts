import { expect, it } from "vitest";
import rule from "./pagination";
import { ruleTester, runRule } from "../../../../../test/support/rule-tester";

const wrap = (endpoints: string) => `service S {
  type T { name text }
  api "/api/v1" {
    ${endpoints}
  }
}`;
const E = "// expect: rest/pagination";

ruleTester(rule, {
  valid: [
    wrap("GET /listings -> 200 T[] paginated"),
    { name: "bounded opt-out", code: wrap("GET /currencies -> 200 T[] bounded") },
    { name: "irrelevant: single item", code: wrap("GET /items/{id} -> 200 T, 404") },
    { name: "irrelevant: POST returning a list (rest/top-level-array-response)", code: wrap("POST /batches body T -> 200 T[], 400") },
  ],
  invalid: [
    { code: wrap(`GET /listings -> 200 T[] ${E}`), output: wrap(`GET /listings -> 200 T[] paginated ${E}`) },
    {
      name: "flag goes before the block",
      code: wrap(`GET /categories/{id}/products -> 200 T[], 404 { cache 60s } ${E}`),
      output: wrap(`GET /categories/{id}/products -> 200 T[], 404 paginated { cache 60s } ${E}`),
    },
    { name: "after other flags", code: wrap(`GET /old -> 200 T[] deprecated ${E}`), output: wrap(`GET /old -> 200 T[] deprecated paginated ${E}`) },
  ],
});

it("offers bounded as the alternative", () => {
  const [d] = runRule(rule, wrap("GET /listings -> 200 T[]")).diagnostics;
  expect(d?.fixes?.map((f) => [f.title, !!f.preferred])).toEqual([
    ["Add `paginated`", true],
    ["Mark the list `bounded`", false],
  ]);
});
