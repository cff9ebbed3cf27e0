// Pure helpers of the preview webview (no DOM): which Mermaid node an SVG
// element stands for, which Mermaid theme to use, a render cache and the
// pan/zoom arithmetic.

/**
 * The Mermaid node id an SVG element stands for, or undefined.
 *
 * Mermaid 12 prefixes element ids with the SVG's own id: flowchart nodes are
 * `<svg>-flowchart-<id>-<n>`, subgraphs `<svg>-<id>`, ER entities
 * `<svg>-entity-<id>-<n>`; sequence participants carry `data-id="<id>"` (and
 * their boxes `name="<id>"`). Generated ids never contain `-`, so the patterns
 * are unambiguous. Only ids in `known` (the diagram's node map) count.
 */
export function nodeIdOf(attrs: { id?: string | null; dataId?: string | null; name?: string | null }, svgId: string, known: ReadonlySet<string>): string | undefined {
  if (attrs.dataId && known.has(attrs.dataId)) return attrs.dataId;
  if (attrs.name && known.has(attrs.name)) return attrs.name;
  let id = attrs.id;
  if (!id) return undefined;
  if (svgId && id.startsWith(svgId + "-")) id = id.slice(svgId.length + 1);
  if (known.has(id)) return id;
  const m = /^(?:flowchart|entity)-(.+)-\d+$/.exec(id);
  if (m && known.has(m[1]!)) return m[1];
  return undefined;
}

export type ThemeSetting = "auto" | "light" | "dark";
export type MermaidTheme = "default" | "dark" | "neutral";

/** VS Code's body classes → the theme kind; a forced setting wins. */
export function themeKind(setting: ThemeSetting, bodyClasses: readonly string[]): "light" | "dark" | "hc-dark" | "hc-light" {
  if (setting === "light") return "light";
  if (setting === "dark") return "dark";
  if (bodyClasses.includes("vscode-high-contrast-light")) return "hc-light";
  if (bodyClasses.includes("vscode-high-contrast")) return "hc-dark";
  if (bodyClasses.includes("vscode-dark")) return "dark";
  return "light";
}

export function mermaidTheme(kind: ReturnType<typeof themeKind>): MermaidTheme {
  switch (kind) {
    case "dark":
    case "hc-dark":
      return "dark";
    case "hc-light":
      return "neutral";
    case "light":
      return "default";
  }
}

/** A small least-recently-used map: rendered SVGs by theme and diagram text. */
export class RenderCache<V> {
  private readonly map = new Map<string, V>();

  constructor(readonly capacity = 24) {}

  static key(theme: string, text: string): string {
    return `${theme}\u0000${text}`;
  }

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!);
  }

  get size(): number {
    return this.map.size;
  }
}

export interface ViewTransform {
  x: number;
  y: number;
  scale: number;
}

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 8;

const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

/** Zooms by `factor` keeping the point (px, py) of the viewport where it is. */
export function zoomAt(t: ViewTransform, factor: number, px: number, py: number): ViewTransform {
  const scale = clampScale(t.scale * factor);
  const k = scale / t.scale;
  return { scale, x: px - (px - t.x) * k, y: py - (py - t.y) * k };
}

/** Fits content of size (w, h) into a viewport (vw, vh) with a margin, never enlarging beyond 100%. */
export function fitTransform(w: number, h: number, vw: number, vh: number, margin = 16): ViewTransform {
  if (w <= 0 || h <= 0 || vw <= 0 || vh <= 0) return { x: 0, y: 0, scale: 1 };
  const scale = clampScale(Math.min(1, (vw - 2 * margin) / w, (vh - 2 * margin) / h));
  return { scale, x: (vw - w * scale) / 2, y: Math.max(margin, (vh - h * scale) / 2) };
}

/** The wheel delta (pixels, lines or pages) as a zoom factor. */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const px = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-Math.max(-400, Math.min(400, px)) * 0.0015);
}

/** Whether a pointer moved little enough between down and up to count as a click. */
export function isClick(dx: number, dy: number): boolean {
  return dx * dx + dy * dy <= 16;
}
