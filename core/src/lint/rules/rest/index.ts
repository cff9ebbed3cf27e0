// The REST rules, in docs order.

import type { AnyRule } from "../../rule";
import pathTrailingSlash from "./path-trailing-slash";

export const REST_RULES: readonly AnyRule[] = [pathTrailingSlash];
