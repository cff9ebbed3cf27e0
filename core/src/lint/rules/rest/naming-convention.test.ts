import rule from "./naming-convention";
import { ruleTester } from "../../../../../test/support/rule-tester";

const E = "// expect: rest/naming-convention";

ruleTester(rule, {
  valid: [
    `service S {
  entity Address {
    id            uuid @id @default(uuid)
    address_line1 text
    v1_id         text
  }
  event Moved { address_id uuid @key }
  api "/api/v1" {
    GET /addresses -> 200 Address[] paginated { query sort_by text; header Idempotency-Key text; header X-API-Key text }
  }
}`,
    {
      name: "camel option",
      options: { casing: "camel" },
      code: `service S {
  type Profile {
    displayName text
    avatarUrl   text
  }
  api "/api/v1" {
    GET /profiles -> 200 Profile[] paginated { query sortBy text }
  }
}`,
    },
    { name: "irrelevant: enum members and path params", code: `service S {
  enum Status { Active, ARCHIVED }
  type T { status Status }
  api "/api/v1" { GET /items/{itemId} -> 200 T, 404 }
}` },
  ],
  invalid: [
    {
      name: "a camelCase field, renamed with its references",
      code: `service S {
  entity Category {
    id uuid @id @default(uuid)
  }
  entity Product {
    id         uuid @id @default(uuid)
    categoryId uuid @ref(Category.id) ${E}

    @@index(categoryId)
  }
}`,
      output: `service S {
  entity Category {
    id uuid @id @default(uuid)
  }
  entity Product {
    id         uuid @id @default(uuid)
    category_id uuid @ref(Category.id) ${E}

    @@index(category_id)
  }
}`,
    },
    {
      name: "camel option",
      options: { casing: "camel" },
      code: `service S {
  type Profile {
    display_name text ${E}
  }
}`,
      output: `service S {
  type Profile {
    displayName text ${E}
  }
}`,
    },
    {
      name: "query parameters and headers",
      code: `service S {
  type T { name text }
  api "/api/v1" {
    GET /items -> 200 T[] paginated {
      query sortBy text ${E}
      header x-request-id text ${E}
    }
  }
}`,
      output: `service S {
  type T { name text }
  api "/api/v1" {
    GET /items -> 200 T[] paginated {
      query sort_by text ${E}
      header X-Request-Id text ${E}
    }
  }
}`,
    },
  ],
});
