// rest/insecure-auth: no HTTP Basic auth, and no credentials in the URL.

import type { Property } from "../../../syntax/ast";
import { snakeCase } from "../../../util/names";
import { defineRule } from "../../rule";
import { intactEndpoints, intactApis } from "./_shared";

/** Query parameter names (in snake_case) that carry a credential. */
const CREDENTIAL_PARAMS = new Set([
  "apikey", "api_key", "access_token", "auth_token", "id_token", "refresh_token", "bearer_token", "session_token",
  "client_secret", "secret", "secret_key", "private_key", "password", "passwd", "passphrase",
]);

export default defineRule({
  id: "rest/insecure-auth",
  category: "rest",
  severity: "warning",
  summary: "No `auth basic` (warning), and no credentials in query parameters (error).",
  fixable: false,
  scope: "file",
  docs: {
    why: "HTTP Basic sends a reusable secret (the user's password, in base64) with every request: any log, proxy or browser cache that sees one request owns the account, and there is no scope, expiry or revocation short of a password change. Prefer `jwt`, `oauth2` with scopes, `mtls` between services, or `apikey` (sent in a header) for machine clients. Worse still are credentials in the URL (`query api_key text`): URLs end up in access logs, browser history, `Referer` headers and caches, so that is an error.",
    incorrect: `service Ledger {
  type Account { owner text }
  api "/api/v1" {
    auth basic
    ratelimit 100/min per client
    GET /accounts/{id} -> 200 Account, 404
  }
}`,
    correct: `service Ledger {
  type Account { owner text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /accounts/{id} -> 200 Account, 404
  }
}`,
    sources: ["OWASP ruleset owasp:api2:2023-no-http-basic", "OWASP ruleset owasp:api2:2023-no-api-keys-in-url", "OWASP API2:2023", "RFC 7617 §4"],
  },
  check({ model, report }) {
    const basic = (uri: string, props: readonly Property[], where: string) => {
      for (const p of props) {
        if (p.key.text !== "auth" || p.values[0]?.valueKind !== "word" || p.values[0].text !== "basic") continue;
        report({ uri, start: p.start, end: p.end, message: `\`auth basic\` on ${where} sends a reusable password with every request: use \`jwt\`, \`oauth2\`, \`mtls\` or \`apikey\`.` });
      }
    };
    for (const s of model.services) basic(s.uri, s.properties, `service ${s.symbol.name}`);
    for (const c of model.components) basic(c.uri, c.properties, `${c.kind} ${c.symbol.name}`);
    for (const api of intactApis(model)) basic(api.uri, api.decl.properties, `the api \`${api.base || "(no base)"}\``);
    for (const ep of intactEndpoints(model)) {
      basic(ep.uri, ep.decl.properties, `\`${ep.method} ${ep.path}\``);
      for (const p of ep.parameters) {
        if (p.location !== "query" || !p.decl || !CREDENTIAL_PARAMS.has(snakeCase(p.name))) continue;
        report({
          uri: ep.uri,
          start: p.decl.start,
          end: p.decl.end,
          severity: "error",
          message: `\`query ${p.name}\` puts a credential in the URL, where access logs, browser history and \`Referer\` headers keep it: use \`auth apikey\` or a header instead.`,
        });
      }
    }
  },
});
