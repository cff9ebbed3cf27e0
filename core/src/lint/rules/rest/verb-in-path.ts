// rest/verb-in-path: paths name resources; the HTTP method says what happens to them.
// Word splitting, the method words and the action-word exception follow
// shared/design/lint-conventions.md exactly.

import type { Fix } from "../../../diagnostics/diagnostic";
import type { EndpointInfo } from "../../../semantic/model";
import { splitWords } from "../../../util/names";
import { defineRule } from "../../rule";
import { endpointSpan } from "../../spans";
import { changePath, endpointAt, literalOf, pathChangeEdits, segmentsOf, type Segment, type SegmentChange, intactEndpoints } from "./_shared";

/** Words that duplicate an HTTP method, with the methods that already say them. */
const METHOD_WORDS = new Map<string, readonly string[]>(Object.entries({
  get: ["GET"],
  fetch: ["GET"],
  list: ["GET"],
  create: ["POST"],
  add: ["POST"],
  post: ["POST"],
  update: ["PUT", "PATCH"],
  set: ["PUT", "PATCH"],
  put: ["PUT"],
  patch: ["PATCH"],
  delete: ["DELETE"],
  remove: ["DELETE"],
}));

/** Allowed only as the last segment of a POST right after an item (`POST /orders/{id}/cancel`). */
const ACTION_WORDS = new Set([
  "cancel", "approve", "reject", "archive", "unarchive", "restore", "activate", "deactivate", "enable", "disable",
  "publish", "unpublish", "submit", "confirm", "verify", "resend", "reset", "refund", "void", "close", "reopen",
  "lock", "unlock", "start", "stop", "retry", "merge",
]);

/** The words of a segment: split at hyphens, underscores and camelCase boundaries, lower-cased. */
function wordsOf(segment: string): string[] {
  return splitWords(literalOf(segment));
}

/** A controller resource: the last segment of a POST, right after an item (`/{id}/cancel` or `/{id}:cancel`). */
function isControllerPosition(ep: EndpointInfo, segs: Segment[], index: number): boolean {
  if (ep.method !== "POST" || index !== segs.length - 1) return false;
  const seg = segs[index]!;
  if (/^\{[^{}]*\}:[A-Za-z0-9_-]+$/.test(seg.text)) return true;
  return index > 0 && segs[index - 1]!.param;
}

/** The segment without its leading method word, when that word leads and the method already says it. */
function withoutLeadingVerb(ep: EndpointInfo, segment: string): string | null | undefined {
  if (segment.includes("{")) return undefined;
  const words = wordsOf(segment);
  const first = words[0];
  if (!first || !METHOD_WORDS.get(first)?.includes(ep.method)) return undefined;
  if (words.length === 1) return null;
  // Cut the verb and the separator after it, keeping the rest as written: `getUsers` → `users`, `get-listings` → `listings`.
  const m = new RegExp(`^${first}[-_]?`, "i").exec(segment);
  if (!m) return undefined;
  const rest = segment.slice(m[0].length);
  if (!/^[A-Za-z0-9]/.test(rest)) return undefined;
  // Only when the rest is a plain resource name (`get-cancel-list` is not).
  if (wordsOf(rest).some((w) => METHOD_WORDS.has(w) || ACTION_WORDS.has(w))) return undefined;
  return rest.charAt(0).toLowerCase() + rest.slice(1);
}

export default defineRule({
  id: "rest/verb-in-path",
  category: "rest",
  severity: "warning",
  summary: "Paths name resources: no HTTP method words, and action words only as a POST controller right after an item.",
  fixable: true,
  scope: "file",
  docs: {
    why: "The method says what happens to a resource; a path like `/get-listings` or `/listings/create` repeats it and invites a second, inconsistent API style (`POST /listings/delete`). Words are matched whole, after splitting a segment at hyphens, underscores and camelCase boundaries, so `/output` and `/settings` are fine. Method words (get, create, update, delete, remove, add, fetch, list, set, put, post, patch) are flagged anywhere. Action words (cancel, approve, archive, publish, refund, reset, …) are accepted only as the last segment of a POST right after an item, the controller-resource pattern `POST /orders/{id}/cancel`. Other words (search, login, export, …) are never flagged.",
    incorrect: `service Listings {
  type Listing { title text }
  type NewListing { title text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    POST /listings/create body NewListing -> 201 Listing, 400 idempotent
    POST /listings/{id}/cancel            -> 200 Listing, 404
  }
}`,
    correct: `service Listings {
  type Listing { title text }
  type NewListing { title text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    POST /listings body NewListing -> 201 Listing, 400 idempotent
    POST /listings/{id}/cancel     -> 200 Listing, 404
  }
}`,
    fix: "When a method word leads a segment and the endpoint's method already says it (`GET /getUsers`, `POST /listings/create`), drops the word (`/users`, `/listings`), also in `calls` lines naming the endpoint. Preferred only when the new path is not already taken by another endpoint with the same method and is not the api base itself. For an action word on another method in the controller position, offers (not preferred) to change the method to POST.",
    sources: ["Zalando #141", "Zalando #138", "Redocly no-http-verbs-in-paths", "Google AIP-136"],
  },
  check({ model, report }) {
    for (const ep of intactEndpoints(model)) {
      const segs = segmentsOf(ep.path);
      const flagged: { index: number; seg: Segment; words: string[]; action: boolean }[] = [];
      segs.forEach((seg, index) => {
        if (seg.param) return;
        const words = wordsOf(seg.text);
        const methodWords = words.filter((w) => METHOD_WORDS.has(w));
        const actionWords = isControllerPosition(ep, segs, index) ? [] : words.filter((w) => ACTION_WORDS.has(w));
        if (methodWords.length || actionWords.length) flagged.push({ index, seg, words: [...new Set([...methodWords, ...actionWords])], action: methodWords.length === 0 });
      });
      if (!flagged.length) continue;

      const fixes: Fix[] = [];
      const changes: SegmentChange[] = [];
      for (const f of flagged) {
        const next = f.action ? undefined : withoutLeadingVerb(ep, f.seg.text);
        if (next === undefined) break;
        changes.push({ index: f.index, newText: next });
      }
      if (changes.length === flagged.length) {
        const newPath = changePath(ep.path, changes);
        const clash = endpointAt(model, ep, ep.method, newPath);
        fixes.push({ title: `Rename to \`${newPath}\``, preferred: !clash && newPath !== "/", edits: pathChangeEdits(model, ep, changes) });
      } else if (ep.method !== "POST" && flagged.every((f) => f.action) && flagged.length === 1 && flagged[0]!.index === segs.length - 1 && segs.length > 1 && segs[segs.length - 2]!.param) {
        fixes.push({ title: "Make it a POST controller", edits: [{ uri: ep.uri, start: ep.decl.method.start, end: ep.decl.method.end, newText: "POST" }] });
      }

      const words = flagged.flatMap((f) => f.words.map((w) => `\`${w}\``));
      const allActions = flagged.every((f) => f.action);
      report({
        uri: ep.uri,
        ...endpointSpan(ep),
        message: allActions
          ? `\`${ep.path}\` names an action (${words.join(", ")}): use an HTTP method on the resource, or a POST controller right after an item (\`POST /orders/{id}/cancel\`).`
          : `\`${ep.path}\` repeats what the HTTP method says (${words.join(", ")}): name the resource${fixes[0] && changes.length === flagged.length ? `, \`${ep.method} ${changePath(ep.path, changes)}\`` : ""}.`,
        fixes,
      });
    }
  },
});
