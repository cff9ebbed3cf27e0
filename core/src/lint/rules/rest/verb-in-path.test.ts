import { expect, it } from "vitest";
import rule from "./verb-in-path";
import { ruleTester, runRule } from "../../../../../test/support/rule-tester";

const wrap = (endpoints: string) => `service S {
  type T { name text }
  api "/api/v1" {
    ${endpoints}
  }
}`;
const E = "// expect: rest/verb-in-path";

ruleTester(rule, {
  valid: [
    wrap("GET /listings -> 200 T[] paginated"),
    { name: "whole words only", code: wrap(`GET /output -> 200 T
    GET /settings -> 200 T
    GET /addresses -> 200 T[] paginated
    GET /posts -> 200 T[] paginated
    GET /playlists -> 200 T[] paginated
    GET /bus-stops -> 200 T[] paginated`) },
    { name: "controller resource: POST right after an item", code: wrap(`POST /orders/{id}/cancel -> 202 T, 404 idempotent
    POST /orders/{id}/password-reset -> 204, 404
    POST /orders/{id}:archive -> 200 T, 404`) },
    { name: "other words are never flagged", code: wrap(`POST /search body T -> 200 T, 400
    POST /login body T -> 200 T, 400
    GET /exports -> 200 T[] paginated
    POST /uploads body T -> 201 T, 400 idempotent`) },
    { name: "params are not words", code: wrap("GET /items/{getter} -> 200 T, 404") },
    { name: "irrelevant: base words", code: `service S {
  type T { name text }
  api "/api/v1" { GET /items -> 200 T[] paginated }
}` },
  ],
  invalid: [
    {
      name: "leading method word with hyphen",
      code: wrap(`GET /get-listings -> 200 T[] paginated ${E}`),
      output: wrap(`GET /listings -> 200 T[] paginated ${E}`),
    },
    {
      name: "camelCase",
      code: wrap(`GET /getUsers -> 200 T[] paginated ${E}`),
      output: wrap(`GET /users -> 200 T[] paginated ${E}`),
    },
    {
      name: "a run of capitals ends before the capital that starts a word",
      code: wrap(`PUT /PUTImages body T -> 200 T, 400 ${E}`),
      output: wrap(`PUT /images body T -> 200 T, 400 ${E}`),
    },
    {
      name: "a segment that is only the verb",
      code: wrap(`POST /listings/create body T -> 201 T, 400 idempotent ${E}`),
      output: wrap(`POST /listings body T -> 201 T, 400 idempotent ${E}`),
    },
    {
      name: "verb after an item",
      code: wrap(`PUT /listings/{id}/update body T -> 200 T, 400, 404 ${E}`),
      output: wrap(`PUT /listings/{id} body T -> 200 T, 400, 404 ${E}`),
    },
    { name: "method word not leading: no fix", code: wrap(`GET /users/{id}/profile-update -> 200 T, 404 ${E}`), output: wrap(`GET /users/{id}/profile-update -> 200 T, 404 ${E}`) },
    { name: "method word that the method does not say: no fix", code: wrap(`POST /users/delete body T -> 200 T, 400 ${E}`), output: wrap(`POST /users/delete body T -> 200 T, 400 ${E}`) },
    { name: "snake_case", code: wrap(`DELETE /remove_items/{id} -> 204, 404 ${E}`), output: wrap(`DELETE /items/{id} -> 204, 404 ${E}`) },
    { name: "action word on a collection", code: wrap(`POST /orders/cancel -> 200 T ${E}`), messages: ["names an action (`cancel`)"] },
    { name: "action word in a leading segment", code: wrap(`POST /cancel-order -> 200 T ${E}`) },
    { name: "action word not last", code: wrap(`POST /orders/{id}/cancel/items -> 200 T, 404 ${E}`) },
    {
      name: "action word on another method: offered as a POST controller",
      code: wrap(`PUT /orders/{id}/cancel -> 200 T, 404 ${E}`),
      output: wrap(`POST /orders/{id}/cancel -> 200 T, 404 ${E}`),
    },
    {
      name: "calls naming the endpoint follow",
      code: `service S {
  type T { name text }
  api "/api/v1" {
    GET /getUsers/{id} -> 200 T, 404 ${E}
  }
}
service C {
  calls S GET /api/v1/getUsers/{uid} timeout 1s
}`,
      output: `service S {
  type T { name text }
  api "/api/v1" {
    GET /users/{id} -> 200 T, 404 ${E}
  }
}
service C {
  calls S GET /api/v1/users/{uid} timeout 1s
}`,
    },
  ],
});

it("prefers the rename only when the new path is free", () => {
  const clash = runRule(rule, wrap(`GET /get-listings -> 200 T[] paginated
    GET /listings -> 200 T[] paginated`)).diagnostics;
  expect(clash.map((d) => d.fixes?.[0]?.preferred)).toEqual([false]);
  const free = runRule(rule, wrap("GET /get-listings -> 200 T[] paginated")).diagnostics;
  expect(free.map((d) => d.fixes?.[0]?.preferred)).toEqual([true]);
  const base = runRule(rule, wrap("POST /create body T -> 201 T, 400 idempotent")).diagnostics;
  expect(base.map((d) => d.fixes?.[0]?.preferred)).toEqual([false]);
});

it("the POST-controller fix is never preferred", () => {
  const [d] = runRule(rule, wrap("PUT /orders/{id}/cancel -> 200 T, 404")).diagnostics;
  expect(d?.fixes?.map((f) => !!f.preferred)).toEqual([false]);
});
