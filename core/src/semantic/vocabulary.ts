// The words the language knows in each context: property keys and engines.
// Unknown ones are warnings with a "did you mean", never errors.

import type { ComponentKind } from "../syntax/ast";

export type PropertyContext = "system" | "service" | "api" | "endpoint" | ComponentKind;

const COMMON = ["description", "owner", "tech"];

export const KNOWN_PROPERTIES: Record<PropertyContext, readonly string[]> = {
  system: [...COMMON, "correlation", "license"],
  service: [...COMMON, "replicas", "health", "ready", "latency", "ratelimit", "auth", "license"],
  api: ["description", "auth", "ratelimit", "errors"],
  endpoint: ["summary", "description", "auth", "ratelimit", "cache", "tags"],
  gateway: [...COMMON, "auth", "ratelimit", "timeout", "replicas", "latency"],
  database: [...COMMON, "replicas"],
  cache: [...COMMON, "replicas"],
  queue: [...COMMON, "dead_letter", "max_deliveries", "partitions", "retention"],
  client: [...COMMON],
  external: [...COMMON, "latency"],
};

export const KNOWN_ENGINES: Partial<Record<ComponentKind, readonly string[]>> = {
  database: ["postgres", "mysql", "mariadb", "sqlite", "sqlserver", "oracle", "cockroachdb", "mongodb", "dynamodb", "cassandra", "elasticsearch", "opensearch", "clickhouse", "redis"],
  cache: ["redis", "memcached", "valkey", "hazelcast", "inmemory"],
  queue: ["kafka", "rabbitmq", "sqs", "sns", "nats", "pubsub", "kinesis", "eventbridge", "redis", "activemq", "pulsar", "servicebus"],
};
