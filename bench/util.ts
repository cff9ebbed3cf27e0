// Small helpers of the benchmark suite: summary statistics, timed child
// processes with their peak memory, and the machine's description.

import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, totalmem, tmpdir } from "node:os";
import { join } from "node:path";

/** Median, min and max of repeated runs (ms unless said otherwise). */
export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
}

/** Latency percentiles of many samples (ms). */
export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

const round = (x: number, digits = 2) => (Number.isFinite(x) ? +x.toFixed(digits) : NaN);

export function summary(xs: readonly number[], digits = 2): Summary {
  if (xs.length === 0) return { n: 0, median: NaN, min: NaN, max: NaN };
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return { n: s.length, median: round(mid, digits), min: round(s[0]!, digits), max: round(s[s.length - 1]!, digits) };
}

export function percentiles(xs: readonly number[]): Percentiles {
  if (xs.length === 0) return { n: 0, p50: NaN, p95: NaN, max: NaN, mean: NaN };
  const s = [...xs].sort((a, b) => a - b);
  // Nearest-rank percentiles.
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  return { n: s.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(s[s.length - 1]!), mean: round(s.reduce((a, b) => a + b, 0) / s.length) };
}

/** `count` items spread evenly over `xs`. */
export function spread<T>(xs: readonly T[], count: number): T[] {
  if (xs.length <= count) return [...xs];
  return Array.from({ length: count }, (_, i) => xs[Math.floor((i * xs.length) / count)]!);
}

/** VmHWM (peak RSS) and VmRSS of a live process, in MB. */
export function procMemory(pid: number): { peakRssMb: number; rssMb: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? NaN);
    return { peakRssMb: round(kb("VmHWM") / 1024, 1), rssMb: round(kb("VmRSS") / 1024, 1) };
  } catch {
    return undefined;
  }
}

const TIME = "/usr/bin/time";
export const HAVE_GNU_TIME = existsSync(TIME);

export interface ProcessRun {
  /** Wall time from spawn to exit, measured by this process (ms). */
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak RSS from GNU time (`%M`), when /usr/bin/time exists. */
  peakRssMb?: number;
  /** User + system CPU time from GNU time (`%U + %S`, 10 ms resolution): less sensitive than wall time to a busy machine. */
  cpuMs?: number;
}

let runCounter = 0;

/**
 * Runs a command to completion and times it from spawn to exit. With GNU time
 * available the command runs under `/usr/bin/time -f %M` (about a millisecond
 * of overhead, the same for every tool) to learn its peak RSS.
 */
export function timedRun(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ProcessRun> {
  const rssFile = join(tmpdir(), `archwright-bench-rss-${process.pid}-${runCounter++}.txt`);
  const [cmd, argv] = HAVE_GNU_TIME ? [TIME, ["-f", "%M %U %S", "-o", rssFile, command, ...args]] : [command, [...args]];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    const timer = options.timeoutMs ? setTimeout(() => child.kill("SIGKILL"), options.timeoutMs) : undefined;
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - t0;
      if (timer) clearTimeout(timer);
      let peakRssMb: number | undefined;
      let cpuMs: number | undefined;
      if (HAVE_GNU_TIME) {
        try {
          // The last line: "%M %U %S" (earlier lines may say the command exited with a non-zero status).
          const [kb, user, sys] = readFileSync(rssFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
          if (Number.isFinite(kb)) peakRssMb = round(kb! / 1024, 1);
          if (Number.isFinite(user) && Number.isFinite(sys)) cpuMs = round((user! + sys!) * 1000, 0);
        } catch {
          // no figure
        }
        rmSync(rssFile, { force: true });
      }
      resolve({ ms, code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), ...(peakRssMb !== undefined ? { peakRssMb } : {}), ...(cpuMs !== undefined ? { cpuMs } : {}) });
    });
  });
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  gnuTime: boolean;
}

export function machine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    memoryGb: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    gnuTime: HAVE_GNU_TIME,
  };
}

export function load(): [number, number, number] {
  const [a, b, c] = loadavg();
  return [round(a ?? NaN), round(b ?? NaN), round(c ?? NaN)];
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
