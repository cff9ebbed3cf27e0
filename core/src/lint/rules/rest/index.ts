// The REST rules, in docs order.

import type { AnyRule } from "../../rule";
import apiVersion from "./api-version";
import authRequired from "./auth-required";
import consecutivePathParams from "./consecutive-path-params";
import duplicateEndpoint from "./duplicate-endpoint";
import errorFormat from "./error-format";
import errorResponses from "./error-responses";
import fieldExposure from "./field-exposure";
import idempotencyKey from "./idempotency-key";
import insecureAuth from "./insecure-auth";
import namingConvention from "./naming-convention";
import noContentWithBody from "./no-content-with-body";
import pagination from "./pagination";
import pathParamMismatch from "./path-param-mismatch";
import pathQueryString from "./path-query-string";
import pathSegmentCasing from "./path-segment-casing";
import pathTrailingSlash from "./path-trailing-slash";
import rateLimit from "./rate-limit";
import requestBodyNotAllowed from "./request-body-not-allowed";
import successResponse from "./success-response";
import topLevelArrayResponse from "./top-level-array-response";
import verbInPath from "./verb-in-path";

export const REST_RULES: readonly AnyRule[] = [
  // Paths
  pathParamMismatch,
  duplicateEndpoint,
  pathTrailingSlash,
  pathQueryString,
  pathSegmentCasing,
  verbInPath,
  consecutivePathParams,
  apiVersion,
  // Contracts
  successResponse,
  errorResponses,
  errorFormat,
  requestBodyNotAllowed,
  noContentWithBody,
  pagination,
  topLevelArrayResponse,
  // Security
  authRequired,
  insecureAuth,
  rateLimit,
  idempotencyKey,
  fieldExposure,
  // Naming
  namingConvention,
];
