import rule from "./partition-key-not-in-unique";
import { ruleTester } from "../../../../../test/support/rule-tester";

ruleTester(rule, {
  valid: [
    `service S {
  entity Reading {
    id       uuid        @default(uuid)
    taken_at timestamptz

    @@id(id, taken_at)
    @@partition(range, taken_at)
  }
}`,
    {
      name: "the key column is the primary key",
      code: `service S {
  entity Day {
    day  date @id
    note text
    @@partition(range, day)
  }
}`,
    },
    {
      name: "a plain index need not include the key",
      code: `service S {
  entity Reading {
    id       uuid        @default(uuid)
    sensor   text
    taken_at timestamptz
    @@id(id, taken_at)
    @@index(sensor)
    @@partition(range, taken_at)
  }
}`,
    },
    { name: "irrelevant: not partitioned", code: `service S {\n  entity A {\n    id uuid @id\n    code text @unique\n  }\n}` },
  ],
  invalid: [
    {
      name: "an @id column",
      code: `service S {
  entity Reading {
    id       uuid        @id @default(uuid)
    taken_at timestamptz

    @@partition(range, taken_at) // expect: schema/partition-key-not-in-unique
  }
}`,
      output: `service S {
  entity Reading {
    id       uuid @default(uuid)
    taken_at timestamptz

    @@id(id, taken_at)
    @@partition(range, taken_at) // expect: schema/partition-key-not-in-unique
  }
}`,
      messages: ["Reading is partitioned by `taken_at`, which the primary key (id) does not include"],
    },
    {
      name: "a composite key and unique constraints",
      code: `service S {
  entity Reading {
    sensor   text
    seq      bigint
    code     text        @unique
    taken_at timestamptz
    @@id(sensor, seq)
    @@unique(sensor, code)
    @@partition(hash, taken_at) // expect: schema/partition-key-not-in-unique
  }
}`,
      output: `service S {
  entity Reading {
    sensor   text
    seq      bigint
    code     text
    taken_at timestamptz
    @@id(sensor, seq, taken_at)
    @@unique(sensor, code, taken_at)
    @@unique(code, taken_at)
    @@partition(hash, taken_at) // expect: schema/partition-key-not-in-unique
  }
}`,
      messages: ["`code @unique`, the primary key (sensor, seq) and `@@unique(sensor, code)` do not include"],
    },
  ],
});
