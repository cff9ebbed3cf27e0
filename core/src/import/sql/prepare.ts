// Text work before PostgreSQL's parser sees a dump: psql meta-commands
// (`\connect`, `\restrict`) and the data of `COPY … FROM stdin` are not SQL,
// so they are blanked out (offsets stay where they were). When the whole
// script does not parse, it is split into statements (respecting quotes,
// dollar quotes and comments) so that one bad statement does not hide the
// rest.

/** The text with psql meta-command lines and COPY data blanked (same length, same line breaks). */
export function blankNonSql(text: string): { text: string; blanked: string[] } {
  const lines = text.split("\n");
  const blanked: string[] = [];
  let inCopy = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (inCopy) {
      if (line.replace(/\r$/, "") === "\\.") inCopy = false;
      lines[i] = blank(line);
      continue;
    }
    if (/^\s*\\/.test(line)) {
      blanked.push(line.trim().split(/\s+/)[0]!);
      lines[i] = blank(line);
      continue;
    }
    if (/^\s*COPY\s[^;]*\bFROM\s+stdin\b[^;]*;\s*$/i.test(line)) {
      blanked.push("COPY … FROM stdin");
      lines[i] = blank(line);
      inCopy = true;
    }
  }
  return { text: lines.join("\n"), blanked };
}

function blank(line: string): string {
  return line.replace(/[^\r]/g, " ");
}

/** Statements of a script as [start, end) offsets, split at top-level semicolons. */
export function splitStatements(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === "-" && text[i + 1] === "-") {
      const e = text.indexOf("\n", i);
      i = e < 0 ? n : e + 1;
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (text[i] === "/" && text[i + 1] === "*") {
          depth++;
          i += 2;
        } else if (text[i] === "*" && text[i + 1] === "/") {
          depth--;
          i += 2;
        } else i++;
      }
      continue;
    }
    if (c === "'" || c === '"') {
      i++;
      while (i < n) {
        if (text[i] === c) {
          if (text[i + 1] === c) i += 2;
          else {
            i++;
            break;
          }
        } else i++;
      }
      continue;
    }
    if (c === "$") {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 64));
      if (m) {
        const tag = m[0];
        const e = text.indexOf(tag, i + tag.length);
        i = e < 0 ? n : e + tag.length;
        continue;
      }
    }
    if (c === ";") {
      if (text.slice(start, i).trim()) out.push({ start, end: i + 1 });
      start = i + 1;
    }
    i++;
  }
  if (text.slice(start).trim()) out.push({ start, end: n });
  return out;
}

/** UTF-8 byte offsets (what PostgreSQL's parser reports) → text. */
export class ByteText {
  private readonly bytes: Uint8Array;
  private readonly decoder = new TextDecoder();
  constructor(readonly text: string) {
    this.bytes = new TextEncoder().encode(text);
  }
  get length(): number {
    return this.bytes.length;
  }
  slice(start: number, end: number): string {
    return this.decoder.decode(this.bytes.subarray(Math.max(0, start), Math.min(this.bytes.length, end)));
  }
  /** The byte at an offset, as a character (ASCII only; anything else is returned as "\u0080"). */
  charAt(offset: number): string {
    const b = this.bytes[offset];
    return b === undefined ? "" : b < 0x80 ? String.fromCharCode(b) : "\u0080";
  }
}

/**
 * The text inside the parentheses that open at or after `from` (byte
 * offset): `CHECK ((price >= 0))` → `(price >= 0)`. Quotes are respected.
 */
export function parenthesized(t: ByteText, from: number): { text: string; end: number } | undefined {
  let i = from;
  while (i < t.length && t.charAt(i) !== "(") i++;
  if (i >= t.length) return undefined;
  const open = i;
  let depth = 0;
  for (; i < t.length; i++) {
    const c = t.charAt(i);
    if (c === "'" || c === '"') {
      i++;
      while (i < t.length && !(t.charAt(i) === c && t.charAt(i + 1) !== c)) i += t.charAt(i) === c ? 2 : 1;
      continue;
    }
    if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth === 0) return { text: t.slice(open + 1, i), end: i + 1 };
    }
  }
  return undefined;
}

/** Removes parentheses that enclose the whole expression: `((a >= 0))` → `a >= 0`. */
export function stripOuterParens(expr: string): string {
  let s = expr.trim();
  for (;;) {
    if (!s.startsWith("(") || !s.endsWith(")")) return s;
    let depth = 0;
    let quote = "";
    let enclosing = true;
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      if (quote) {
        if (c === quote) quote = "";
        continue;
      }
      if (c === "'" || c === '"') quote = c;
      else if (c === "(") depth++;
      else if (c === ")") {
        depth--;
        if (depth === 0 && i < s.length - 1) {
          enclosing = false;
          break;
        }
      }
    }
    if (!enclosing) return s;
    s = s.slice(1, -1).trim();
  }
}
