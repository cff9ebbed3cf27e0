// arch/health-check: every service has distinct liveness and readiness probes.

import type { TextEdit } from "../../../diagnostics/diagnostic";
import type { Property } from "../../../syntax/ast";
import { nameSpan } from "../../spans";
import { defineRule } from "../../rule";
import { insertIntoBlock, insertLinesAfter, insertLinesBefore, startsLine } from "./_edits";

const HEALTH = "/healthz";
const READY = "/readyz";

export default defineRule({
  id: "arch/health-check",
  category: "arch",
  severity: "warning",
  summary: "Every service declares `health` and `ready` probes, on different paths.",
  fixable: true,
  scope: "file",
  docs: {
    why: "Orchestrators and load balancers decide from probes whether to restart an instance (liveness, `health`) and whether to send it traffic (readiness, `ready`). Without them a hung instance keeps its traffic, and one still warming up gets requests it cannot serve. The two answer different questions: an instance whose database is down is alive but not ready, and restarting it does not help. One path for both turns a dependency outage into a restart storm. Only services are judged; gateways, databases and clients are run by their own platforms.",
    incorrect: `service Orders {
  tech "TypeScript, Fastify"
}`,
    correct: `service Orders {
  tech "TypeScript, Fastify"
  health "/healthz"
  ready "/readyz"
}`,
    fix: 'Inserts the missing `health "/healthz"` and `ready "/readyz"` lines next to each other (a `ready` sharing the `health` path is changed to `/readyz`). Safe; the service must then serve those paths.',
    sources: ["MS-Arch patterns/health-endpoint-monitoring", "kube-score pod-probes, pod-probes-identical"],
  },
  check({ model, report, text }) {
    for (const service of model.services) {
      const health = service.properties.find((p) => p.key.text === "health");
      const ready = service.properties.find((p) => p.key.text === "ready");
      const uri = service.uri;
      const source = text(uri);
      const name = service.symbol.name;
      if (health && ready) {
        const h = probePath(health);
        const r = probePath(ready);
        if (h === undefined || h !== r) continue;
        const value = ready.values[0]!;
        const other = h === READY ? "/ready" : READY;
        report({
          uri,
          ...nameSpan(service),
          message: `Service ${name} uses \`${h}\` for both its \`health\` and \`ready\` probes: an instance that is alive but not ready (its database is down) then gets restarted instead of taken out of traffic.`,
          related: [{ uri, start: ready.start, end: ready.end, message: "the readiness probe" }],
          fixes: [{ title: `Change \`ready\` to \`${other}\``, preferred: true, edits: [{ uri, start: value.start, end: value.end, newText: `"${other}"` }] }],
        });
        continue;
      }
      const missing = [!health ? `health "${HEALTH}"` : undefined, !ready ? `ready "${READY}"` : undefined].filter((s): s is string => !!s);
      let edit: TextEdit | undefined;
      if (health && startsLine(source, health.start)) edit = insertLinesAfter(source, uri, health.end, missing);
      else if (ready && startsLine(source, ready.start)) edit = insertLinesBefore(source, uri, ready.start, missing);
      else if (service.decl.block) edit = insertIntoBlock(source, uri, service.decl.block, missing);
      const what = !health && !ready ? "no `health` (liveness) or `ready` (readiness) probe" : !health ? "no `health` (liveness) probe" : "no `ready` (readiness) probe";
      report({
        uri,
        ...nameSpan(service),
        message: `Service ${name} declares ${what}: the orchestrator cannot tell a hung instance from a busy one, or one still starting from one ready for traffic.`,
        ...(edit ? { fixes: [{ title: `Add ${missing.map((m) => `\`${m}\``).join(" and ")}`, preferred: true, edits: [edit] }] } : {}),
      });
    }
  },
});

function probePath(p: Property): string | undefined {
  const v = p.values[0];
  return v && (v.valueKind === "string" || v.valueKind === "path") ? v.text.replace(/\/+$/, "") || "/" : undefined;
}
