// The in-process half of the benchmark, run in a fresh Node process per
// sample (bundled to dist/bench/inproc.js by `npm run bench`): reads every
// .arch file of a folder, then times parse + analyse + lint — the first time
// (cold: a fresh process, nothing compiled yet) and then `--warm N` more
// times — and optionally `generate(model, {target: "openapi", whole: true})`
// `--generate N` times. Prints one JSON object on stdout.
//
//   node dist/bench/inproc.js --dir bench/workspaces/s1000 --warm 5 --generate 1

import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { analyze, check, parse } from "../core/src/index";
import { generate } from "../core/src/generators/index";

export interface Phase {
  parse: number;
  analyze: number;
  lint: number;
  total: number;
  /** CPU time (user + system, all threads of the process) of the whole run: less sensitive than wall time to a busy machine. */
  cpu: number;
}

export interface InprocResult {
  /** performance.now() when this script starts running: Node start-up plus module loading. */
  startupMs: number;
  readMs: number;
  files: number;
  lines: number;
  diagnostics: number;
  cold: Phase;
  warm: Phase[];
  generate: { ms: number; bytes: number }[];
  heapUsedMb: number;
  peakRssMb: number;
}

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function peakRssMb(): number {
  try {
    const m = /^VmHWM:\s+(\d+)/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return +(Number(m[1]) / 1024).toFixed(1);
  } catch {
    // not Linux
  }
  return +(process.memoryUsage().rss / 1024 / 1024).toFixed(1);
}

function main(): void {
  const startupMs = performance.now();
  const dir = resolve(arg("dir") ?? ".");
  const warmRuns = Number(arg("warm", "0"));
  const generateRuns = Number(arg("generate", "0"));

  const t0 = performance.now();
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith(".arch"))
    .sort()
    .map((f) => ({ uri: pathToFileURL(join(dir, f)).href, text: readFileSync(join(dir, f), "utf8") }));
  const readMs = performance.now() - t0;
  let lines = 0;
  for (const s of sources) for (let i = 0; i < s.text.length; i++) if (s.text.charCodeAt(i) === 10) lines++;

  let diagnostics = 0;
  let model = undefined as ReturnType<typeof analyze> | undefined;
  const once = (): Phase => {
    const cpu0 = process.cpuUsage();
    const a = performance.now();
    const files = sources.map((s) => parse(s.text, s.uri));
    const b = performance.now();
    model = analyze(files);
    const c = performance.now();
    diagnostics = check(model).length;
    const d = performance.now();
    const cpu = process.cpuUsage(cpu0);
    return { parse: b - a, analyze: c - b, lint: d - c, total: d - a, cpu: (cpu.user + cpu.system) / 1000 };
  };
  const cold = once();
  const warm: Phase[] = [];
  for (let r = 0; r < warmRuns; r++) warm.push(once());

  const gen: { ms: number; bytes: number }[] = [];
  for (let r = 0; r < generateRuns; r++) {
    const a = performance.now();
    const result = generate(model!, { target: "openapi", whole: true });
    const ms = performance.now() - a;
    gen.push({ ms, bytes: result.files.reduce((n, f) => n + f.text.length, 0) });
  }

  const result: InprocResult = {
    startupMs,
    readMs,
    files: sources.length,
    lines,
    diagnostics,
    cold,
    warm,
    generate: gen,
    heapUsedMb: +(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1),
    peakRssMb: peakRssMb(),
  };
  process.stdout.write(JSON.stringify(result) + "\n");
}

main();
