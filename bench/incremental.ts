// What one keystroke costs the language server today, phase by phase, and
// what an incremental server could get it down to — measured in process on a
// generated workspace (bundled to dist/bench/incremental.js; `npm run bench --
// --profile` runs it at the largest size and puts the table in PROFILE.md).
//
// Today (server/src/server.ts, two passes): Workspace.set parses the edited
// file; 10 ms later the fast pass calls getModel(), which re-analyses every
// file of the workspace, lints the edited file with the file-scoped rules
// (lint(model, {onlyUri})), carries the workspace rules' last findings over
// and publishes the edited file; when typing pauses (250 ms) the full pass
// lints the whole model and JSON.stringify-compares every file's diagnostics.
//
// The lower bounds of an incremental design: parse the edited file; analyse
// only the edited file (binding + resolving its own references — in a real
// implementation against a kept global symbol table, at a similar cost); lint
// only the edited file's declarations with the file-scoped rules; convert the
// edited file's diagnostics. (The workspace rules — call graph, ownership,
// event contracts — stay in the pause pass; their cost on the whole model is
// shown for reference.)
//
//   node dist/bench/incremental.js --dir bench/workspaces/s1000 --edits 40

import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { analyze, check, lint, parse, RULES, Workspace, type Diagnostic, type Model } from "../core/src/index";
import { toLspDiagnostic } from "../server/src/convert";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

type Phases = Record<string, number[]>;

function main(): void {
  const dir = resolve(arg("dir", "."));
  const edits = Number(arg("edits", "40"));
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith(".arch"))
    .sort()
    .map((f) => ({ uri: pathToFileURL(join(dir, f)).href, text: readFileSync(join(dir, f), "utf8") }));
  const k = Math.floor(sources.length / 2);
  const edited = sources[k]!;

  // Keystrokes: an `x` after the type of a field, spread through the file.
  const offsets: number[] = [];
  {
    let offset = 0;
    for (const line of edited.text.split("\n")) {
      const m = /^( {6})([a-z_]+)( +)([A-Za-z_][A-Za-z0-9_]*)/.exec(line);
      if (m) offsets.push(offset + m[0].length);
      offset += line.length + 1;
    }
  }
  const picks = Array.from({ length: Math.min(edits, offsets.length) }, (_, i) => offsets[Math.floor((i * offsets.length) / Math.min(edits, offsets.length))]!);

  const ws = new Workspace();
  for (const s of sources) ws.set(s.uri, s.text);
  check(ws.getModel());

  const workspaceRules = RULES.filter((r) => r.scope !== "file");
  const publishAll = (model: Model, diagnostics: readonly Diagnostic[]) => {
    const byUri = new Map<string, unknown[]>();
    for (const uri of ws.uris()) byUri.set(uri, []);
    for (const d of diagnostics) {
      const lsp = toLspDiagnostic(d, model);
      if (lsp) byUri.get(d.uri)?.push(lsp);
    }
    let n = 0;
    for (const list of byUri.values()) n += JSON.stringify(list).length;
    return n;
  };

  const wall: Phases = {};
  const cpu: Phases = {};
  const time = <T>(name: string, f: () => T): T => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = f();
    const t = performance.now() - t0;
    const c = process.cpuUsage(c0);
    (wall[name] ??= []).push(t);
    (cpu[name] ??= []).push((c.user + c.system) / 1000);
    return r;
  };

  for (let round = 0; round < 2; round++) {
    for (const offset of picks) {
      for (const text of [edited.text.slice(0, offset) + "x" + edited.text.slice(offset), edited.text]) {
        // Today, per keystroke (the fast pass).
        time("today, keystroke: Workspace.set (parse the edited file)", () => ws.set(edited.uri, text));
        const model = time("today, keystroke: getModel (analyse every file)", () => ws.getModel());
        const own = time("today, keystroke: lint the edited file (file-scoped rules, lint(model, {onlyUri}))", () => lint(model, { onlyUri: edited.uri }));
        time("today, keystroke: convert and stringify the edited file's diagnostics", () => JSON.stringify(own.map((d) => toLspDiagnostic(d, model))).length);
        // Today, when typing pauses (the full pass): not part of the keystroke total.
        const diagnostics = time("(pause pass) check: lint the whole model", () => check(model));
        time("(pause pass) publish: convert every diagnostic, JSON.stringify every file", () => publishAll(model, diagnostics));
        time("(pause pass, for reference) the workspace-scoped rules alone", () => lint(model, { rules: workspaceRules }));
        // Incremental lower bounds.
        const file = time("incremental: parse the edited file", () => parse(text, edited.uri));
        const local = time("incremental: analyse the edited file only", () => analyze([file]));
        const localDiagnostics = time("incremental: lint the edited file (file-scoped rules)", () => lint(local, { onlyUri: edited.uri }));
        time("incremental: convert and stringify the edited file's diagnostics", () => JSON.stringify(localDiagnostics.map((d) => toLspDiagnostic(d, local))).length);
      }
    }
  }

  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[Math.floor(s.length / 2)]! : NaN;
  };
  const p95 = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]! : NaN;
  };
  const rows = Object.keys(wall).map((name) => ({ name, wallP50: +median(wall[name]!).toFixed(2), wallP95: +p95(wall[name]!).toFixed(2), cpuP50: +median(cpu[name]!).toFixed(2) }));
  const sum = (prefix: string, key: "wallP50" | "cpuP50") => +rows.filter((r) => r.name.startsWith(prefix)).reduce((n, r) => n + r[key], 0).toFixed(1);
  process.stdout.write(
    JSON.stringify({
      files: sources.length,
      lines: sources.reduce((n, s) => n + s.text.split("\n").length - 1, 0),
      editedFile: edited.uri.split("/").pop(),
      editedLines: edited.text.split("\n").length - 1,
      edits: picks.length * 2,
      rows,
      todayWallP50: sum("today, keystroke", "wallP50"),
      todayCpuP50: sum("today, keystroke", "cpuP50"),
      incrementalWallP50: sum("incremental", "wallP50"),
      incrementalCpuP50: sum("incremental", "cpuP50"),
    }) + "\n",
  );
}

main();
