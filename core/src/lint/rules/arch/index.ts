// The architecture rules, in docs order.

import type { AnyRule } from "../../rule";

export const ARCH_RULES: readonly AnyRule[] = [];
