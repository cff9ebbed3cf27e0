// arch/shared-datastore: a database belongs to the one service whose `database` line names it.

import type { ComponentInfo, StoreInfo } from "../../../semantic/model";
import { defineRule } from "../../rule";

export default defineRule({
  id: "arch/shared-datastore",
  category: "arch",
  severity: "error",
  summary: "Only a database's owning service touches it; others go through its API or events.",
  fixable: false,
  docs: {
    why: "A database shared between services couples them through its schema: a column rename needs a coordinated deploy of every service that reads it, nothing can be released on its own, and no service can guarantee its invariants when another writes its tables. Sharing a database server is fine; sharing the data is not. A service reads another's data through that service's API or keeps its own copy from its events. Only the owner (the service whose `database` line names the database) may `reads` or `writes` it, and two services cannot both name it as theirs.",
    incorrect: `service Orders {
  health "/healthz"
  ready "/readyz"
  database orders_db
}

service Reports {
  health "/healthz"
  ready "/readyz"
  reads orders_db
}

database orders_db: postgres`,
    correct: `service Orders {
  health "/healthz"
  ready "/readyz"
  database orders_db
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /orders -> 200 Order[] paginated
  }
  entity Order { id uuid @id @default(uuid) }
}

service Reports {
  health "/healthz"
  ready "/readyz"
  calls Orders GET /orders timeout 2s
}

database orders_db: postgres`,
    sources: ["MS-Arch microservices/design/data-considerations", "msa-nose Shared Persistency", "MS-Arch antipatterns/monolithic-persistence"],
  },
  check({ model, report }) {
    const owners = new Map<ComponentInfo, StoreInfo>();
    for (const store of model.stores) {
      if (store.access !== "database" || !store.target) continue;
      const first = owners.get(store.target);
      if (!first) {
        owners.set(store.target, store);
        continue;
      }
      if (first.service === store.service) continue; // a duplicate `database` line is the analyzer's error
      report({
        uri: store.uri,
        start: store.decl.start,
        end: store.decl.end,
        message: `${store.service.symbol.name} names \`${store.target.symbol.name}\` as its database, which ${first.service.symbol.name} already owns: two services must not share one database. Give ${store.service.symbol.name} its own, and reach the data of ${first.service.symbol.name} through its API or events.`,
        related: [{ uri: first.uri, start: first.decl.start, end: first.decl.end, message: `${first.service.symbol.name} owns \`${store.target.symbol.name}\`` }],
      });
    }
    for (const store of model.stores) {
      if (store.access === "database" || !store.target) continue;
      const owner = owners.get(store.target);
      if (!owner || owner.service === store.service || store.service.database === store.target) continue; // the `database` line is reported
      report({
        uri: store.uri,
        start: store.decl.start,
        end: store.decl.end,
        message: `${store.service.symbol.name} ${store.access === "reads" ? "reads" : "writes"} \`${store.target.symbol.name}\`, which belongs to ${owner.service.symbol.name}: ${store.access === "reads" ? "read its data through its API, or keep a copy from its events" : "change its data through its API"} instead of its tables.`,
        related: [{ uri: owner.uri, start: owner.decl.start, end: owner.decl.end, message: `${owner.service.symbol.name} owns \`${store.target.symbol.name}\`` }],
      });
    }
  },
});

