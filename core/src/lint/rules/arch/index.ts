// The architecture rules, in docs order.

import type { AnyRule } from "../../rule";
import cachePolicy from "./cache-policy";
import correlationId from "./correlation-id";
import cyclicDependency from "./cyclic-dependency";
import deadLetter from "./dead-letter";
import eventContract from "./event-contract";
import healthCheck from "./health-check";
import idempotentConsumer from "./idempotent-consumer";
import retryPolicy from "./retry-policy";
import sharedDatastore from "./shared-datastore";
import singleOwner from "./single-owner";
import syncCallChainDepth from "./sync-call-chain-depth";
import syncCallTimeout from "./sync-call-timeout";

export const ARCH_RULES: readonly AnyRule[] = [
  // Data ownership
  sharedDatastore,
  singleOwner,
  // Synchronous calls
  cyclicDependency,
  syncCallChainDepth,
  syncCallTimeout,
  retryPolicy,
  // Operations
  healthCheck,
  correlationId,
  // Messaging
  idempotentConsumer,
  deadLetter,
  eventContract,
  // Caching
  cachePolicy,
];
