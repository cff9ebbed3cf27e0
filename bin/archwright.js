#!/usr/bin/env node
// The `archwright` command: the CLI bundle built by `npm run build` (run by `npm install`).
require("../dist/cli.js").run();
