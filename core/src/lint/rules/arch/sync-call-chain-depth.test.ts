import { describe, expect, it } from "vitest";
import rule from "./sync-call-chain-depth";
import { runRule, ruleTester } from "../../../../../test/support/rule-tester";

/** Services S0 → S1 → … → S{n}, each calling the next. */
function chain(n: number, marker = ""): string {
  const out: string[] = [];
  for (let i = 0; i <= n; i++) out.push(i < n ? `service S${i} {\n  calls S${i + 1} timeout 1s${i === 0 ? marker : ""}\n}` : `service S${i} {}`);
  return out.join("\n");
}

ruleTester(rule, {
  valid: [
    { name: "three hops is the limit", code: chain(3) },
    { name: "a wide fan-out is not deep", code: `service A {\n  calls B timeout 1s\n  calls C timeout 1s\n  calls D timeout 1s\n  calls E timeout 1s\n}\nservice B {}\nservice C {}\nservice D {}\nservice E {}` },
    {
      name: "a gateway does not start a chain",
      code: `gateway edge {\n  routes S0\n  timeout 9s\n}\n${chain(3)}`,
    },
    { name: "a cycle is not a chain (arch/cyclic-dependency reports it)", code: `service A { calls B timeout 1s }\nservice B { calls C timeout 1s }\nservice C { calls D timeout 1s }\nservice D { calls E timeout 1s }\nservice E { calls A timeout 1s }` },
    { name: "option: a higher limit", code: chain(5), options: { maxDepth: 5 } },
    { name: "irrelevant: messages are not calls", code: `queue q: kafka\nservice A {\n  publishes E to q\n  event E { id uuid @key }\n}\nservice B { consumes E from q idempotent }` },
  ],
  invalid: [
    { name: "four hops, reported on the first call only", code: chain(4, " // expect: arch/sync-call-chain-depth"), messages: ["S0 starts a chain of 4 synchronous calls (S0 → S1 → S2 → S3 → S4)"] },
    { name: "a longer chain is still reported once, at its start", code: chain(7, " // expect: arch/sync-call-chain-depth"), messages: ["chain of 7"] },
    { name: "option: a lower limit", code: chain(2, " // expect: arch/sync-call-chain-depth"), options: { maxDepth: 1 } },
    {
      name: "the first call of the longest chain, not the first call",
      code: `service A {
  calls X timeout 1s
  calls B timeout 1s // expect: arch/sync-call-chain-depth
}
service X {}
service B { calls C timeout 1s }
service C { calls D timeout 1s }
service D { calls E timeout 1s }
service E {}`,
    },
    {
      name: "hops through a gateway and to an external count",
      code: `external stripe
gateway inner {
  routes B
  timeout 5s
}
service A {
  calls inner timeout 6s // expect: arch/sync-call-chain-depth
}
service B { calls C timeout 1s }
service C { calls stripe timeout 1s }`,
      messages: ["A → inner → B → C → stripe"],
    },
    {
      name: "two chains from two roots are two reports",
      code: `${chain(4, " // expect: arch/sync-call-chain-depth")}
service T0 {
  calls T1 timeout 1s // expect: arch/sync-call-chain-depth
}
service T1 { calls T2 timeout 1s }
service T2 { calls T3 timeout 1s }
service T3 { calls T4 timeout 1s }
service T4 {}`,
    },
    {
      name: "a chain that leaves a cycle: the cycle's entry is the start",
      code: `service P {
  calls Q timeout 1s
  calls S0 timeout 9s // expect: arch/sync-call-chain-depth
}
service Q { calls P timeout 1s }
${chain(3)}`,
    },
  ],
});

describe("arch/sync-call-chain-depth on big graphs", () => {
  it("terminates quickly on a 10,000-service cycle and on a 10,000-service chain", () => {
    const n = 10_000;
    const cycle: string[] = [];
    for (let i = 0; i < n; i++) cycle.push(`service S${i} { calls S${(i + 1) % n} timeout 1s }`);
    expect(runRule(rule, cycle.join("\n")).diagnostics).toHaveLength(0);
    const line: string[] = [];
    for (let i = 0; i < n; i++) line.push(i < n - 1 ? `service S${i} { calls S${i + 1} timeout 1s }` : `service S${i} {}`);
    const { diagnostics } = runRule(rule, line.join("\n"));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toContain(`chain of ${n - 1} synchronous calls`);
  });
});
