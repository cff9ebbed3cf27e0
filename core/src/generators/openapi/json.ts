// Plain JSON values, the shape of the generated OpenAPI document before it is
// serialised. Keys keep their insertion order (no key here is integer-like
// except response status codes, which JavaScript orders numerically — the
// order we want).

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json | undefined;
}
