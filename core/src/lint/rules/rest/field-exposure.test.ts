import { describe, expect, it } from "vitest";
import rule, { namesSecret } from "./field-exposure";
import { ruleTester } from "../../../../../test/support/rule-tester";

const E = "// expect: rest/field-exposure";
const api = (endpoints: string) => `  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    ${endpoints}
  }`;

ruleTester(rule, {
  valid: [
    `service S {
  entity User {
    id            uuid        @id @default(uuid)
    email         text
    password_hash text        @secret
    created_at    timestamptz @default(now)
  }
  type NewUser {
    email    text
    password text @secret
  }
${api("POST /users body NewUser -> 201 User, 400 idempotent")}
}`,
    {
      name: "secret-named fields that are not returned",
      code: `service S {
  type Login { password text }
  type Session { user text }
${api("POST /sessions body Login -> 201 Session, 400 idempotent")}
}`,
    },
    {
      name: "pagination tokens and fields about a secret",
      code: `service S {
  type Page {
    next_page_token     text
    continuation_token  text
    token_type          text
    password_updated_at timestamptz
    otp_enabled         bool
    api_key_id          text
    token_count         int
    keyboard            text
  }
${api("GET /pages/{id} -> 200 Page, 404")}
}`,
    },
    {
      name: "a nested secret type that is itself @secret",
      code: `service S {
  type Creds { secret text }
  type Account {
    name  text
    creds Creds @secret
  }
${api("GET /accounts/{id} -> 200 Account, 404")}
}`,
    },
  ],
  invalid: [
    {
      name: "secret in a returned entity",
      code: `service S {
  entity Account {
    id        uuid @id @default(uuid)
    api_token text ${E}
  }
${api("GET /accounts/{id} -> 200 Account, 404")}
}`,
      output: `service S {
  entity Account {
    id        uuid @id @default(uuid)
    api_token text @secret ${E}
  }
${api("GET /accounts/{id} -> 200 Account, 404")}
}`,
    },
    {
      name: "after existing attributes, in a nested type, once for two endpoints",
      code: `service S {
  type Keys {
    private_key text @format(pem) ${E}
    apiKey      text ${E}
  }
  type Account {
    name text
    keys Keys[]
  }
${api(`GET /accounts/{id} -> 200 Account, 404
    GET /accounts -> 200 Account[] paginated`)}
}`,
      output: `service S {
  type Keys {
    private_key text @format(pem) @secret ${E}
    apiKey      text @secret ${E}
  }
  type Account {
    name text
    keys Keys[]
  }
${api(`GET /accounts/{id} -> 200 Account, 404
    GET /accounts -> 200 Account[] paginated`)}
}`,
    },
    {
      name: "secret in the api's error type",
      code: `service S {
  type Problem {
    title      text
    auth_token text ${E}
  }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    errors Problem
    GET /a/{id} -> 200, 404
  }
}`,
    },
    {
      name: "mass assignment: entity as body",
      code: `service S {
  entity Listing {
    id         uuid        @id @default(uuid)
    title      text
    created_at timestamptz @default(now)
  }
${api(`POST /listings body Listing -> 201 Listing, 400 idempotent ${E}`)}
}`,
      messages: ["accepts server-managed fields `id`, `created_at`"],
    },
    {
      name: "mass assignment: @readonly and camelCase",
      code: `service S {
  type Patch {
    title     text
    status    text @readonly
    updatedAt timestamptz
  }
  type Out { title text }
${api(`PATCH /listings/{id} body Patch -> 200 Out, 400, 404 ${E}`)}
}`,
      messages: ["`status`, `updatedAt`"],
    },
  ],
});

describe("namesSecret", () => {
  it.each(["password", "passwd", "passphrase", "client_secret", "api_token", "refresh_token", "credentials", "credential", "apikey", "api_key", "apiKey", "private_key", "access_key", "secret_access_key", "signing_key", "salt", "password_salt", "otp", "otp_secret", "password_hash", "token_digest"])("%s says secret", (n) => expect(namesSecret(n)).toBe(true));
  it.each(["next_page_token", "page_token", "prevPageToken", "continuation_token", "token_type", "password_updated_at", "api_key_id", "access_key_id", "keyboard", "tokens_used", "salty", "postal_code", "hash"])("%s does not", (n) => expect(namesSecret(n)).toBe(false));
});
