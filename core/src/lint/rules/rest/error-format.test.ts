import rule from "./error-format";
import { ruleTester } from "../../../../../test/support/rule-tester";

const E = "// expect: rest/error-format";
const model = (types: string, endpoints: string, errors = "") => `service S {
  type T { name text }
  ${types}
  api "/api/v1" {${errors ? `\n    errors ${errors}` : ""}
    ${endpoints}
  }
}`;

ruleTester(rule, {
  valid: [
    model("", "GET /items/{id} -> 200 T, 404"),
    { name: "the api's errors type, written out", code: model("type Problem { title text }", "GET /items/{id} -> 200 T, 404 Problem", "Problem") },
    { name: "an extension of the api's errors type", code: model(`type Problem { title text }
  type Invalid {
    title  text
    fields text[]
  }`, "POST /items body T -> 201 T, 400 Invalid idempotent", "Problem") },
    { name: "problem details without an errors line", code: model(`type Invalid {
    type   text
    title  text
    detail text?
  }`, "POST /items body T -> 201 T, 400 Invalid idempotent") },
    { name: "irrelevant: typed success responses", code: model("", "GET /items -> 200 T[], 304 paginated") },
    { name: "irrelevant: trace ids are fine", code: model("type Problem { title text; trace_id text }", "GET /items/{id} -> 200 T, 404", "Problem") },
  ],
  invalid: [
    {
      name: "a resource as the error body",
      code: model("", `GET /items/{id} -> 200 T, 404 T ${E}`),
      output: model("", `GET /items/{id} -> 200 T, 404 ${E}`),
    },
    { name: "a type that is not an extension", code: model("type Problem { title text }\n  type Oops { message text }", `GET /items/{id} -> 200 T, 404 Oops ${E}`, "Problem") },
    { name: "a scalar", code: model("", `GET /items/{id} -> 200 T, 404 text ${E}`) },
    { name: "an array", code: model("type Problem { type text; title text }", `POST /items body T -> 201 T, 400 Problem[] idempotent ${E}`) },
    {
      name: "a stack trace in the error shape",
      code: `service S {
  type T { name text }
  type Problem {
    title       text
    stack_trace text ${E}
  }
  api "/api/v1" {
    errors Problem
    GET /items/{id} -> 200 T, 404
  }
}`,
    },
  ],
});
