// The database-schema rules, in docs order.

import type { AnyRule } from "../../rule";

export const SCHEMA_RULES: readonly AnyRule[] = [];
