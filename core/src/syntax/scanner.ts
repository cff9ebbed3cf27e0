// The hand-written scanner: text → tokens, comments and lexical diagnostics.
// It never throws. Whitespace and comments are trivia; newlines become
// `Newline` tokens only where they end a statement (not after `,` `->` `(` `[`
// nor before `)` `]` `,`), so the parser sees statement ends directly. A
// forgotten `)` therefore breaks one line, not the rest of the block.

import type { Comment, DocComment } from "./ast";
import type { Diagnostic } from "../diagnostics/diagnostic";

export const enum T {
  Ident,
  String,
  Number,
  Duration,
  Rate,
  Path,
  LBrace,
  RBrace,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Dot,
  Colon,
  Semicolon,
  Question,
  Equals,
  Arrow,
  Minus,
  At,
  AtAt,
  Newline,
  Unknown,
  EOF,
}

export const tokenNames: Record<T, string> = {
  [T.Ident]: "a name",
  [T.String]: "a string",
  [T.Number]: "a number",
  [T.Duration]: "a duration",
  [T.Rate]: "a rate",
  [T.Path]: "a path",
  [T.LBrace]: "`{`",
  [T.RBrace]: "`}`",
  [T.LParen]: "`(`",
  [T.RParen]: "`)`",
  [T.LBracket]: "`[`",
  [T.RBracket]: "`]`",
  [T.Comma]: "`,`",
  [T.Dot]: "`.`",
  [T.Colon]: "`:`",
  [T.Semicolon]: "`;`",
  [T.Question]: "`?`",
  [T.Equals]: "`=`",
  [T.Arrow]: "`->`",
  [T.Minus]: "`-`",
  [T.At]: "`@`",
  [T.AtAt]: "`@@`",
  [T.Newline]: "the end of the line",
  [T.Unknown]: "an unexpected character",
  [T.EOF]: "the end of the file",
};

export interface Token {
  kind: T;
  start: number;
  end: number;
  /** Identifier text, decoded string value, path text, or the number's source text. */
  text: string;
  /** Numbers: the value; durations: milliseconds; rates: events per second. */
  number?: number;
  /** Whitespace or a comment stands between this token and the previous one. */
  spaceBefore: boolean;
}

export interface ScanResult {
  tokens: Token[];
  comments: Comment[];
  docs: DocComment[];
  diagnostics: Diagnostic[];
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const RATE_UNITS: Record<string, number> = { s: 1, sec: 1, min: 1 / 60, m: 1 / 60, h: 1 / 3600, hour: 1 / 3600, d: 1 / 86400, day: 1 / 86400 };

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
/** Characters that end a path token. */
function endsPath(c: number): boolean {
  // whitespace , ; ( ) [ ] " and NaN (end of text)
  return c !== c || c <= 32 || c === 44 || c === 59 || c === 40 || c === 41 || c === 91 || c === 93 || c === 34;
}

export function scan(text: string, uri: string): ScanResult {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  const docs: DocComment[] = [];
  const diagnostics: Diagnostic[] = [];
  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let space = false;
  let newlinePending = false;
  // The current run of `///` lines, merged into one DocComment.
  let docRun: { start: number; end: number; lines: string[] } | undefined;
  let docRunLine = -1;
  let line = 0;

  const error = (start: number, end: number, code: string, message: string) => {
    diagnostics.push({ uri, start, end, severity: "error", code, message });
  };

  const push = (kind: T, start: number, end: number, tokenText: string, num?: number) => {
    if (newlinePending) {
      newlinePending = false;
      const prev = tokens[tokens.length - 1];
      // A newline does not end a statement right after `,` `->` `(` `[`, or before `)` `]` `,`.
      const continues =
        kind === T.RParen || kind === T.RBracket || kind === T.Comma || (prev && (prev.kind === T.Comma || prev.kind === T.Arrow || prev.kind === T.LParen || prev.kind === T.LBracket));
      if (prev && !continues && prev.kind !== T.Newline && prev.kind !== T.Semicolon) {
        tokens.push({ kind: T.Newline, start: prev.end, end: prev.end, text: "", spaceBefore: true });
      }
    }
    const token: Token = { kind, start, end, text: tokenText, spaceBefore: space };
    if (num !== undefined) token.number = num;
    tokens.push(token);
    space = false;
    if (docRun) flushDocs();
  };

  const flushDocs = () => {
    if (!docRun) return;
    docs.push({ start: docRun.start, end: docRun.end, text: docRun.lines.join("\n") });
    docRun = undefined;
  };

  while (pos < n) {
    const c = text.charCodeAt(pos);
    // Whitespace and line breaks.
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(pos + 1) === 10) pos++;
      pos++;
      line++;
      newlinePending = true;
      space = true;
      continue;
    }
    if (c === 32 || c === 9 || c === 12 || c === 11 || c === 0xfeff || c === 0xa0) {
      pos++;
      space = true;
      continue;
    }
    const start = pos;
    // Comments.
    if (c === 47 /* / */ && text.charCodeAt(pos + 1) === 47) {
      let end = pos + 2;
      while (end < n) {
        const d = text.charCodeAt(end);
        if (d === 10 || d === 13) break;
        end++;
      }
      const isDoc = text.charCodeAt(pos + 2) === 47 && text.charCodeAt(pos + 3) !== 47;
      const body = text.slice(pos + (isDoc ? 3 : 2), end);
      comments.push({ kind: isDoc ? "doc" : "line", start, end, text: body });
      if (isDoc) {
        // A doc line alone on its line (after a newline or at file start) continues the run.
        const aloneOnLine = newlinePending || tokens.length === 0;
        if (aloneOnLine) {
          const line1 = body.startsWith(" ") ? body.slice(1) : body;
          if (docRun && docRunLine === line - 1) {
            docRun.end = end;
            docRun.lines.push(line1.trimEnd());
          } else {
            docRun = { start, end, lines: [line1.trimEnd()] };
          }
          docRunLine = line;
        }
      } else if (docRun) {
        docRun = undefined;
      }
      pos = end;
      space = true;
      continue;
    }
    if (c === 47 && text.charCodeAt(pos + 1) === 42 /* * */) {
      const close = text.indexOf("*/", pos + 2);
      const end = close < 0 ? n : close + 2;
      if (close < 0) error(start, Math.min(n, start + 2), "syntax/unterminated-comment", "This block comment is never closed: add `*/`.");
      comments.push({ kind: "block", start, end, text: text.slice(pos + 2, close < 0 ? n : close) });
      for (let i = pos; i < end; i++) {
        const d = text.charCodeAt(i);
        if (d === 10 || (d === 13 && text.charCodeAt(i + 1) !== 10)) {
          line++;
          newlinePending = true;
        }
      }
      pos = end;
      space = true;
      continue;
    }
    if (isIdentStart(c)) {
      let end = pos + 1;
      while (end < n && isIdentPart(text.charCodeAt(end))) end++;
      push(T.Ident, start, end, text.slice(start, end));
      pos = end;
      continue;
    }
    if (isDigit(c)) {
      let end = pos + 1;
      while (end < n && isDigit(text.charCodeAt(end))) end++;
      if (text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1))) {
        end += 2;
        while (end < n && isDigit(text.charCodeAt(end))) end++;
      }
      const numText = text.slice(start, end);
      const value = Number(numText);
      if (isLetter(text.charCodeAt(end))) {
        // A duration: a number glued to a unit.
        let unitEnd = end + 1;
        while (unitEnd < n && isIdentPart(text.charCodeAt(unitEnd))) unitEnd++;
        const unit = text.slice(end, unitEnd);
        const factor = DURATION_UNITS[unit];
        if (factor === undefined) {
          error(end, unitEnd, "syntax/unknown-unit", `Unknown duration unit \`${unit}\`: use ms, s, m, h or d (as in \`30s\`).`);
        }
        push(T.Duration, start, unitEnd, text.slice(start, unitEnd), value * (factor ?? 1));
        pos = unitEnd;
        continue;
      }
      if (text.charCodeAt(end) === 47 && isLetter(text.charCodeAt(end + 1))) {
        // A rate: a number glued to `/` and a unit.
        let unitEnd = end + 2;
        while (unitEnd < n && isIdentPart(text.charCodeAt(unitEnd))) unitEnd++;
        const unit = text.slice(end + 1, unitEnd);
        const factor = RATE_UNITS[unit];
        if (factor === undefined) {
          error(end + 1, unitEnd, "syntax/unknown-unit", `Unknown rate unit \`${unit}\`: use s, min, h or d (as in \`100/min\`).`);
        }
        push(T.Rate, start, unitEnd, text.slice(start, unitEnd), value * (factor ?? 1));
        pos = unitEnd;
        continue;
      }
      push(T.Number, start, end, numText, value);
      pos = end;
      continue;
    }
    switch (c) {
      case 34 /* " */: {
        let end = pos + 1;
        let value = "";
        let closed = false;
        let segment = end;
        while (end < n) {
          const d = text.charCodeAt(end);
          if (d === 34) {
            value += text.slice(segment, end);
            end++;
            closed = true;
            break;
          }
          if (d === 10 || d === 13) break;
          if (d === 92 /* \ */) {
            value += text.slice(segment, end);
            const e = text.charCodeAt(end + 1);
            if (e === 110) value += "\n";
            else if (e === 116) value += "\t";
            else if (e === 34 || e === 92) value += String.fromCharCode(e);
            else if (e === e && e !== 10 && e !== 13) {
              error(end, end + 2, "syntax/invalid-escape", `Unknown escape \`\\${String.fromCharCode(e)}\` in a string: use \\", \\\\ or \\n.`);
              value += String.fromCharCode(e);
            }
            end += e === e && e !== 10 && e !== 13 ? 2 : 1;
            segment = end;
            continue;
          }
          end++;
        }
        if (!closed) {
          value += text.slice(segment, end);
          error(start, end, "syntax/unterminated-string", "This string is never closed: add `\"` before the end of the line.");
        }
        push(T.String, start, end, value);
        pos = end;
        continue;
      }
      case 47 /* / */: {
        // A path: `/products/{id}/reviews`. `{…}` is part of it when closed on the same token.
        let end = pos + 1;
        while (end < n) {
          const d = text.charCodeAt(end);
          if (endsPath(d)) break;
          if (d === 45 && text.charCodeAt(end + 1) === 62) break; // `->`
          if (d === 123 /* { */) {
            let close = end + 1;
            while (close < n && !endsPath(text.charCodeAt(close)) && text.charCodeAt(close) !== 125 && text.charCodeAt(close) !== 123) close++;
            if (text.charCodeAt(close) !== 125) break;
            end = close + 1;
            continue;
          }
          if (d === 125 /* } */) break;
          end++;
        }
        push(T.Path, start, end, text.slice(start, end));
        pos = end;
        continue;
      }
      case 123:
        push(T.LBrace, start, pos + 1, "{");
        pos++;
        continue;
      case 125:
        push(T.RBrace, start, pos + 1, "}");
        pos++;
        continue;
      case 40:
      case 91:
        push(c === 40 ? T.LParen : T.LBracket, start, pos + 1, c === 40 ? "(" : "[");
        pos++;
        continue;
      case 41:
      case 93:
        push(c === 41 ? T.RParen : T.RBracket, start, pos + 1, c === 41 ? ")" : "]");
        pos++;
        continue;
      case 44:
        push(T.Comma, start, pos + 1, ",");
        pos++;
        continue;
      case 46:
        push(T.Dot, start, pos + 1, ".");
        pos++;
        continue;
      case 58:
        push(T.Colon, start, pos + 1, ":");
        pos++;
        continue;
      case 59:
        push(T.Semicolon, start, pos + 1, ";");
        pos++;
        continue;
      case 63:
        push(T.Question, start, pos + 1, "?");
        pos++;
        continue;
      case 61:
        push(T.Equals, start, pos + 1, "=");
        pos++;
        continue;
      case 64:
        if (text.charCodeAt(pos + 1) === 64) {
          push(T.AtAt, start, pos + 2, "@@");
          pos += 2;
        } else {
          push(T.At, start, pos + 1, "@");
          pos++;
        }
        continue;
      case 45:
        if (text.charCodeAt(pos + 1) === 62) {
          push(T.Arrow, start, pos + 2, "->");
          pos += 2;
          continue;
        }
        if (isDigit(text.charCodeAt(pos + 1))) {
          let end = pos + 2;
          while (end < n && (isDigit(text.charCodeAt(end)) || (text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1))))) end++;
          push(T.Number, start, end, text.slice(start, end), Number(text.slice(start, end)));
          pos = end;
          continue;
        }
        push(T.Minus, start, pos + 1, "-");
        pos++;
        continue;
    }
    // Anything else: one unknown character (a whole surrogate pair counts as one).
    const width = c >= 0xd800 && c <= 0xdbff && pos + 1 < n ? 2 : 1;
    const ch = text.slice(pos, pos + width);
    const shown = c < 32 ? `U+${c.toString(16).toUpperCase().padStart(4, "0")}` : `\`${ch}\``;
    error(start, pos + width, "syntax/invalid-character", `Unexpected character ${shown}: names use the letters A-Z, a-z, digits and _.`);
    push(T.Unknown, start, pos + width, ch);
    pos += width;
  }
  flushDocs();
  const last = tokens[tokens.length - 1];
  if (last && last.kind !== T.Newline) tokens.push({ kind: T.Newline, start: last.end, end: last.end, text: "", spaceBefore: true });
  tokens.push({ kind: T.EOF, start: n, end: n, text: "", spaceBefore: true });
  return { tokens, comments, docs, diagnostics };
}
