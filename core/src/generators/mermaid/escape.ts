// Safe Mermaid text: labels that no name, title or doc comment can break or
// turn into markup, and node identifiers that are never user text.
//
// Mermaid's `strict` security level sanitises labels but does not escape HTML
// in them, and its lexers stop at characters such as `"`, `;`, `#` and `%`.
// Mermaid replaces `#name;` / `#123;` entity codes with placeholders before it
// parses a diagram and renders them as HTML entities afterwards, so a label
// written with entity codes shows the original text literally. Every piece of
// user text therefore goes through `mermaidText`, and is always quoted where the
// syntax allows quotes.

const NAMED: Record<string, string> = { "&": "#amp;", "<": "#lt;", ">": "#gt;", '"': "#quot;" };

/**
 * Characters replaced by entity codes everywhere:
 * - `& < > "`: markup and quote delimiters (named codes);
 * - `#` and `;`: entity syntax and Mermaid's statement separator;
 * - `%`: `%%` comments and directives;
 * - backtick: markdown strings; backslash: escapes in some lexers;
 * - `~`: ER generics (`~T~`) match across a quoted comment;
 * - U+FB02: the first character of Mermaid's own entity placeholder.
 */
const SPECIAL = /[&<>"#;%`\\~\uFB02]/g;

/** Control characters, line and paragraph separators and lone surrogates. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface TextOptions {
  /** Longest text kept, in code points, before `…` (default 160). */
  maxLength?: number;
  /** What to show when the text is empty (default `?`). */
  fallback?: string;
}

/**
 * User text as Mermaid label text: whitespace collapsed to single spaces, long
 * text shortened, and every character that Mermaid could read as syntax or
 * markup written as an entity code. The result contains no `"`, `<`, `>`, `;`,
 * `#` other than in entity codes, no `%` and no newline, so it is safe inside a
 * quoted label, an unquoted sequence message or an ER comment.
 */
export function mermaidText(raw: string, options: TextOptions = {}): string {
  const max = options.maxLength ?? 160;
  let text = raw.replace(INVISIBLE, " ").replace(/\s+/g, " ").trim();
  const chars = Array.from(text);
  if (chars.length > max) text = chars.slice(0, Math.max(1, max - 1)).join("").trimEnd() + "…";
  if (!text) text = options.fallback ?? "?";
  let out = text.replace(SPECIAL, (c) => NAMED[c] ?? `#${c.codePointAt(0)};`);
  // Flowchart and ER lexers match a whole line containing `direction LR` (TB, BT,
  // RL, TD) as a direction statement, even inside quotes: break the keyword.
  out = out.replace(/(directio)([nN])(?=\s)/gi, (_m, head: string, n: string) => `${head}#${n.codePointAt(0)};`);
  return out;
}

/** A quoted label: `"…"`. */
export function quoted(raw: string, options?: TextOptions): string {
  return `"${mermaidText(raw, options)}"`;
}

/**
 * Text for places that are not quoted in sequence diagrams (messages, notes,
 * participant aliases, block titles). Besides `mermaidText`, a leading `wrap` or
 * `nowrap` would be read as a wrapping directive, so its first letter is encoded.
 */
export function sequenceText(raw: string, options?: TextOptions): string {
  const text = mermaidText(raw, options);
  return text.replace(/^((?:no)?wrap)/i, (w) => `#${w.codePointAt(0)};${w.slice(1)}`);
}

/**
 * Allocates Mermaid identifiers: a fixed prefix per kind of thing plus the
 * declaration's name reduced to `[A-Za-z0-9_]`, made unique with a number.
 * The prefix keeps ids away from keywords (`end`, `style`, `class`, …) and from
 * the `o`/`x` edge endings; the same key always gets the same id.
 */
export class IdAllocator {
  private readonly byKey = new Map<unknown, string>();
  private readonly used = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.used.add(r);
  }

  id(key: unknown, prefix: string, name: string): string {
    const existing = this.byKey.get(key);
    if (existing) return existing;
    const base = `${prefix}_${safeName(name)}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
    this.used.add(id);
    this.byKey.set(key, id);
    return id;
  }

  has(key: unknown): boolean {
    return this.byKey.has(key);
  }

  get(key: unknown): string | undefined {
    return this.byKey.get(key);
  }
}

/** A name reduced to identifier characters (never empty). */
export function safeName(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_]/g, "_");
  return s || "unnamed";
}

/** The frontmatter every diagram starts with: dagre layout (Mermaid 12 defaults to the much slower ELK). */
export const FRONTMATTER = "---\nconfig:\n  layout: dagre\n---\n";
