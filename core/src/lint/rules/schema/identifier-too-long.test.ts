import rule from "./identifier-too-long";
import { ruleTester } from "../../../../../test/support/rule-tester";

const long = "a_column_name_that_goes_on_and_on_well_past_the_postgres_limit_of_63"; // 68 bytes
const sixtyThree = "c".repeat(63);

ruleTester(rule, {
  valid: [
    `service S {
  entity Item {
    id   uuid @id
    ${sixtyThree} text
  }
}`,
    {
      name: "a long entity with a short @@table",
      code: `service S {
  entity AnEntityWhoseNameIsFarTooLongToBecomeATableNameInPostgresWithoutTruncation {
    id uuid @id
    @@table("short_name")
  }
}`,
    },
    {
      name: "a higher limit from the options",
      code: `service S {
  entity Item {
    id uuid @id
    ${long} text
  }
}`,
      options: { maxBytes: 128 },
    },
    {
      name: "generated names are the generator's to shorten, by default",
      code: `service S {
  entity Customer { id uuid @id }
  entity ShipmentTrackingEvent {
    id                                     uuid @id
    customer_reference_number_for_tracking uuid @ref(Customer.id) @index
  }
}`,
    },
    { name: "irrelevant: a type's field is no column", code: `service S {\n  type T {\n    ${long} text\n  }\n}` },
  ],
  invalid: [
    {
      name: "a column",
      code: `service S {
  entity Item {
    id uuid @id
    ${long} text // expect: schema/identifier-too-long
  }
}`,
      messages: [`The column name \`${long}\` is 68 bytes`],
    },
    {
      name: "bytes, not characters",
      code: `service S {
  entity Item {
    id uuid @id
    @@table("${"ü".repeat(32)}") // expect: schema/identifier-too-long
  }
}`,
      messages: ["The table name `üüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüü` is 64 bytes (32 characters)"],
    },
    {
      name: "a table name derived from the entity",
      code: `service S {
  entity AnEntityWhoseNameIsFarTooLongToBecomeATableNameInPostgresWithoutTruncation { // expect: schema/identifier-too-long
    id uuid @id
  }
}`,
      messages: ["The table name of AnEntityWhoseNameIsFarTooLongToBecomeATableNameInPostgresWithoutTruncation"],
    },
    {
      name: "an explicit table name",
      code: `service S {
  entity Item {
    id uuid @id
    @@table("${"t".repeat(64)}") // expect: schema/identifier-too-long
  }
}`,
    },
    {
      name: "generated index and constraint names",
      code: `service S {
  entity Customer { id uuid @id }
  entity ShipmentTrackingEvent {
    id                                     uuid @id
    customer_reference_number_for_tracking uuid @ref(Customer.id) @index // expect: schema/identifier-too-long
    carrier_status_code_as_reported_x      text @check("length(carrier_status_code_as_reported_x) < 40") // expect: schema/identifier-too-long
    @@unique(customer_reference_number_for_tracking, carrier_status_code_as_reported_x) // expect: schema/identifier-too-long
  }
}`,
      messages: [
        "The generated foreign key name `shipment_tracking_events_customer_reference_number_for_tracking_fkey` is 68 bytes",
        "The generated index name `shipment_tracking_events_customer_reference_number_for_tracking_idx` is 67 bytes",
        "The generated check constraint name `shipment_tracking_events_carrier_status_code_as_reported_x_check` is 64 bytes",
        "The generated unique constraint name",
      ],
      options: { generatedNames: true },
    },
    {
      name: "the primary key's name",
      code: `service S {
  entity Item {
    id uuid @id // expect: schema/identifier-too-long
    @@table("${"t".repeat(60)}")
  }
}`,
      messages: ["The generated primary key name"],
      options: { generatedNames: true },
    },
  ],
});
