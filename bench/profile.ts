// Summarises a V8 .cpuprofile (node --cpu-prof): the functions with the most
// self time and the most inclusive (total) time, as rows the suite can print
// or store. A benchmark helper, not part of Archwright.

import { readFileSync } from "node:fs";

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Maps a line of an esbuild bundle to the source module it came from (esbuild writes `// core/src/x.ts` before each module). */
const bundleMaps = new Map<string, { lines: number[]; modules: string[] } | null>();

function moduleOf(url: string, line: number): string | undefined {
  if (!url.startsWith("file://") || !url.endsWith(".js")) return undefined;
  let map = bundleMaps.get(url);
  if (map === undefined) {
    map = null;
    try {
      const text = readFileSync(new URL(url), "utf8");
      const lines: number[] = [];
      const modules: string[] = [];
      let n = 0;
      let at = 0;
      while (at < text.length) {
        const end = text.indexOf("\n", at);
        const stop = end < 0 ? text.length : end;
        if (text.charCodeAt(at) === 47 && text.charCodeAt(at + 1) === 47) {
          const m = /^\/\/ ((?:core|server|cli|bench|test|client|scripts|node_modules)\/\S+\.[cm]?[jt]s)$/.exec(text.slice(at, stop));
          if (m) {
            lines.push(n);
            modules.push(m[1]!);
          }
        }
        n++;
        at = stop + 1;
      }
      if (lines.length) map = { lines, modules };
    } catch {
      map = null;
    }
    bundleMaps.set(url, map);
  }
  if (!map) return undefined;
  let lo = 0;
  let hi = map.lines.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (map.lines[mid]! <= line) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best >= 0 ? map.modules[best] : undefined;
}

export interface ProfileRow {
  fn: string;
  ms: number;
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  self: ProfileRow[];
  total: ProfileRow[];
  /** Self time per source area (core/src/syntax, core/src/lint/rules/rest, …, GC, node internals). */
  areas: ProfileRow[];
}

/** "core/src/lint/rules/rest/verb-in-path.ts" from a file:// url (or the bundle's source map-less name). */
function shortFile(url: string): string {
  const i = url.search(/\/(core|server|cli|bench)\/src\//);
  if (i >= 0) return url.slice(i + 1);
  const b = url.search(/\/(bench)\//);
  if (b >= 0) return url.slice(b + 1);
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) return url.slice(nm);
  return url.split("/").pop() ?? url;
}

function areaOf(fn: string, url: string, line: number): string {
  if (fn === "(garbage collector)") return "(garbage collector)";
  if (fn === "(program)" || fn === "(idle)" || fn === "(root)") return fn;
  if (!url) return "(native / V8 builtins)";
  if (url.startsWith("node:")) return "(node internals)";
  const f = moduleOf(url, line) ?? shortFile(url);
  const m = /^(core\/src\/lint\/rules\/[a-z]+|core\/src\/[a-z]+|server\/src|cli\/src|bench)/.exec(f);
  if (m) return m[1]!;
  if (f.startsWith("node_modules/")) return f.split("/").slice(0, f.startsWith("node_modules/@") ? 3 : 2).join("/");
  return f;
}

export function summarizeProfile(p: CpuProfile, top = 25, filter?: (fn: string, url: string) => boolean): ProfileSummary {
  const parent = new Map<number, number>();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (id: number) => {
    const f = byId.get(id)!.callFrame;
    const module = moduleOf(f.url, f.lineNumber);
    const file = module ?? (f.url ? `${shortFile(f.url)}:${f.lineNumber + 1}` : "");
    return `${f.functionName || "(anonymous)"}${file ? ` ${file}` : ""}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const areas = new Map<string, number>();
  let sum = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? p.timeDeltas[i] ?? 0) / 1000;
    let id: number | undefined = p.samples[i]!;
    const leaf = byId.get(id)!.callFrame;
    if (leaf.functionName === "(idle)") continue;
    if (filter) {
      // Keep only samples whose stack passes through a frame accepted by the filter.
      let ok = false;
      for (let j: number | undefined = id; j !== undefined; j = parent.get(j)) {
        const f = byId.get(j)!.callFrame;
        if (filter(f.functionName, f.url)) {
          ok = true;
          break;
        }
      }
      if (!ok && leaf.functionName !== "(garbage collector)") continue;
    }
    sum += dt;
    self.set(key(id), (self.get(key(id)) ?? 0) + dt);
    const area = areaOf(leaf.functionName, leaf.url, leaf.lineNumber);
    areas.set(area, (areas.get(area) ?? 0) + dt);
    const seen = new Set<string>();
    while (id !== undefined) {
      const k = key(id);
      if (!seen.has(k)) {
        seen.add(k);
        total.set(k, (total.get(k) ?? 0) + dt);
      }
      id = parent.get(id);
    }
  }
  const rows = (m: Map<string, number>, n: number): ProfileRow[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([fn, ms]) => ({ fn, ms: +ms.toFixed(1), percent: +((100 * ms) / Math.max(sum, 1e-9)).toFixed(1) }));
  return { totalMs: +sum.toFixed(1), self: rows(self, top), total: rows(total, top), areas: rows(areas, 20) };
}

export function readProfile(path: string): CpuProfile {
  return JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
}

export function formatSummary(title: string, s: ProfileSummary, n = 20): string {
  const fmt = (r: ProfileRow) => `  ${r.ms.toFixed(0).padStart(7)} ms ${r.percent.toFixed(1).padStart(5)}%  ${r.fn}`;
  return [
    `${title}: ${s.totalMs.toFixed(0)} ms sampled`,
    "  by area (self time):",
    ...s.areas.slice(0, 12).map(fmt),
    "  self time:",
    ...s.self.slice(0, n).map(fmt),
    "  total (inclusive) time:",
    ...s.total.slice(0, n).map(fmt),
  ].join("\n");
}
