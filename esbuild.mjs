// Builds the separate bundles the extension and the CLI ship: dist/client.js,
// dist/server.js and dist/cli.js. esbuild does not typecheck: `npm run typecheck` does.
import * as esbuild from "esbuild";
import { readFileSync } from "node:fs";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const watch = process.argv.includes("--watch");
const production = process.argv.includes("--production");

const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  sourcemap: !production,
  sourcesContent: false,
  minify: production,
  logLevel: "warning",
  define: { ARCHWRIGHT_VERSION: JSON.stringify(version) },
};

const builds = [
  { ...common, entryPoints: ["client/src/extension.ts"], outfile: "dist/client.js", external: ["vscode"] },
  { ...common, entryPoints: ["server/src/main.ts"], outfile: "dist/server.js" },
  { ...common, entryPoints: ["cli/src/main.ts"], outfile: "dist/cli.js" },
  // `npm run docs:rules`: the rule pages, the README table and schemas/archwright.schema.json.
  { ...common, entryPoints: ["scripts/gen-rule-docs.ts"], outfile: "dist/gen-rule-docs.js" },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
