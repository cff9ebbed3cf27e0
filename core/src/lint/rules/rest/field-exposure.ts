// rest/field-exposure (OWASP API3): (a) mass assignment: a request body that
// accepts server-managed fields; (b) excessive exposure: a secret-named field,
// not `@secret`, in a type or entity that a response returns.
// Word list and exceptions: shared/design/lint-conventions.md.

import type { EndpointInfo, FieldInfo, SchemaInfo } from "../../../semantic/model";
import { snakeCase, splitWords } from "../../../util/names";
import { defineRule } from "../../rule";
import { endpointSpan, fieldSpan } from "../../spans";
import { intactEndpoints } from "./_shared";

const SERVER_MANAGED = new Set(["id", "created_at", "updated_at"]);

/** Words that say a field holds a secret, alone or as the pairs below. */
const SECRET_WORDS = new Set(["password", "passwd", "passphrase", "secret", "token", "credential", "credentials", "apikey", "salt", "otp"]);
const SECRET_PAIRS = new Set(["api_key", "private_key", "access_key", "secret_key", "signing_key"]);
/** Words after the secret word that still name its value (`password_hash`), not something about it (`password_updated_at`). */
const VALUE_WORDS = new Set(["hash", "hashed", "digest", "encrypted", "enc", "cipher", "ciphertext", "plain", "plaintext", "raw", "value", "b64", "base64", "hex", "bytes"]);
/** Words that make a token a pagination token (`next_page_token`, `continuation_token`). */
const PAGINATION_WORDS = new Set(["page", "next", "prev", "previous", "continuation", "cursor", "resume", "sync"]);
/** Types that cannot hold a secret value (`otp_enabled bool`, `password_changed timestamptz`). */
const NOT_SECRET_TYPES = new Set(["bool", "date", "time", "timestamp", "timestamptz", "interval"]);

/** True when the field's name says it holds a secret (lint-conventions.md). */
export function namesSecret(name: string): boolean {
  const words = splitWords(name);
  for (let end = words.length - 1; end >= 0; end--) {
    const w = words[end]!;
    const pair = end > 0 ? `${words[end - 1]}_${w}` : "";
    const isSecret = SECRET_WORDS.has(w) || SECRET_PAIRS.has(pair);
    if (!isSecret) {
      if (VALUE_WORDS.has(w)) continue;
      return false;
    }
    if (w === "token" && words.slice(0, end).some((x) => PAGINATION_WORDS.has(x))) return false;
    return true;
  }
  return false;
}

function managedFields(schema: SchemaInfo): FieldInfo[] {
  return schema.fields.filter((f) => SERVER_MANAGED.has(snakeCase(f.decl.name.text)) || f.decl.attributes.some((a) => !a.table && a.name.text === "readonly"));
}

export default defineRule({
  id: "rest/field-exposure",
  category: "rest",
  severity: "warning",
  summary: "Request bodies do not accept server-managed fields, and secret-named fields in response types are `@secret`.",
  fixable: true,
  docs: {
    why: "OWASP API3 (broken object property level authorization) has two halves. Mass assignment: a request body typed with an entity (or any type with `id`, `created_at`, `updated_at` or `@readonly` fields) lets a client set what only the server may set, such as another record's id. Use a separate input type (`NewListing`). Excessive exposure: a field whose name says it is a secret (password, token, api_key, salt, otp, …) in a type or entity that a response returns is sent to every client unless it is `@secret`, which keeps it out of responses. Pagination tokens (`next_page_token`) and fields about a secret rather than the secret itself (`password_updated_at`, `token_type`, `otp_enabled bool`) are not flagged.",
    incorrect: `service Ledger {
  entity Account {
    id         uuid        @id @default(uuid)
    owner      text
    api_token  text
    created_at timestamptz @default(now)
    updated_at timestamptz @default(now)
  }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET  /accounts/{id}            -> 200 Account, 404
    POST /accounts body Account    -> 201 Account, 400 idempotent
  }
}`,
    correct: `service Ledger {
  entity Account {
    id         uuid        @id @default(uuid)
    owner      text
    api_token  text        @secret
    created_at timestamptz @default(now)
    updated_at timestamptz @default(now)
  }
  type NewAccount { owner text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET  /accounts/{id}            -> 200 Account, 404
    POST /accounts body NewAccount -> 201 Account, 400 idempotent
  }
}`,
    fix: "For an exposed secret, adds `@secret` to the field (preferred: the field leaves every response, which is the intent of the name). Mass assignment needs a separate input type and has no automatic fix.",
    sources: ["OWASP API3:2023", "Google AIP-203 (OUTPUT_ONLY)", "Microsoft API guidelines: no secrets in GET responses", "Zalando #148"],
  },
  check({ model, report }) {
    for (const ep of intactEndpoints(model)) {
      const schema = ep.body?.schema;
      if (!schema || schema.kind === "event") continue;
      const managed = managedFields(schema);
      if (!managed.length) continue;
      report({
        uri: ep.uri,
        ...endpointSpan(ep),
        message: `The body ${schema.symbol.name} of \`${ep.method} ${ep.path}\` accepts server-managed ${managed.length > 1 ? "fields" : "field"} ${managed.map((f) => `\`${f.decl.name.text}\``).join(", ")}: take a separate input type without them.`,
      });
    }

    // The schemas responses return, each with the first endpoint returning it.
    const returnedBy = new Map<SchemaInfo, EndpointInfo>();
    for (const ep of model.endpoints) {
      const stack: SchemaInfo[] = [];
      for (const r of ep.responses) if (r.type?.schema) stack.push(r.type.schema);
      if (ep.api.errors?.schema && ep.responses.some((r) => r.status >= 400 && !r.type)) stack.push(ep.api.errors.schema);
      while (stack.length) {
        const s = stack.pop()!;
        if (returnedBy.has(s)) continue;
        returnedBy.set(s, ep);
        for (const f of s.fields) if (f.type.schema && !f.decl.attributes.some((a) => a.name.text === "secret")) stack.push(f.type.schema);
      }
    }
    for (const [schema, ep] of returnedBy) {
      for (const f of schema.fields) {
        if (f.type.schema || (f.type.builtin && NOT_SECRET_TYPES.has(f.type.builtin))) continue;
        if (f.decl.attributes.some((a) => a.name.text === "secret") || !namesSecret(f.decl.name.text)) continue;
        report({
          uri: schema.uri,
          ...fieldSpan(f),
          message: `\`${schema.symbol.name}.${f.decl.name.text}\` looks like a secret and is returned by \`${ep.method} ${ep.path}\`: mark it \`@secret\` to keep it out of responses.`,
          related: [{ uri: ep.uri, start: ep.decl.start, end: ep.decl.lineEnd, message: `Returned here.` }],
          fixes: [{ title: "Mark it `@secret`", preferred: true, edits: [{ uri: schema.uri, start: f.decl.end, end: f.decl.end, newText: " @secret" }] }],
        });
      }
    }
  },
});
