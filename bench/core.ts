// Measures parse + semantic analysis (+ lint) of a generated ~10,000-line
// model in process and writes bench/core-results.json. Run: npm run bench:core.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyze, lint, parse } from "../core/src/index";
import { generateWorkspace } from "./generate-model";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const services = Number(process.env["BENCH_SERVICES"] ?? 185); // ≈ 10,000 lines
const ws = generateWorkspace(services);
const runs = 15;
const parseTimes: number[] = [];
const analyzeTimes: number[] = [];
const lintTimes: number[] = [];
for (let r = 0; r < runs + 3; r++) {
  const t0 = performance.now();
  const files = ws.files.map((f) => parse(f.text, `file:///bench/${f.name}`));
  const t1 = performance.now();
  const model = analyze(files);
  const t2 = performance.now();
  lint(model);
  const t3 = performance.now();
  if (r >= 3) {
    parseTimes.push(t1 - t0);
    analyzeTimes.push(t2 - t1);
    lintTimes.push(t3 - t2);
  }
  if (r === 0 && model.diagnostics.some((d) => d.severity === "error")) {
    console.error("the generated model has errors:", model.diagnostics.filter((d) => d.severity === "error").slice(0, 5));
    process.exit(1);
  }
}
const result = {
  date: new Date().toISOString(),
  node: process.version,
  lines: ws.lines,
  files: ws.files.length,
  services,
  runs,
  medianMs: { parse: +median(parseTimes).toFixed(2), analyze: +median(analyzeTimes).toFixed(2), parseAndAnalyze: +(median(parseTimes) + median(analyzeTimes)).toFixed(2), lint: +median(lintTimes).toFixed(2) },
  minMs: { parse: +Math.min(...parseTimes).toFixed(2), analyze: +Math.min(...analyzeTimes).toFixed(2), lint: +Math.min(...lintTimes).toFixed(2) },
  maxMs: { parse: +Math.max(...parseTimes).toFixed(2), analyze: +Math.max(...analyzeTimes).toFixed(2), lint: +Math.max(...lintTimes).toFixed(2) },
};
writeFileSync(join(__dirname, "..", "bench", "core-results.json"), JSON.stringify(result, null, 2) + "\n");
console.log(JSON.stringify(result, null, 2));
