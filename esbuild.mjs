// Builds the separate bundles the extension and the CLI ship: dist/client.js,
// dist/server.js, dist/cli.js and the preview's dist/webview.js (for the
// browser), and copies Mermaid's browser bundle to dist/mermaid.min.js (the
// webview loads it once per panel). esbuild does not typecheck: `npm run typecheck` does.
import * as esbuild from "esbuild";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";

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
  // libpg-query loads its WebAssembly file from its own folder: it stays a runtime dependency.
  { ...common, entryPoints: ["cli/src/main.ts"], outfile: "dist/cli.js" },
  // The preview panel's script: runs in the webview, next to Mermaid's bundle.
  { ...common, platform: "browser", format: "iife", target: "chrome120", entryPoints: ["webview/src/main.ts"], outfile: "dist/webview.js" },
  // `npm run docs:rules`: the rule pages, the README table and schemas/archwright.schema.json.
  { ...common, entryPoints: ["scripts/gen-rule-docs.ts"], outfile: "dist/gen-rule-docs.js" },
];

mkdirSync(new URL("./dist/", import.meta.url), { recursive: true });
copyFileSync(new URL("./node_modules/mermaid/dist/mermaid.min.js", import.meta.url), new URL("./dist/mermaid.min.js", import.meta.url));
// PostgreSQL's parser (libpg-query, WebAssembly) is bundled into the CLI and the client; it loads its
// .wasm from the bundle's own folder.
copyFileSync(new URL("./node_modules/libpg-query/wasm/libpg-query.wasm", import.meta.url), new URL("./dist/libpg-query.wasm", import.meta.url));

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
