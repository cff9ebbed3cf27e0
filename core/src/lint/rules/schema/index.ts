// The database-schema rules, in docs order.

import type { AnyRule } from "../../rule";
import missingPrimaryKey from "./missing-primary-key";
import fkMissingIndex from "./fk-missing-index";
import fkTypeMismatch from "./fk-type-mismatch";
import referenceWithoutFk from "./reference-without-fk";
import multiValuedAttribute from "./multi-valued-attribute";
import impreciseNumeric from "./imprecise-numeric";
import timestampWithoutTimeZone from "./timestamp-without-time-zone";
import preferIdentity from "./prefer-identity";
import intKeyOverflow from "./int-key-overflow";
import fixedLengthChar from "./fixed-length-char";
import varchar255 from "./varchar-255";
import preferJsonb from "./prefer-jsonb";
import redundantIndex from "./redundant-index";
import partitionKeyNotInUnique from "./partition-key-not-in-unique";
import identifierTooLong from "./identifier-too-long";
import namingConvention from "./naming-convention";

export const SCHEMA_RULES: readonly AnyRule[] = [
  missingPrimaryKey,
  fkMissingIndex,
  fkTypeMismatch,
  referenceWithoutFk,
  multiValuedAttribute,
  impreciseNumeric,
  timestampWithoutTimeZone,
  preferIdentity,
  intKeyOverflow,
  fixedLengthChar,
  varchar255,
  preferJsonb,
  redundantIndex,
  partitionKeyNotInUnique,
  identifierTooLong,
  namingConvention,
];
