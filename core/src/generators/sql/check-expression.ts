// `@check("…")` is raw SQL by design: the model's author writes the condition
// the way they would in a migration, and it is trusted like one. What the
// generator guarantees is narrower: the text stays *inside* its
// `CHECK ( … )`. A condition that could end the parentheses or the statement
// (unbalanced parentheses, an unterminated quote, a top-level `;`, a comment
// that would swallow the rest of the line, dollar quoting we do not follow)
// is refused, so that a typo or a pasted fragment cannot become extra SQL
// statements. Whether the condition is valid SQL for its table is left to
// PostgreSQL, which checks it when the DDL runs.

/** Why the expression is refused, or undefined when it is safe to embed. */
export function checkExpressionProblem(sql: string): string | undefined {
  if (sql.trim() === "") return "the condition is empty";
  if (sql.includes("\u0000")) return "the condition contains a NUL character";
  let depth = 0;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === "'") {
      // A string; `E'…'` strings also take backslash escapes.
      const escapes = i > 0 && /[eE]/.test(sql[i - 1]!) && (i < 2 || !/[A-Za-z0-9_$]/.test(sql[i - 2]!));
      i++;
      let closed = false;
      while (i < n) {
        const d = sql[i]!;
        if (escapes && d === "\\") {
          i += 2;
          continue;
        }
        if (d === "'") {
          if (sql[i + 1] === "'") {
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        i++;
      }
      if (!closed) return "a string literal is not closed";
      continue;
    }
    if (c === '"') {
      i++;
      let closed = false;
      while (i < n) {
        if (sql[i] === '"') {
          if (sql[i + 1] === '"') {
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        i++;
      }
      if (!closed) return "a quoted identifier is not closed";
      continue;
    }
    if (c === "$" && (i === 0 || !/[A-Za-z0-9_$]/.test(sql[i - 1]!))) {
      // `$1` would be a parameter (meaningless here); `$tag$` or `$$` starts dollar quoting.
      if (/^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.test(sql.slice(i))) return "dollar-quoted strings are not supported in @check; use '…'";
      return "parameters (`$1`) are not allowed in @check";
    }
    if (c === "-" && next === "-") return "comments (`--`) are not allowed in @check";
    if (c === "/" && next === "*") return "comments (`/* */`) are not allowed in @check";
    if (c === ";") return "`;` would end the statement";
    if (c === "(") depth++;
    if (c === ")") {
      depth--;
      if (depth < 0) return "a `)` closes more than the condition opened";
    }
    i++;
  }
  if (depth > 0) return "a `(` is not closed";
  return undefined;
}
