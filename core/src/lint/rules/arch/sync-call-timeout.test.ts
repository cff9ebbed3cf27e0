import { describe, expect, it } from "vitest";
import rule from "./sync-call-timeout";
import { runRule, ruleTester } from "../../../../../test/support/rule-tester";

const catalog = `service Catalog {
  api "/api/v1" {
    GET /products/{id} -> 200 Product, 404
  }
  type Product { id uuid }
}`;

ruleTester(rule, {
  valid: [
    { name: "calls with timeouts", code: `${catalog}\nexternal stripe\nservice Orders {\n  calls Catalog GET /products/{id} timeout 300ms retries 2 breaker\n  calls stripe timeout 2s breaker\n}` },
    {
      name: "the shop: a gateway's 5s covers Orders' calls (300ms × 3 and 2s)",
      code: `${catalog}
external stripe
gateway edge {
  routes Catalog, Orders
  timeout 5s
}
service Orders {
  calls Catalog GET /products/{id} timeout 300ms retries 2 breaker
  calls stripe timeout 2s breaker
}`,
    },
    { name: "a caller's timeout above the callee's budget", code: `service A { calls B timeout 2001ms }\nservice B { calls C timeout 500ms retries 3 }\nservice C {}` },
    { name: "a callee's call without a timeout is not counted in the budget", code: `service A { calls B timeout 1s }\nservice B {\n  calls C // archwright-ignore arch/sync-call-timeout: tested elsewhere\n}\nservice C {}` },
    { name: "no budget is judged around a cycle", code: `service A { calls B timeout 1s }\nservice B { calls A timeout 5s }` },
    { name: "irrelevant: messages and stores", code: `queue q: kafka\ndatabase db: postgres\nservice A {\n  database db\n  publishes E to q\n  event E { id uuid @key }\n}` },
  ],
  invalid: [
    {
      name: "a call without a timeout",
      code: `${catalog}
service Orders {
  calls Catalog GET /products/{id} retries 2 // expect: arch/sync-call-timeout
}`,
      output: `${catalog}
service Orders {
  calls Catalog GET /products/{id} timeout 2s retries 2 // expect: arch/sync-call-timeout
}`,
      messages: ["Orders calls Catalog without a timeout"],
    },
    {
      name: "the proposed timeout covers what the target waits for",
      code: `service A {
  calls B // expect: arch/sync-call-timeout
}
service B { calls C timeout 2s retries 3 }
service C {}`,
      output: `service A {
  calls B timeout 10s // expect: arch/sync-call-timeout
}
service B { calls C timeout 2s retries 3 }
service C {}`,
    },
    {
      name: "inside a cycle the plain default is proposed",
      code: `service A { calls B timeout 10s }
service B {
  calls A // expect: arch/sync-call-timeout
}`,
      output: `service A { calls B timeout 10s }
service B {
  calls A timeout 2s // expect: arch/sync-call-timeout
}`,
    },
    {
      name: "a gateway without a timeout, once on its name",
      code: `service A {}
service B {}
gateway edge { // expect: arch/sync-call-timeout
  routes A, B
  auth jwt
}`,
      output: `service A {}
service B {}
gateway edge { // expect: arch/sync-call-timeout
  timeout 5s
  routes A, B
  auth jwt
}`,
    },
    {
      name: "a one-line gateway",
      code: `service A {}\ngateway edge { routes A } // expect: arch/sync-call-timeout`,
      output: `service A {}\ngateway edge { routes A; timeout 5s } // expect: arch/sync-call-timeout`,
    },
    {
      name: "the budget: a caller's timeout no longer than its callee's timeout × attempts",
      code: `service A {
  calls B timeout 1s // expect: arch/sync-call-timeout
}
service B {
  calls C timeout 300ms retries 3
  calls D timeout 500ms
}
service C {}
service D {}`,
      messages: ["A gives B 1s, but B may need longer: its call to C can take 300ms × 4 attempts = 1200ms"],
    },
    {
      name: "the budget: equal is not enough",
      code: `service A {
  calls B timeout 2s // expect: arch/sync-call-timeout
}
service B { calls C timeout 2s }
service C {}`,
    },
    {
      name: "the budget of a gateway route",
      code: `service A { calls B timeout 3s }
service B {}
gateway edge {
  routes A // expect: arch/sync-call-timeout
  timeout 2s
}`,
      messages: ["Gateway edge gives A 2s (its `timeout`)"],
    },
    {
      name: "a client's call",
      code: `service A {}
client web {
  calls A // expect: arch/sync-call-timeout
}`,
    },
  ],
});

describe("arch/sync-call-timeout severities", () => {
  it("a call to an external system without a timeout is an error, others warnings", () => {
    const { diagnostics } = runRule(rule, `external stripe\nservice B {}\nservice A {\n  calls stripe\n  calls B\n}`);
    expect(diagnostics.map((d) => d.severity)).toEqual(["error", "warning"]);
  });
});
