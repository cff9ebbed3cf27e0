import rule from "./missing-primary-key";
import { ruleTester } from "../../../../../test/support/rule-tester";

ruleTester(rule, {
  valid: [
    `service S {
  entity A {
    id   uuid @id @default(uuid)
    name text
  }
}`,
    {
      name: "composite key",
      code: `service S {
  entity A { id uuid @id }
  entity B { id uuid @id }
  entity AB {
    a_id uuid @ref(A.id)
    b_id uuid @ref(B.id) @index

    @@id(a_id, b_id)
  }
}`,
    },
    {
      name: "irrelevant: types and events are not tables",
      code: `service S {
  type NewA { name text }
  event AChanged { a_id uuid @key }
}`,
    },
    {
      name: "irrelevant: a document store",
      code: `database docs: mongodb
service S {
  database docs
  entity Note { body text }
}`,
    },
  ],
  invalid: [
    {
      name: "adds a key column typed like the service's keys",
      code: `service S {
  entity Log { // expect: schema/missing-primary-key
    message text
  }
}`,
      output: `service S {
  entity Log { // expect: schema/missing-primary-key
    id uuid @id @default(uuid)
    message text
  }
}`,
      messages: ["Entity Log has no primary key"],
    },
    {
      name: "integer keys elsewhere in the service",
      code: `service S {
  entity A {
    id bigint @id @default(identity)
  }
  entity Log { // expect: schema/missing-primary-key
    message text
  }
}`,
      output: `service S {
  entity A {
    id bigint @id @default(identity)
  }
  entity Log { // expect: schema/missing-primary-key
    id bigint @id @default(identity)
    message text
  }
}`,
    },
    {
      name: "an id column without @id",
      code: `service S {
  entity A { // expect: schema/missing-primary-key
    id   uuid @default(uuid)
    name text
  }
}`,
      output: `service S {
  entity A { // expect: schema/missing-primary-key
    id   uuid @default(uuid) @id
    name text
  }
}`,
    },
    {
      name: "a join table gets a composite key",
      code: `service S {
  entity A { id uuid @id }
  entity B { id uuid @id }
  entity AB { // expect: schema/missing-primary-key
    a_id uuid @ref(A.id) @index
    b_id uuid @ref(B.id) @index
  }
}`,
      output: `service S {
  entity A { id uuid @id }
  entity B { id uuid @id }
  entity AB { // expect: schema/missing-primary-key
    a_id uuid @ref(A.id) @index
    b_id uuid @ref(B.id) @index
    @@id(a_id, b_id)
  }
}`,
    },
    {
      name: "an entity written on one line: no fix",
      code: `service S {
  entity Log { message text } // expect: schema/missing-primary-key
}`,
      output: `service S {
  entity Log { message text } // expect: schema/missing-primary-key
}`,
    },
  ],
});
