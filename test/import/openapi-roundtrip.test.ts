// Round trips through OpenAPI: for every example model, generate one document
// per service, import each back, generate again, and compare. The second
// generation must equal the first (operations, parameters, bodies,
// responses, schemas, security), apart from the documented exceptions
// (docs/import.md, "Round trips").

import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { generateOpenApi } from "../../core/src/generators/openapi/generate-openapi";
import { importOpenApi } from "../../core/src/import/openapi/import-openapi";
import { errorsOf, exampleModels, fixtureModels, isFormatted, loadModel, modelOf, withoutSources } from "./support";

type Doc = Record<string, any>;

/** Parameters in a stable order: their order carries no meaning. */
function sortParameters(doc: Doc): Doc {
  for (const item of Object.values(doc.paths ?? {}) as Doc[]) {
    for (const op of Object.values(item) as Doc[]) {
      if (Array.isArray(op?.parameters)) op.parameters.sort((x: Doc, y: Doc) => key(x).localeCompare(key(y)));
    }
  }
  return doc;
}
const key = (p: Doc) => String(p.$ref ?? `${p.in}:${p.name}`);

for (const path of [...exampleModels(), ...fixtureModels().filter((p) => p.includes("/openapi/"))]) {
  describe(`OpenAPI round trip: ${basename(path)}`, () => {
    const first = generateOpenApi(loadModel(path)).files;
    it("has documents", () => expect(first.length).toBeGreaterThan(0));
    for (const file of first) {
      it(file.path, () => {
        const doc1 = parseYaml(file.text) as Doc;
        const imported = importOpenApi({ document: doc1, source: file.path });
        expect(errorsOf(imported.text)).toEqual([]);
        expect(isFormatted(imported.text)).toBe(true);
        const model = modelOf(imported.text);
        const service = model.services[0]!.symbol.name;
        const second = generateOpenApi(model, { service }).files;
        expect(second).toHaveLength(1);
        const doc2 = parseYaml(second[0]!.text) as Doc;
        const a = sortParameters(withoutSources(doc1));
        const b = sortParameters(withoutSources(doc2));
        for (const p of Object.keys(a.paths ?? {})) {
          for (const m of Object.keys(a.paths[p])) expect(b.paths?.[p]?.[m], `${m.toUpperCase()} ${p}`).toEqual(a.paths[p][m]);
        }
        expect(Object.keys(b.paths ?? {}).sort()).toEqual(Object.keys(a.paths ?? {}).sort());
        expect(b.components?.schemas ?? {}).toEqual(a.components?.schemas ?? {});
        expect(Object.keys(b.components?.schemas ?? {})).toEqual(Object.keys(a.components?.schemas ?? {}));
        expect(b.components?.responses).toEqual(a.components?.responses);
        expect(b.components?.parameters).toEqual(a.components?.parameters);
        expect(b.components?.securitySchemes).toEqual(a.components?.securitySchemes);
        expect(b["x-archwright-events"]).toEqual(a["x-archwright-events"]);
        expect(b.servers).toEqual(a.servers);
        expect(b.tags).toEqual(a.tags);
        expect(b.info).toEqual(a.info);
        expect(b).toEqual(a);
      });
    }
  });
}
