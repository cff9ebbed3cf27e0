// Every lint rule, in one list. A test checks that each file under rules/ is
// registered here, has docs and a test, and that its docs examples behave.

import type { AnyRule } from "./rule";
import restPathTrailingSlash from "./rules/rest/path-trailing-slash";

export const RULES: readonly AnyRule[] = [restPathTrailingSlash];

export const RULES_BY_ID: ReadonlyMap<string, AnyRule> = new Map(RULES.map((r) => [r.id, r]));
