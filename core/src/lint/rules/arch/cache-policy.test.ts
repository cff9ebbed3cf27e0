import rule from "./cache-policy";
import { ruleTester } from "../../../../../test/support/rule-tester";

ruleTester(rule, {
  valid: [
    `cache c: redis\nservice Catalog { uses c ttl 5m }`,
    { name: "ttl none is an explicit choice", code: `cache c: redis\nservice Catalog { uses c ttl none }` },
    { name: "irrelevant: a cache nobody uses", code: `cache c: redis\nservice Catalog {}` },
  ],
  invalid: [
    {
      code: `cache c: redis
service Catalog {
  uses c // expect: arch/cache-policy
}`,
      output: `cache c: redis
service Catalog {
  uses c ttl 5m // expect: arch/cache-policy
}`,
      messages: ["Catalog uses c without a `ttl`"],
    },
    {
      name: "a gateway's cache",
      code: `cache c: redis
gateway edge {
  uses c // expect: arch/cache-policy
  timeout 5s
}`,
      output: `cache c: redis
gateway edge {
  uses c ttl 5m // expect: arch/cache-policy
  timeout 5s
}`,
    },
  ],
});
