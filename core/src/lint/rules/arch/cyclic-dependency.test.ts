import { describe, expect, it } from "vitest";
import rule from "./cyclic-dependency";
import { runRule, ruleTester } from "../../../../../test/support/rule-tester";

ruleTester(rule, {
  valid: [
    { name: "a chain", code: `service A { calls B timeout 2s }\nservice B { calls C timeout 1s }\nservice C {}` },
    {
      name: "an event closes no cycle",
      code: `queue q: kafka
service A { calls B timeout 2s }
service B {
  publishes Done to q
  event Done { id uuid @key }
}
service C {
  consumes Done from q idempotent
  calls A timeout 3s
}`,
    },
    { name: "diamond", code: `service A {\n  calls B timeout 2s\n  calls C timeout 2s\n}\nservice B { calls D timeout 1s }\nservice C { calls D timeout 1s }\nservice D {}` },
    { name: "irrelevant: externals and clients", code: `external stripe\nclient web { calls A timeout 5s }\nservice A { calls stripe timeout 2s }` },
  ],
  invalid: [
    {
      name: "two services: reported on the first declared one's call",
      code: `service Reports {
  calls Billing timeout 10s // expect: arch/cyclic-dependency
}
service Billing {
  calls Reports
}`,
      messages: ["Reports → Billing → Reports"],
    },
    {
      name: "three services declared out of cycle order",
      code: `service B {
  calls C timeout 1s // expect: arch/cyclic-dependency
}
service A { calls B timeout 1s }
service C { calls A timeout 1s }`,
      messages: ["B → C → A → B"],
    },
    {
      name: "a service calling itself",
      code: `service A {
  calls A timeout 1s // expect: arch/cyclic-dependency
}`,
      messages: ["A calls itself"],
    },
    {
      name: "through a gateway",
      code: `gateway edge {
  routes A
  timeout 5s
}
service A {
  calls edge timeout 4s // expect: arch/cyclic-dependency
}`,
      messages: ["A → edge → A"],
    },
    {
      name: "two separate cycles are two reports; the first call that closes one is chosen",
      code: `service A {
  calls X timeout 1s
  calls B timeout 1s // expect: arch/cyclic-dependency
}
service B { calls A timeout 1s }
service X {}
service C {
  calls D timeout 1s // expect: arch/cyclic-dependency
}
service D { calls C timeout 1s }`,
    },
    {
      name: "one knot of several cycles is reported once, naming the others",
      code: `service A {
  calls B timeout 1s // expect: arch/cyclic-dependency
}
service B {
  calls A timeout 1s
  calls C timeout 1s
}
service C { calls B timeout 1s }`,
      messages: ["A → B → A. C is caught in it too"],
    },
  ],
});

describe("arch/cyclic-dependency on big graphs", () => {
  it("reports a 10,000-service cycle once, quickly, with related information for every other call", () => {
    const n = 10_000;
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`service S${i} { calls S${(i + 1) % n} timeout 1s }`);
    const start = performance.now();
    const { diagnostics } = runRule(rule, lines.join("\n"));
    const ms = performance.now() - start;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.related).toHaveLength(n - 1);
    expect(diagnostics[0]!.message).toContain("S0 → S1");
    expect(ms).toBeLessThan(10_000);
  });
});
