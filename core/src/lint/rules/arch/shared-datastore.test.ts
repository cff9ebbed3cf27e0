import rule from "./shared-datastore";
import { ruleTester } from "../../../../../test/support/rule-tester";

const dbs = `database orders_db: postgres
database reports_db: postgres`;

ruleTester(rule, {
  valid: [
    { name: "each service on its own database", code: `${dbs}\nservice Orders { database orders_db }\nservice Reports { database reports_db }` },
    { name: "the owner reads and writes its own database", code: `${dbs}\nservice Orders {\n  database orders_db\n  reads orders_db\n  writes orders_db\n}` },
    { name: "a database nobody owns", code: `${dbs}\nservice Reports { reads orders_db }\nservice Audit { writes orders_db }` },
    { name: "irrelevant: no databases at all", code: `service Orders { health "/healthz" }` },
    { name: "irrelevant: calls instead of reads", code: `${dbs}\nservice Orders { database orders_db }\nservice Reports { calls Orders timeout 1s }` },
  ],
  invalid: [
    {
      name: "reads another service's database",
      code: `${dbs}
service Orders { database orders_db }
service Reports {
  database reports_db
  reads orders_db // expect: arch/shared-datastore
}`,
      messages: ["Reports reads `orders_db`, which belongs to Orders"],
    },
    {
      name: "writes another service's database, declared before the owner",
      code: `${dbs}
service Reports {
  writes orders_db // expect: arch/shared-datastore
}
service Orders { database orders_db }`,
      messages: ["writes `orders_db`"],
    },
    {
      name: "two services name one database: the second is reported, once",
      code: `${dbs}
service Orders { database orders_db }
service Billing {
  database orders_db // expect: arch/shared-datastore
  reads orders_db
}`,
      messages: ["Billing names `orders_db` as its database, which Orders already owns"],
    },
  ],
});
