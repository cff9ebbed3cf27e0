// Every lint rule, in one list. A test checks that each file under rules/ is
// registered, has docs and a test, and that its docs examples behave.

import type { AnyRule } from "./rule";
import { ARCH_RULES } from "./rules/arch/index";
import { REST_RULES } from "./rules/rest/index";
import { SCHEMA_RULES } from "./rules/schema/index";

export const RULES: readonly AnyRule[] = [...REST_RULES, ...SCHEMA_RULES, ...ARCH_RULES];

export const RULES_BY_ID: ReadonlyMap<string, AnyRule> = new Map(RULES.map((r) => [r.id, r]));
