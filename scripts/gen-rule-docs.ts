// `npm run docs:rules`: writes the rule pages, their index, the JSON schema of
// archwright.json and the README's rule table from the registry (see
// rule-docs.ts), and removes pages of rules that no longer exist. Bundled by
// esbuild.mjs to dist/gen-rule-docs.js; test/rules-registry.test.ts fails when
// the committed files differ from what this would write.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { DOCS_DIR, generatedFiles, withReadmeTable } from "./rule-docs";

const root = resolve(__dirname, "..");

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith(".md") ? [join(dir, e.name)] : []));
}

let changed = 0;
const files = generatedFiles();
for (const [path, content] of files) {
  const abs = join(root, path);
  if (existsSync(abs) && readFileSync(abs, "utf8") === content) continue;
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  changed++;
  console.log(`wrote ${path}`);
}
for (const abs of markdownFiles(join(root, DOCS_DIR))) {
  const path = relative(root, abs).split(sep).join("/");
  if (files.has(path)) continue;
  rmSync(abs);
  changed++;
  console.log(`removed ${path}`);
}
const readmePath = join(root, "README.md");
const readme = existsSync(readmePath) ? readFileSync(readmePath, "utf8") : "# Archwright\n";
const updated = withReadmeTable(readme);
if (updated !== readme) {
  writeFileSync(readmePath, updated);
  changed++;
  console.log("wrote README.md (rule table)");
}
console.log(changed ? `${changed} file${changed === 1 ? "" : "s"} updated.` : "Rule docs are up to date.");
