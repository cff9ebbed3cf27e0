import { describe, expect, it } from "vitest";
import rule from "./correlation-id";
import { ruleTester } from "../../../../../test/support/rule-tester";
import { analyze, lint, parse } from "../../../index";

ruleTester(rule, {
  valid: [
    `system Shop {\n  correlation "traceparent"\n  service Orders {}\n}`,
    { name: "a named header", code: `system Shop {\n  correlation "X-Request-ID"\n}` },
    { name: "services outside a system are judged with the workspace's systems", code: `system Shop {\n  correlation "traceparent"\n}\nservice Loose {}` },
    { name: "irrelevant: a file with no services and no system", code: `database db: postgres\nqueue q: kafka` },
  ],
  invalid: [
    {
      name: "a system without correlation",
      code: `system Kiosk { // expect: arch/correlation-id
  owner "kiosk-team"
  service Screens {}
}`,
      output: `system Kiosk { // expect: arch/correlation-id
  correlation "traceparent"
  owner "kiosk-team"
  service Screens {}
}`,
      messages: ["System Kiosk declares no `correlation` header"],
    },
    {
      name: "each system is judged on its own",
      code: `system Bazaar {
  correlation "traceparent"
}
system Kiosk {} // expect: arch/correlation-id`,
      output: `system Bazaar {
  correlation "traceparent"
}
system Kiosk { correlation "traceparent" } // expect: arch/correlation-id`,
    },
    {
      name: "no system: on the first service of the file",
      code: `database db: postgres
service Orders {} // expect: arch/correlation-id
service Billing {}`,
    },
  ],
});

describe("arch/correlation-id across files", () => {
  it("reports the first service of each file when the workspace has no system", () => {
    const model = analyze([parse("service A {}\nservice B {}", "file:///a.arch"), parse("\nservice C {}", "file:///b.arch")]);
    const got = lint(model, { rules: [rule] }).map((d) => `${d.uri}:${d.start}`);
    expect(got).toEqual(["file:///a.arch:8", "file:///b.arch:9"]);
  });
});
