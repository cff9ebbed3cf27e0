import rule from "./single-owner";
import { ruleTester } from "../../../../../test/support/rule-tester";

const listings = `queue audit_events: kafka
service Listings {
  publishes ListingChanged to audit_events
  publishes ListingViewed to audit_events
  event ListingChanged { listing_id uuid @key }
  event ListingViewed { listing_id uuid @key }
}`;

ruleTester(rule, {
  valid: [
    { name: "one service publishing two events to its queue", code: listings },
    { name: "consumers are not owners", code: `${listings}\nservice Reports {\n  consumes ListingChanged from audit_events idempotent\n}\nservice Search {\n  consumes ListingChanged from audit_events idempotent\n}` },
    { name: "one service using its cache twice", code: `cache c: redis\nservice Catalog {\n  uses c ttl 5m\n  uses c ttl 1m\n}` },
    { name: "a gateway does not own a cache", code: `cache c: redis\nservice Catalog { uses c ttl 5m }\ngateway edge {\n  uses c ttl 1m\n  timeout 5s\n}` },
    { name: "types may be shared", code: `type Money { amount decimal(12, 2) }` },
    { name: "irrelevant: two services on one database is arch/shared-datastore's", code: `database db: postgres\nservice A { database db }\nservice B { database db }` },
  ],
  invalid: [
    {
      name: "publishing another service's event to its queue: one report for both defects",
      code: `${listings}
service Ledger {
  publishes ListingChanged to audit_events // expect: arch/single-owner
}`,
      messages: ["Ledger publishes ListingChanged, which Listings declares, to audit_events, which Listings already publishes to"],
    },
    {
      name: "publishing another service's event to an own queue",
      code: `${listings}
queue ledger_events: kafka
service Ledger {
  publishes ListingChanged to ledger_events // expect: arch/single-owner
}`,
      messages: ["Ledger publishes ListingChanged, which Listings declares: only the owner of an event publishes it"],
    },
    {
      name: "a queue with a second publisher, reported on the later",
      code: `${listings}
service Ledger {
  publishes Paid to audit_events // expect: arch/single-owner
  event Paid { payment_id uuid @key }
}`,
      messages: ["Ledger publishes to audit_events, which Listings already publishes to"],
    },
    {
      name: "a cache used by two services, reported on the later",
      code: `cache c: redis
service Catalog { uses c ttl 5m }
service Search {
  uses c ttl 1m // expect: arch/single-owner
}`,
      messages: ["Cache c is already used by Catalog"],
    },
    {
      name: "an entity and an event outside any service",
      code: `system Shop {
  correlation "traceparent"
  entity Order { id uuid @id } // expect: arch/single-owner
  event OrderPlaced { order_id uuid @key } // expect: arch/single-owner
}`,
    },
  ],
});
