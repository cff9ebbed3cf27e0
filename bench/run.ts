// Archwright's benchmark suite: `npm run bench` (or `npm run bench -- --quick`).
//
// For generated workspaces of 10, 100, 500 and 1,000 services (bench/generate-model.ts,
// ten services per file) it measures, as the median of several runs with min and max:
//   1. cold `archwright check <folder> --format json` (process start to exit), and the
//      in-process parse + analyse + lint time (cold: the first run of a fresh process;
//      warm: the runs after it);
//   2. `archwright generate openapi --whole` and, on the OpenAPI it writes, `redocly lint`
//      (@redocly/cli) and `spectral lint` with `spectral:oas` (@stoplight/spectral-cli),
//      and the ratios between those and Archwright's check;
//   3. the language server over stdio on the largest workspace (bench/lsp.ts);
//   4. the peak RSS of the CLI, the other linters and the server;
//   5. the time per line at each size.
// It writes bench/results.json and bench/RESULTS.md.
//
// `npm run bench -- --profile` instead runs node --cpu-prof on the in-process check,
// the OpenAPI generator and the server at the largest size and writes bench/PROFILE.md
// (raw profiles in bench/workspaces/profiles/, open them in Chrome DevTools).
//
// Options: --quick (sizes 10, 100, 300 and fewer runs: about a minute), --sizes 10,100
// (any list), --no-external (skip Redocly and Spectral), --no-lsp.
// Redocly and Spectral are dev dependencies of the bench only (bench/package.json); they
// are installed into bench/node_modules on the first run.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { generateWorkspace, type GeneratedWorkspace } from "./generate-model";
import type { InprocResult, Phase } from "./inproc";
import { runLsp, SERVER_DEBOUNCE_MS, type LspResult } from "./lsp";
import { formatSummary, readProfile, summarizeProfile, type ProfileSummary } from "./profile";
import { load, machine, summary, timedRun, type ProcessRun, type Summary } from "./util";

// ---- options -------------------------------------------------------------------------

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const value = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = flag("quick");
const profileMode = flag("profile");
const sizes = (value("sizes") ?? (quick ? "10,100,300" : "10,100,500,1000")).split(",").map(Number).filter((n) => n > 0);
const external = !flag("no-external");
const lsp = !flag("no-lsp");

/** Runs per measurement. External linters and the generator are slow at the large sizes: fewer runs there. */
const RUNS = {
  check: quick ? 3 : 5,
  inproc: quick ? 3 : 5,
  warm: quick ? 3 : 5,
  generate: (services: number) => (quick ? 1 : services >= 1000 ? 1 : services >= 500 ? 2 : 3),
  redocly: (services: number) => (quick ? (services >= 300 ? 1 : 2) : 3),
  spectral: (services: number) => (quick ? 1 : services >= 1000 ? 1 : services >= 500 ? 2 : 3),
  keystrokes: quick ? 30 : 100,
  requests: quick ? 50 : 200,
};

const ROOT = resolve(__dirname, "..", "..");
const BENCH = join(ROOT, "bench");
const WORK = join(BENCH, "workspaces");
const CLI = join(ROOT, "bin", "archwright.js");
const SERVER = join(ROOT, "dist", "server.js");
const INPROC = join(__dirname, "inproc.js");
const INCREMENTAL = join(__dirname, "incremental.js");
const NODE = process.execPath;
const TOOL_ENV = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1", FORCE_COLOR: "0" };

const log = (s: string) => process.stderr.write(s + "\n");

// ---- set-up ----------------------------------------------------------------------------

function toolBin(pkg: string, name: string): string | undefined {
  const manifest = join(BENCH, "node_modules", pkg, "package.json");
  if (!existsSync(manifest)) return undefined;
  const bin = (JSON.parse(readFileSync(manifest, "utf8")) as { bin?: string | Record<string, string> }).bin;
  const rel = typeof bin === "string" ? bin : bin?.[name];
  return rel ? join(dirname(manifest), rel) : undefined;
}

function ensureTools(): { redocly: string; spectral: string; versions: Record<string, string> } {
  if (!toolBin("@redocly/cli", "redocly") || !toolBin("@stoplight/spectral-cli", "spectral")) {
    log("installing the bench's dev dependencies (@redocly/cli, @stoplight/spectral-cli) into bench/node_modules …");
    const lock = existsSync(join(BENCH, "package-lock.json"));
    const r = spawnSync("npm", [lock ? "ci" : "install", "--prefix", BENCH, "--no-audit", "--no-fund", "--loglevel=error"], { stdio: "inherit", cwd: ROOT });
    if (r.status !== 0) throw new Error("npm could not install the bench's dev dependencies");
  }
  const version = (pkg: string) => (JSON.parse(readFileSync(join(BENCH, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
  return {
    redocly: toolBin("@redocly/cli", "redocly")!,
    spectral: toolBin("@stoplight/spectral-cli", "spectral")!,
    versions: { "@redocly/cli": version("@redocly/cli"), "@stoplight/spectral-cli": version("@stoplight/spectral-cli") },
  };
}

function writeWorkspace(services: number): { dir: string; ws: GeneratedWorkspace } {
  const ws = generateWorkspace(services);
  const dir = join(WORK, `s${services}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of ws.files) writeFileSync(join(dir, f.name), f.text);
  return { dir, ws };
}

// ---- measuring ---------------------------------------------------------------------------

async function repeat(n: number, what: string, run: () => Promise<ProcessRun>, ok: (r: ProcessRun) => boolean = (r) => r.code === 0 || r.code === 1): Promise<ProcessRun[]> {
  const out: ProcessRun[] = [];
  for (let i = 0; i < n; i++) {
    const r = await run();
    if (!ok(r)) throw new Error(`${what} failed (exit ${r.code}): ${r.stderr.slice(-800)}`);
    out.push(r);
  }
  return out;
}

const ms = (runs: readonly ProcessRun[]) => summary(runs.map((r) => r.ms), 1);
const cpu = (runs: readonly ProcessRun[]) => summary(runs.flatMap((r) => (r.cpuMs !== undefined ? [r.cpuMs] : [])), 0);
const rss = (runs: readonly ProcessRun[]) => summary(runs.flatMap((r) => (r.peakRssMb !== undefined ? [r.peakRssMb] : [])), 1);
const phases = (list: readonly Phase[]) => ({
  parse: summary(list.map((p) => p.parse), 1),
  analyze: summary(list.map((p) => p.analyze), 1),
  lint: summary(list.map((p) => p.lint), 1),
  total: summary(list.map((p) => p.total), 1),
  cpu: summary(list.map((p) => p.cpu), 1),
});

interface ToolResult {
  ms: Summary;
  cpuMs: Summary;
  peakRssMb: Summary;
  problems: number | null;
  exitCode: number | null;
}

interface SizeResult {
  services: number;
  files: number;
  lines: number;
  counts: GeneratedWorkspace["counts"];
  loadavgBefore: number[];
  diagnostics: number;
  cliCheck: { ms: Summary; cpuMs: Summary; peakRssMb: Summary; exitCode: number | null };
  inProcess: { cold: ReturnType<typeof phases>; warm: ReturnType<typeof phases>; processStartupMs: Summary; readFilesMs: Summary; peakRssMb: Summary };
  perLine: { cliCheckUs: number; inProcessColdUs: number; inProcessWarmUs: number };
  openapi?: {
    generateCli: { ms: Summary; cpuMs: Summary; peakRssMb: Summary };
    generateInProcess: Summary;
    bytes: number;
    lines: number;
    operations: number;
    redocly?: ToolResult;
    spectral?: ToolResult;
    ratios?: Ratios;
  };
}

interface Ratios {
  /** Archwright's cold CLI check divided by the other tool's lint (process start to exit both): < 1 is faster. */
  cliCheckOverRedocly?: number;
  cliCheckOverSpectral?: number;
  /** The other tool's time divided by Archwright's: how many times faster Archwright is. */
  speedupVsRedocly?: number;
  speedupVsSpectral?: number;
  /** The same with Archwright's cold in-process parse + analyse + lint (the issue's phrasing of the target). */
  inProcessSpeedupVsRedocly?: number;
  inProcessSpeedupVsSpectral?: number;
  /** The same as speedupVs* with CPU time (user + system) instead of wall time. */
  cpuSpeedupVsRedocly?: number;
  cpuSpeedupVsSpectral?: number;
}

function countOperations(yaml: string): number {
  return (yaml.match(/^ {4}(get|put|post|patch|delete|head|options):$/gm) ?? []).length;
}

async function measureSize(services: number, tools: ReturnType<typeof ensureTools> | undefined): Promise<SizeResult> {
  const loadavgBefore = load();
  const { dir, ws } = writeWorkspace(services);
  log(`\n== ${services} services: ${ws.lines} lines in ${ws.files.length} files (load ${loadavgBefore.join(" ")})`);

  // 1. Cold CLI check, process start to exit.
  const check = await repeat(RUNS.check, "archwright check", () => timedRun(NODE, [CLI, "check", dir, "--format", "json"]));
  const diagnostics = (JSON.parse(check[0]!.stdout) as unknown[]).length;
  log(`   archwright check (CLI): median ${ms(check).median} ms (CPU ${cpu(check).median} ms), ${diagnostics} diagnostics, peak RSS ${rss(check).median} MB`);

  // 1b. In process: a fresh process per sample; its first run is cold, the others warm.
  const inproc: InprocResult[] = [];
  for (const r of await repeat(RUNS.inproc, "in-process check", () => timedRun(NODE, [INPROC, "--dir", dir, "--warm", String(RUNS.warm)]), (r) => r.code === 0)) {
    inproc.push(JSON.parse(r.stdout.trim().split("\n").pop()!) as InprocResult);
  }
  const cold = phases(inproc.map((r) => r.cold));
  const warm = phases(inproc.flatMap((r) => r.warm));
  log(`   in process: cold ${cold.total.median} ms (CPU ${cold.cpu.median} ms; parse ${cold.parse.median}, analyse ${cold.analyze.median}, lint ${cold.lint.median}); warm ${warm.total.median} ms`);

  const result: SizeResult = {
    services,
    files: ws.files.length,
    lines: ws.lines,
    counts: ws.counts,
    loadavgBefore,
    diagnostics,
    cliCheck: { ms: ms(check), cpuMs: cpu(check), peakRssMb: rss(check), exitCode: check[0]!.code },
    inProcess: {
      cold,
      warm,
      processStartupMs: summary(inproc.map((r) => r.startupMs), 1),
      readFilesMs: summary(inproc.map((r) => r.readMs), 1),
      peakRssMb: summary(inproc.map((r) => r.peakRssMb), 1),
    },
    perLine: {
      cliCheckUs: +((ms(check).median * 1000) / ws.lines).toFixed(2),
      inProcessColdUs: +((cold.total.median * 1000) / ws.lines).toFixed(2),
      inProcessWarmUs: +((warm.total.median * 1000) / ws.lines).toFixed(2),
    },
  };
  if (!tools) return result;

  // 2. The OpenAPI of the whole model, then Redocly and Spectral on it.
  const out = join(WORK, `s${services}-openapi`);
  const genRuns = await repeat(RUNS.generate(services), "archwright generate openapi", () => {
    rmSync(out, { recursive: true, force: true });
    return timedRun(NODE, [CLI, "generate", "openapi", dir, "--whole", "-o", out]);
  }, (r) => r.code === 0);
  const file = readdirSync(out).find((f) => f.endsWith(".yaml") || f.endsWith(".json"));
  if (!file) throw new Error(`archwright generate openapi wrote nothing to ${out}`);
  const yaml = readFileSync(join(out, file), "utf8");
  writeFileSync(join(out, ".spectral.yaml"), 'extends: ["spectral:oas"]\n');
  const genInproc = (await repeat(1, "in-process generate", () => timedRun(NODE, [INPROC, "--dir", dir, "--generate", String(RUNS.generate(services))]), (r) => r.code === 0)).map((r) => JSON.parse(r.stdout.trim().split("\n").pop()!) as InprocResult)[0]!;
  log(`   generate openapi (CLI): median ${ms(genRuns).median} ms; in process ${summary(genInproc.generate.map((g) => g.ms), 1).median} ms; ${(yaml.length / 1e6).toFixed(1)} MB, ${yaml.split("\n").length} lines`);
  result.openapi = {
    generateCli: { ms: ms(genRuns), cpuMs: cpu(genRuns), peakRssMb: rss(genRuns) },
    generateInProcess: summary(genInproc.generate.map((g) => g.ms), 1),
    bytes: yaml.length,
    lines: yaml.split("\n").length - 1,
    operations: countOperations(yaml),
  };

  if (external) {
    const redocly = await repeat(RUNS.redocly(services), "redocly lint", () => timedRun(NODE, [tools.redocly, "lint", file, "--format=json"], { cwd: out, env: TOOL_ENV }));
    let redoclyProblems: number | null = null;
    try {
      const t = (JSON.parse(redocly[0]!.stdout) as { totals: { errors: number; warnings: number } }).totals;
      redoclyProblems = t.errors + t.warnings;
    } catch {
      redoclyProblems = null;
    }
    result.openapi.redocly = { ms: ms(redocly), cpuMs: cpu(redocly), peakRssMb: rss(redocly), problems: redoclyProblems, exitCode: redocly[0]!.code };
    log(`   redocly lint: median ${ms(redocly).median} ms (CPU ${cpu(redocly).median} ms), ${redoclyProblems} problems, peak RSS ${rss(redocly).median} MB`);

    const spectral = await repeat(RUNS.spectral(services), "spectral lint", () => timedRun(NODE, [tools.spectral, "lint", file, "--ruleset", ".spectral.yaml", "--format", "json"], { cwd: out, env: TOOL_ENV }));
    let spectralProblems: number | null = null;
    try {
      spectralProblems = (JSON.parse(spectral[0]!.stdout) as unknown[]).length;
    } catch {
      spectralProblems = null;
    }
    result.openapi.spectral = { ms: ms(spectral), cpuMs: cpu(spectral), peakRssMb: rss(spectral), problems: spectralProblems, exitCode: spectral[0]!.code };
    log(`   spectral lint: median ${ms(spectral).median} ms (CPU ${cpu(spectral).median} ms), ${spectralProblems} problems, peak RSS ${rss(spectral).median} MB`);

    const a = ms(check).median;
    const ip = cold.total.median;
    const r = ms(redocly).median;
    const s = ms(spectral).median;
    result.openapi.ratios = {
      cliCheckOverRedocly: +(a / r).toFixed(3),
      cliCheckOverSpectral: +(a / s).toFixed(4),
      speedupVsRedocly: +(r / a).toFixed(1),
      speedupVsSpectral: +(s / a).toFixed(1),
      inProcessSpeedupVsRedocly: +(r / ip).toFixed(1),
      inProcessSpeedupVsSpectral: +(s / ip).toFixed(1),
      ...(cpu(check).n && cpu(redocly).n ? { cpuSpeedupVsRedocly: +(cpu(redocly).median / cpu(check).median).toFixed(1), cpuSpeedupVsSpectral: +(cpu(spectral).median / cpu(check).median).toFixed(1) } : {}),
    };
  }
  return result;
}

// ---- targets and the report --------------------------------------------------------------------

interface Target {
  name: string;
  target: string;
  measured: string;
  met: boolean | null;
  note?: string;
}

function targets(results: SizeResult[], server: (LspResult & { services: number }) | undefined): Target[] {
  const out: Target[] = [];
  const largest = results[results.length - 1]!;
  const smallest = results[0]!;
  const L = `${largest.services} services, ${largest.lines} lines`;
  out.push({
    name: `in-process check, cold (${L})`,
    target: "< 500 ms",
    measured: `${largest.inProcess.cold.total.median} ms (CPU ${largest.inProcess.cold.cpu.median} ms; warm ${largest.inProcess.warm.total.median} ms)`,
    met: largest.inProcess.cold.total.median < 500,
  });
  out.push({ name: `CLI check, process start to exit (${L})`, target: "(no target; for the ratios)", measured: `${largest.cliCheck.ms.median} ms`, met: null });
  const ratios = largest.openapi?.ratios;
  if (ratios) {
    out.push({
      name: "faster than Redocly on the equivalent OpenAPI",
      target: "≥ 20×",
      measured: `${ratios.speedupVsRedocly}× (CLI vs CLI); ${ratios.cpuSpeedupVsRedocly ?? "—"}× in CPU time; ${ratios.inProcessSpeedupVsRedocly}× (in-process check vs Redocly's CLI)`,
      met: (ratios.speedupVsRedocly ?? 0) >= 20,
      note: "judged CLI vs CLI (both process start to exit)",
    });
    out.push({
      name: "faster than Spectral on the equivalent OpenAPI",
      target: "≥ 50×",
      measured: `${ratios.speedupVsSpectral}× (CLI vs CLI); ${ratios.cpuSpeedupVsSpectral ?? "—"}× in CPU time; ${ratios.inProcessSpeedupVsSpectral}× (in-process check vs Spectral's CLI)`,
      met: (ratios.speedupVsSpectral ?? 0) >= 50,
      note: "judged CLI vs CLI (both process start to exit)",
    });
  }
  if (server) {
    out.push({
      name: `keystroke → diagnostics p95 (${server.services} services)`,
      target: "< 30 ms",
      measured: `${server.didChangeToPublish.all.p95} ms (${server.didChangeToPublish.allMinusDebounce.p95} ms without the server's ${SERVER_DEBOUNCE_MS} ms debounce)`,
      met: server.didChangeToPublish.all.p95 < 30,
    });
    out.push({ name: "completion p95", target: "< 10 ms", measured: `${server.completion.p95} ms`, met: server.completion.p95 < 10 });
    out.push({ name: "hover p95", target: "< 10 ms", measured: `${server.hover.p95} ms`, met: server.hover.p95 < 10 });
    out.push({ name: "server memory (peak RSS)", target: "< 200 MB", measured: `${server.memory.peakRssMb} MB`, met: server.memory.peakRssMb < 200 });
  }
  const growth = largest.perLine.inProcessWarmUs / smallest.perLine.inProcessWarmUs;
  out.push({
    name: `time per line, ${largest.services} vs ${smallest.services} services`,
    target: "≤ 1.5×",
    measured: `${growth.toFixed(2)}× warm in process (${smallest.perLine.inProcessWarmUs} → ${largest.perLine.inProcessWarmUs} µs/line); cold ${(largest.perLine.inProcessColdUs / smallest.perLine.inProcessColdUs).toFixed(2)}×; CLI ${(largest.perLine.cliCheckUs / smallest.perLine.cliCheckUs).toFixed(2)}×`,
    met: growth <= 1.5,
    note: "judged on the warm in-process time: cold runs at the small sizes are dominated by JIT warm-up",
  });
  return out;
}

const fmt = (s: Summary | undefined, unit = "") => (s && s.n ? `${s.median}${unit} (${s.min}–${s.max})` : "—");

function markdown(report: Report): string {
  const m = report.machine;
  const rows: string[] = [];
  const line = (cells: (string | number | undefined)[]) => rows.push(`| ${cells.map((c) => (c === undefined ? "—" : String(c))).join(" | ")} |`);
  rows.push(`# Archwright benchmark results`, "");
  rows.push(`Generated by \`npm run bench${report.mode === "quick" ? " -- --quick" : ""}\` on ${report.date}. Do not edit: re-run the suite. How it works and what the figures mean: [README.md](README.md).`, "");
  rows.push(`- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB; ${m.platform}; Node ${m.node}`);
  rows.push(`- Load average (1, 5, 15 min): ${report.loadavg.start.join(", ")} at the start, ${report.loadavg.end.join(", ")} at the end${Math.max(report.loadavg.start[0]!, report.loadavg.end[0]!, ...report.sizes.map((r) => r.loadavgBefore[0]!)) > m.cores / 2 ? " — **the machine was busy with other work during the run: absolute times are inflated and noisy (compare the CPU times, and the ratios measured in the same run)**" : ""}`);
  rows.push(`- Tools: ${Object.entries(report.tools).map(([k, v]) => `${k} ${v}`).join(", ") || "none"}`);
  rows.push(`- Times are the median of several runs, with (min–max); n runs as noted. Peak RSS from ${m.gnuTime ? "GNU time (`%M`)" : "/proc"}, server from /proc/<pid>/status VmHWM.`, "");

  rows.push("## Targets", "");
  line(["target", "goal", "measured", "met"]);
  line(["---", "---", "---", "---"]);
  for (const t of report.targets) line([t.name, t.target, t.measured + (t.note ? ` — ${t.note}` : ""), t.met === null ? "—" : t.met ? "yes" : "**no**"]);
  rows.push("");

  rows.push("## Check: CLI and in process", "");
  line(["services", "files", "lines", "diagnostics", "CLI check ms", "CLI CPU ms", "CLI peak RSS MB", "in-process cold ms", "cold CPU ms", "cold parse / analyse / lint ms", "in-process warm ms", "warm CPU ms", "warm parse / analyse / lint ms"]);
  line(["---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---", "---:", "---:", "---"]);
  for (const r of report.sizes) {
    line([
      r.services,
      r.files,
      r.lines,
      r.diagnostics,
      fmt(r.cliCheck.ms),
      r.cliCheck.cpuMs.n ? r.cliCheck.cpuMs.median : undefined,
      r.cliCheck.peakRssMb.median,
      fmt(r.inProcess.cold.total),
      r.inProcess.cold.cpu.median,
      `${r.inProcess.cold.parse.median} / ${r.inProcess.cold.analyze.median} / ${r.inProcess.cold.lint.median}`,
      fmt(r.inProcess.warm.total),
      r.inProcess.warm.cpu.median,
      `${r.inProcess.warm.parse.median} / ${r.inProcess.warm.analyze.median} / ${r.inProcess.warm.lint.median}`,
    ]);
  }
  const r0 = report.sizes[0];
  rows.push("", `CLI runs: ${r0?.cliCheck.ms.n}; in-process: ${r0?.inProcess.cold.total.n} fresh processes (cold), ${r0?.inProcess.warm.total.n} warm runs. Node start-up and module loading before the in-process run: ${fmt(r0?.inProcess.processStartupMs, " ms")}.`, "");

  rows.push("## Time per line", "");
  line(["services", "lines", "CLI check µs/line", "in-process cold µs/line", "in-process warm µs/line"]);
  line(["---:", "---:", "---:", "---:", "---:"]);
  for (const r of report.sizes) line([r.services, r.lines, r.perLine.cliCheckUs, r.perLine.inProcessColdUs, r.perLine.inProcessWarmUs]);
  rows.push("");

  if (report.sizes.some((r) => r.openapi)) {
    rows.push("## The equivalent OpenAPI: Archwright vs Redocly vs Spectral", "");
    rows.push("Archwright checks the .arch model; Redocly and Spectral lint the OpenAPI 3.1 document Archwright generates from it (`generate openapi --whole`), in the same run on the same machine. All three are timed from process start to exit.", "");
    line(["services", "OpenAPI", "generate (CLI) ms", "generate (in process) ms", "Archwright check ms", "Redocly lint ms", "Spectral lint ms", "Archwright / Redocly", "Archwright / Spectral", "CPU ms: Archwright / Redocly / Spectral", "peak RSS MB: Archwright / Redocly / Spectral"]);
    line(["---:", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---", "---"]);
    for (const r of report.sizes) {
      const o = r.openapi;
      if (!o) continue;
      line([
        r.services,
        `${(o.bytes / 1e6).toFixed(1)} MB, ${o.lines} lines, ${o.operations} operations`,
        fmt(o.generateCli.ms),
        fmt(o.generateInProcess),
        fmt(r.cliCheck.ms),
        fmt(o.redocly?.ms),
        fmt(o.spectral?.ms),
        o.ratios ? `${o.ratios.cliCheckOverRedocly} (${o.ratios.speedupVsRedocly}× faster)` : undefined,
        o.ratios ? `${o.ratios.cliCheckOverSpectral} (${o.ratios.speedupVsSpectral}× faster)` : undefined,
        `${r.cliCheck.cpuMs.median} / ${o.redocly?.cpuMs.median ?? "—"} / ${o.spectral?.cpuMs.median ?? "—"}`,
        `${r.cliCheck.peakRssMb.median} / ${o.redocly?.peakRssMb.median ?? "—"} / ${o.spectral?.peakRssMb.median ?? "—"}`,
      ]);
    }
    rows.push("");
    const last = report.sizes[report.sizes.length - 1]!;
    if (last.openapi?.redocly) {
      rows.push(`Problems reported at ${last.services} services: Archwright ${last.diagnostics}, Redocly ${last.openapi.redocly.problems}, Spectral ${last.openapi.spectral?.problems}. Runs: generate ${last.openapi.generateCli.ms.n}, Redocly ${last.openapi.redocly.ms.n}, Spectral ${last.openapi.spectral?.ms.n} at this size (fewer at the large sizes to keep the suite short).`, "");
    }
  }

  const s = report.server;
  if (s) {
    rows.push(`## Language server (${s.services} services, ${s.workspace.lines} lines in ${s.workspace.files} files)`, "");
    rows.push(`Edited file: ${s.workspace.editedFile} (${s.workspace.editedFileLines} lines). Each keystroke types \`x\` after the type of a field (an unknown type: the file's diagnostics change, so the server publishes), spread through the file; each is then deleted again. Figures include the server's ${SERVER_DEBOUNCE_MS} ms publish debounce.`, "");
    line(["measure", "n", "p50 ms", "p95 ms", "max ms"]);
    line(["---", "---:", "---:", "---:", "---:"]);
    const p = (name: string, x: { n: number; p50: number; p95: number; max: number }) => line([name, x.n, x.p50, x.p95, x.max]);
    p("didChange → publishDiagnostics (keystroke)", s.didChangeToPublish.keystroke);
    p("didChange → publishDiagnostics (revert)", s.didChangeToPublish.revert);
    p("didChange → publishDiagnostics (all)", s.didChangeToPublish.all);
    p(`  the same minus the ${SERVER_DEBOUNCE_MS} ms debounce`, s.didChangeToPublish.allMinusDebounce);
    p(`completion (settled model; ${s.completion.meanItems} items on average)`, s.completion);
    p("completion right after a keystroke (pays the re-analysis)", s.completionAfterKeystroke);
    p(`hover (${s.hover.nonEmpty} non-empty)`, s.hover);
    p(`definition (${s.definition.found} found)`, s.definition);
    rows.push("");
    rows.push(`Start-up: \`initialize\` answered after ${s.startup.initializeMs} ms; diagnostics of all ${s.workspace.files} files published ${s.startup.firstDiagnosticsAllFilesMs} ms after spawn. Server peak RSS (VmHWM): ${s.memory.peakRssMb} MB (RSS after start-up ${s.startup.rssAfterStartupMb} MB, at the end ${s.memory.rssAtEndMb} MB).${s.didChangeToPublish.missed ? ` ${s.didChangeToPublish.missed} edits got no publish within 30 s.` : ""}`, "");
  }

  rows.push("## Notes", "");
  for (const n of report.notes) rows.push(`- ${n}`);
  rows.push("");
  return rows.join("\n");
}

interface Report {
  date: string;
  mode: "full" | "quick" | "custom";
  machine: ReturnType<typeof machine>;
  loadavg: { start: number[]; end: number[] };
  tools: Record<string, string>;
  durationS: number;
  sizes: SizeResult[];
  server?: LspResult & { services: number; loadavgBefore: number[] };
  targets: Target[];
  notes: string[];
}

// ---- profiling ---------------------------------------------------------------------------

async function profile(): Promise<void> {
  const services = sizes[sizes.length - 1]!;
  const { dir, ws } = writeWorkspace(services);
  const profDir = join(WORK, "profiles");
  rmSync(profDir, { recursive: true, force: true });
  mkdirSync(profDir, { recursive: true });
  const sections: string[] = [];
  let incrementalTable = "";
  const newest = (d: string) => join(d, readdirSync(d).filter((f) => f.endsWith(".cpuprofile")).sort().pop()!);
  const loadBefore = load();
  const prof = async (name: string, args: string[]): Promise<ProfileSummary> => {
    const d = join(profDir, name);
    mkdirSync(d, { recursive: true });
    const r = await timedRun(NODE, ["--cpu-prof", `--cpu-prof-dir=${d}`, "--cpu-prof-interval=250", INPROC, "--dir", dir, ...args]);
    if (r.code !== 0) throw new Error(`${name}: ${r.stderr.slice(-500)}`);
    const s = summarizeProfile(readProfile(newest(d)), 30);
    log(formatSummary(name, s, 15));
    return s;
  };
  log(`profiling at ${services} services (${ws.lines} lines) …`);
  const cold = await prof("check-cold", ["--warm", "0"]);
  sections.push(formatSummary(`In-process check, one cold run (parse + analyse + lint in a fresh process; includes module loading and reading the files)`, cold, 30));
  const warm = await prof("check-warm", ["--warm", "10"]);
  sections.push(formatSummary(`In-process check, 1 cold + 10 warm runs`, warm, 30));
  const gen = await prof("generate-openapi", ["--generate", "1"]);
  sections.push(formatSummary(`generate(model, {target: "openapi", whole: true}) once (after one check)`, gen, 30));
  {
    log("keystroke cost today vs an incremental server (in process) …");
    const r = await timedRun(NODE, [INCREMENTAL, "--dir", dir, "--edits", quick ? "15" : "40"]);
    if (r.code !== 0) throw new Error(`incremental: ${r.stderr.slice(-500)}`);
    const j = JSON.parse(r.stdout.trim().split("\n").pop()!) as { files: number; lines: number; editedFile: string; editedLines: number; edits: number; rows: { name: string; wallP50: number; wallP95: number; cpuP50: number }[]; todayWallP50: number; todayCpuP50: number; incrementalWallP50: number; incrementalCpuP50: number };
    const table = [
      `Keystroke cost in process (the server's work without the LSP transport), ${j.edits} edits of ${j.editedFile} (${j.editedLines} lines) in ${j.files} files / ${j.lines} lines: what the server does today, and the lower bounds of an incremental server (bench/incremental.ts).`,
      "",
      "| phase | wall p50 ms | wall p95 ms | CPU p50 ms |",
      "| --- | ---: | ---: | ---: |",
      ...j.rows.map((x) => `| ${x.name} | ${x.wallP50} | ${x.wallP95} | ${x.cpuP50} |`),
      `| **today, per keystroke, total** | **${j.todayWallP50}** | | **${j.todayCpuP50}** |`,
      `| **incremental lower bound, total** | **${j.incrementalWallP50}** | | **${j.incrementalCpuP50}** |`,
      "",
    ].join("\n");
    log(table);
    incrementalTable = table;
  }
  if (lsp) {
    const d = join(profDir, "server");
    mkdirSync(d, { recursive: true });
    // A readable (never minified) bundle of the same server, built by `npm run bench` next to this script.
    const serverJs = existsSync(join(__dirname, "server.js")) ? join(__dirname, "server.js") : SERVER;
    await runLsp({ serverJs, dir, files: ws.files, editFile: Math.floor(ws.files.length / 2), keystrokes: 30, requests: 30, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${d}`, "--cpu-prof-interval=250"] });
    const s = summarizeProfile(readProfile(newest(d)), 30);
    log(formatSummary("server", s, 15));
    sections.push(formatSummary(`Language server: start-up, 30 keystrokes + 30 reverts, 30 completions, hovers and definitions, 30 completions right after a keystroke`, s, 30));
  }
  const text = [
    "# Archwright CPU profiles",
    "",
    `Generated by \`npm run bench -- --profile\` on ${new Date().toISOString()} at ${services} services (${ws.lines} lines in ${ws.files.length} files); ${machine().cpu}, ${machine().cores} cores, Node ${process.version}; load average ${loadBefore.join(", ")}. Sampled with \`node --cpu-prof --cpu-prof-interval=250\` (µs); functions are named with the source module they were bundled from. Raw profiles: bench/workspaces/profiles/ (open in Chrome DevTools → Performance). The analysis of these figures is in [README.md](README.md).`,
    "",
    "## The keystroke, phase by phase",
    "",
    incrementalTable,
    "## CPU profiles",
    "",
    ...sections.map((s) => "```\n" + s + "\n```\n"),
  ].join("\n");
  writeFileSync(join(BENCH, "PROFILE.md"), text);
  log("\nwrote bench/PROFILE.md");
}

// ---- main ----------------------------------------------------------------------------------

async function main(): Promise<void> {
  for (const f of [CLI, SERVER, join(ROOT, "dist", "cli.js"), INPROC]) if (!existsSync(f)) throw new Error(`${f} is missing: run npm run build (npm run bench builds it)`);
  mkdirSync(WORK, { recursive: true });
  if (profileMode) return profile();

  const started = performance.now();
  const loadStart = load();
  const tools = external ? ensureTools() : undefined;
  log(`Archwright benchmark (${quick ? "quick" : "full"}): sizes ${sizes.join(", ")}; ${machine().cpu}, ${machine().cores} cores, Node ${process.version}; load ${loadStart.join(" ")}`);

  const results: SizeResult[] = [];
  for (const services of sizes) results.push(await measureSize(services, tools));

  let server: Report["server"];
  if (lsp) {
    const services = sizes[sizes.length - 1]!;
    const ws = generateWorkspace(services);
    const loadavgBefore = load();
    log(`\n== language server on ${services} services (${ws.lines} lines), ${RUNS.keystrokes} keystrokes + reverts, ${RUNS.requests} requests of each kind (load ${loadavgBefore.join(" ")})`);
    const r = await runLsp({ serverJs: SERVER, dir: join(WORK, `s${services}`), files: ws.files, editFile: Math.floor(ws.files.length / 2), keystrokes: RUNS.keystrokes, requests: RUNS.requests });
    server = { ...r, services, loadavgBefore };
    log(`   start-up to all diagnostics ${r.startup.firstDiagnosticsAllFilesMs} ms; didChange → publish p50 ${r.didChangeToPublish.all.p50} / p95 ${r.didChangeToPublish.all.p95} ms; completion p95 ${r.completion.p95}, hover p95 ${r.hover.p95}, definition p95 ${r.definition.p95} ms; peak RSS ${r.memory.peakRssMb} MB`);
  }

  const report: Report = {
    date: new Date().toISOString(),
    mode: flag("sizes") ? "custom" : quick ? "quick" : "full",
    machine: machine(),
    loadavg: { start: loadStart, end: load() },
    tools: tools?.versions ?? {},
    durationS: Math.round((performance.now() - started) / 1000),
    sizes: results,
    ...(server ? { server } : {}),
    targets: targets(results, server),
    notes: [
      "Workspaces come from bench/generate-model.ts (deterministic, seed 42, ten services per file, a few per cent of anti-patterns: every diagnostic is a planted lint finding, warnings and infos only).",
      "CLI check = `node bin/archwright.js check <folder> --format json`, timed from spawn to exit: Node start-up, loading the bundle, reading the files, parse, analyse, lint, JSON output.",
      "In process = parse + analyse + lint (`check(model)`) of texts already in memory; cold = the first run in a fresh process (nothing JIT-compiled yet), warm = the runs after it in the same process.",
      "Redocly runs `redocly lint` with its built-in recommended rules; Spectral runs `spectral lint` with a .spectral.yaml of `extends: [\"spectral:oas\"]`; both on the YAML Archwright generated, both with telemetry off.",
      `didChange → publishDiagnostics includes the server's ${SERVER_DEBOUNCE_MS} ms wait before its per-keystroke pass (the edited file only; the whole workspace is re-checked 250 ms after typing pauses). The first publish of the edited file with the new version is timed.`,
      `The suite took ${Math.round((performance.now() - started) / 1000)} s.`,
    ],
  };
  writeFileSync(join(BENCH, "results.json"), JSON.stringify(report, null, 2) + "\n");
  writeFileSync(join(BENCH, "RESULTS.md"), markdown(report));
  log(`\nwrote bench/results.json and bench/RESULTS.md (${report.durationS} s)`);
  for (const t of report.targets) log(`  ${t.met === null ? "  " : t.met ? "✔ " : "✘ "}${t.name}: ${t.measured} (target ${t.target})`);
}

main().catch((e) => {
  log(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
