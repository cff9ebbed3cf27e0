// arch/correlation-id: a system names the header that carries the trace through every call and event.

import { nameSpan } from "../../spans";
import { defineRule } from "../../rule";
import { insertIntoBlock } from "./_edits";

export default defineRule({
  id: "arch/correlation-id",
  category: "arch",
  severity: "warning",
  summary: 'A system declares its correlation header: `correlation "traceparent"`.',
  fixable: true,
  docs: {
    why: "One user request crosses many services, queues and retries. Without an id that every call and event carries, its path cannot be followed through the logs and traces, and an incident turns into guesswork. The system declares which header carries it (W3C `traceparent`, or a named header such as `X-Request-ID`), so that generated clients, servers and event envelopes propagate it. Reported once, on the system's name; a workspace with no system at all is reported on the first service of each file.",
    incorrect: `system Shop {
  service Orders {
    health "/healthz"
    ready "/readyz"
  }
}`,
    correct: `system Shop {
  correlation "traceparent"
  service Orders {
    health "/healthz"
    ready "/readyz"
  }
}`,
    fix: 'Adds `correlation "traceparent"` (W3C Trace Context) to the system. Safe; change the header if your platform uses another.',
    sources: ["Zalando #233 (X-Flow-ID), #184", "MS-API http-header-request-id", "W3C Trace Context"],
  },
  check({ model, report, text }) {
    for (const system of model.systems) {
      if (system.properties.some((p) => p.key.text === "correlation")) continue;
      const block = system.decl.block;
      report({
        uri: system.uri,
        ...nameSpan(system),
        message: `System ${system.symbol.name} declares no \`correlation\` header: requests cannot be followed across its services and queues. Add \`correlation "traceparent"\`.`,
        ...(block ? { fixes: [{ title: 'Add `correlation "traceparent"`', preferred: true, edits: [insertIntoBlock(text(system.uri), system.uri, block, ['correlation "traceparent"'])] }] } : {}),
      });
    }
    if (model.systems.length > 0) return; // services outside the systems are judged with them
    const firstOfFile = new Map<string, (typeof model.services)[number]>();
    for (const service of model.services) if (!service.system && !firstOfFile.has(service.uri)) firstOfFile.set(service.uri, service);
    for (const service of firstOfFile.values()) {
      report({
        uri: service.uri,
        ...nameSpan(service),
        message: `These services belong to no system, so nothing declares the \`correlation\` header that carries a request across them: wrap them in a \`system\` with \`correlation "traceparent"\`.`,
      });
    }
  },
});
