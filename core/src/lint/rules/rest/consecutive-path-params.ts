// rest/consecutive-path-params: every `{id}` follows the collection it identifies.

import type { Fix } from "../../../diagnostics/diagnostic";
import { pluralize, splitWords } from "../../../util/names";
import { defineRule } from "../../rule";
import { apiSpan, endpointSpan } from "../../spans";
import { segmentsOf, intactEndpoints, intactApis } from "./_shared";

/** `{item_id}` → `items`; undefined when the name says nothing (`{id}`). */
function collectionFor(param: string): string | undefined {
  const words = splitWords(param.slice(1, -1));
  if (words[words.length - 1] === "id") words.pop();
  const last = words.pop();
  if (!last) return undefined;
  return [...words, pluralize(last)].join("-");
}

export default defineRule({
  id: "rest/consecutive-path-params",
  category: "rest",
  severity: "warning",
  summary: "Two path parameters never follow each other: each `{id}` comes after the collection it identifies.",
  fixable: true,
  scope: "file",
  docs: {
    why: "In `/shops/{shop_id}/{item_id}` the second parameter identifies something the path never names: clients cannot tell what kind of resource it is, the URL has no collection to list or create in, and a sibling such as `/shops/{shop_id}/{order_id}` would be the same route. Name the sub-collection: `/shops/{shop_id}/items/{item_id}`.",
    incorrect: `service Shops {
  type Item { title text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /shops/{shop_id}/{item_id} -> 200 Item, 404
  }
}`,
    correct: `service Shops {
  type Item { title text }
  api "/api/v1" {
    auth jwt
    ratelimit 100/min per client
    GET /shops/{shop_id}/items/{item_id} -> 200 Item, 404
  }
}`,
    fix: "Inserts a collection segment named after the second parameter (`{item_id}` → `items/{item_id}`). Not preferred: it changes the URL and the name is a guess.",
    sources: ["IBM ibm-no-consecutive-path-parameter-segments", "Zalando #143"],
  },
  check({ model, report }) {
    for (const api of intactApis(model)) {
      const segs = segmentsOf(api.base);
      const i = segs.findIndex((s, k) => k > 0 && s.param && segs[k - 1]!.param);
      if (i > 0) report({ uri: api.uri, ...apiSpan(api), message: `The api base has two parameters in a row (\`${segs[i - 1]!.text}/${segs[i]!.text}\`): name the collection between them.` });
    }
    for (const ep of intactEndpoints(model)) {
      const base = segmentsOf(ep.api.base);
      const own = segmentsOf(ep.path);
      const all = [...base, ...own];
      const k = all.findIndex((s, j) => j >= Math.max(1, base.length) && s.param && all[j - 1]!.param);
      if (k < 0) continue;
      const second = all[k]!;
      const fixes: Fix[] = [];
      const name = collectionFor(second.text);
      if (name) {
        const at = ep.decl.path.start + second.start;
        fixes.push({ title: `Insert \`${name}/\` before \`${second.text}\``, edits: [{ uri: ep.uri, start: at, end: at, newText: `${name}/` }] });
      }
      report({
        uri: ep.uri,
        ...endpointSpan(ep),
        message: `\`${all[k - 1]!.text}/${second.text}\` are two parameters in a row: name the collection that \`${second.text}\` identifies${name ? ` (\`/${name}/${second.text}\`)` : ""}.`,
        fixes,
      });
    }
  },
});
