import rule from "./health-check";
import { ruleTester } from "../../../../../test/support/rule-tester";

ruleTester(rule, {
  valid: [
    `service Orders {\n  health "/healthz"\n  ready "/readyz"\n}`,
    { name: "paths written bare", code: `service Orders {\n  health /live\n  ready /ready\n}` },
    { name: "one line", code: `service Orders { health "/healthz"; ready "/readyz" }` },
    { name: "irrelevant: gateways, databases, clients and externals", code: `gateway edge { timeout 5s }\ndatabase db: postgres\nclient web\nexternal stripe\ncache c: redis\nqueue q: kafka` },
  ],
  invalid: [
    {
      name: "neither probe: both lines at the members' indentation",
      code: `system Shop {
  service Reports { // expect: arch/health-check
    tech "Go"
    reads db
  }
  database db: postgres
}`,
      output: `system Shop {
  service Reports { // expect: arch/health-check
    health "/healthz"
    ready "/readyz"
    tech "Go"
    reads db
  }
  database db: postgres
}`,
      messages: ["Service Reports declares no `health` (liveness) or `ready` (readiness) probe"],
    },
    {
      name: "no ready: added after health",
      code: `service Orders { // expect: arch/health-check
  tech "Go"
  health "/healthz"
  replicas 2
}`,
      output: `service Orders { // expect: arch/health-check
  tech "Go"
  health "/healthz"
  ready "/readyz"
  replicas 2
}`,
    },
    {
      name: "no health: added before ready",
      code: `service Orders { // expect: arch/health-check
\tready "/readyz"
}`,
      output: `service Orders { // expect: arch/health-check
\thealth "/healthz"
\tready "/readyz"
}`,
    },
    {
      name: "an empty service",
      code: `service Orders {} // expect: arch/health-check`,
      output: `service Orders { health "/healthz"; ready "/readyz" } // expect: arch/health-check`,
    },
    {
      name: "an empty block over two lines",
      code: `  service Orders { // expect: arch/health-check
  }`,
      output: `  service Orders { // expect: arch/health-check
    health "/healthz"
    ready "/readyz"
  }`,
    },
    {
      name: "the same path for both",
      code: `service Orders { // expect: arch/health-check
  health "/health"
  ready "/health/"
}`,
      output: `service Orders { // expect: arch/health-check
  health "/health"
  ready "/readyz"
}`,
      messages: ["uses `/health` for both"],
    },
  ],
});
