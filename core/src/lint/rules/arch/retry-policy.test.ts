import rule from "./retry-policy";
import { ruleTester } from "../../../../../test/support/rule-tester";

const ledger = `service Ledger {
  api "/api" {
    GET    /payments/{id}  -> 200 Payment, 404
    POST   /payments body NewPayment -> 201 Payment, 400
    POST   /refunds body NewPayment  -> 201 Payment, 400 idempotent
    PUT    /payments/{id} body NewPayment -> 200 Payment, 404
    PATCH  /payments/{id} body NewPayment -> 200 Payment, 404
    DELETE /payments/{id}  -> 204, 404
  }
  type NewPayment { amount decimal(12, 2) }
  type Payment { id uuid }
}`;

const caller = (call: string) => `${ledger}\nservice Billing {\n  ${call}\n}`;

ruleTester(rule, {
  valid: [
    caller("calls Ledger GET /payments/{id} timeout 1s retries 3"),
    { name: "PUT and DELETE are idempotent", code: `${ledger}\nservice Billing {\n  calls Ledger PUT /payments/{id} timeout 1s retries 2\n  calls Ledger DELETE /payments/{id} timeout 1s retries 2\n}` },
    { name: "a POST marked idempotent", code: caller("calls Ledger POST /refunds timeout 1s retries 3") },
    { name: "the full path names the same endpoint", code: caller("calls Ledger POST /api/refunds timeout 1s retries 3") },
    { name: "a POST without retries", code: caller("calls Ledger POST /payments timeout 1s") },
    { name: "retries 0", code: caller("calls Ledger POST /payments timeout 1s retries 0") },
    { name: "a call that names no endpoint is not judged", code: caller("calls Ledger timeout 1s retries 3") },
    { name: "an external's endpoint is not modelled", code: `external stripe\nservice Billing {\n  calls stripe POST /charges timeout 2s retries 2\n}` },
    { name: "five retries is the limit", code: caller("calls Ledger GET /payments/{id} timeout 1s retries 5") },
    { name: "option: a higher limit", code: caller("calls Ledger GET /payments/{id} timeout 1s retries 8"), options: { maxRetries: 10 } },
    { name: "irrelevant: a gateway route", code: `${ledger}\ngateway edge {\n  routes Ledger\n  timeout 5s\n}` },
  ],
  invalid: [
    {
      name: "a POST retried",
      code: caller("calls Ledger POST /payments timeout 2s retries 3 // expect: arch/retry-policy"),
      output: caller("calls Ledger POST /payments timeout 2s // expect: arch/retry-policy"),
      messages: ["Billing retries `POST /api/payments` of Ledger, which is not idempotent"],
    },
    {
      name: "a PATCH retried, retries before the timeout",
      code: caller("calls Ledger PATCH /payments/{id} retries 1 timeout 2s breaker // expect: arch/retry-policy"),
      output: caller("calls Ledger PATCH /payments/{id} timeout 2s breaker // expect: arch/retry-policy"),
    },
    {
      name: "too many retries",
      code: caller("calls Ledger GET /payments/{id} timeout 1s retries 10 // expect: arch/retry-policy"),
      output: caller("calls Ledger GET /payments/{id} timeout 1s retries 5 // expect: arch/retry-policy"),
      messages: ["retries its call to Ledger 10 times; more than 5"],
    },
    {
      name: "too many retries of a call that names no endpoint",
      code: caller("calls Ledger timeout 1s retries 6 // expect: arch/retry-policy"),
      output: caller("calls Ledger timeout 1s retries 5 // expect: arch/retry-policy"),
    },
    {
      name: "option: a lower limit",
      code: caller("calls Ledger GET /payments/{id} timeout 1s retries 2 // expect: arch/retry-policy"),
      options: { maxRetries: 1 },
    },
  ],
});
