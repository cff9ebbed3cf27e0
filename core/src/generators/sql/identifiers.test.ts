import { describe, expect, it } from "vitest";
import { Namespace, commentText, fitName, quoteIdent, quoteLiteral, shortHash, truncateBytes, utf8Length } from "./identifiers";
import { checkExpressionProblem } from "./check-expression";

describe("quoteIdent", () => {
  it("leaves plain lower-case names alone", () => {
    for (const n of ["orders", "order_lines", "_x", "a1", "status", "type", "catalog"]) expect(quoteIdent(n)).toBe(n);
  });
  it("quotes reserved words, upper case and other characters", () => {
    expect(quoteIdent("order")).toBe('"order"');
    expect(quoteIdent("user")).toBe('"user"');
    expect(quoteIdent("select")).toBe('"select"');
    expect(quoteIdent("time")).toBe('"time"');
    expect(quoteIdent("createdAt")).toBe('"createdAt"');
    expect(quoteIdent("audit log")).toBe('"audit log"');
    expect(quoteIdent("1st")).toBe('"1st"');
    expect(quoteIdent("a$b")).toBe('"a$b"');
    expect(quoteIdent('say "hi"')).toBe('"say ""hi"""');
    expect(quoteIdent("café")).toBe('"café"');
  });
});

describe("quoteLiteral and commentText", () => {
  it("doubles single quotes", () => {
    expect(quoteLiteral("it's")).toBe("'it''s'");
  });
  it("uses an escape string when there is a backslash", () => {
    expect(quoteLiteral("C:\\dir 'x'")).toBe("E'C:\\\\dir ''x'''");
  });
  it("drops NUL, which PostgreSQL text cannot hold", () => {
    expect(quoteLiteral("a\u0000b")).toBe("'ab'");
  });
  it("keeps comments on one line", () => {
    expect(commentText("a\nb\r\nc\u2028d")).toBe("a b c d");
  });
});

describe("names within 63 bytes", () => {
  it("counts UTF-8 bytes and never splits a character", () => {
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("😀")).toBe(4);
    expect(truncateBytes("aé", 2)).toBe("a");
    expect(truncateBytes("a😀b", 5)).toBe("a😀");
  });
  it("keeps names that fit and hashes the rest", () => {
    expect(fitName("short_idx")).toBe("short_idx");
    const long = "x".repeat(80);
    const fitted = fitName(long);
    expect(utf8Length(fitted)).toBeLessThanOrEqual(63);
    expect(fitted.endsWith(`_${shortHash(long)}`)).toBe(true);
    expect(fitName(long + "a")).not.toBe(fitName(long + "b"));
    expect(fitName(long)).toBe(fitted);
  });
  it("allocates unique names deterministically", () => {
    const ns = new Namespace();
    expect(ns.allocate("t_a_idx")).toBe("t_a_idx");
    expect(ns.allocate("t_a_idx")).toBe("t_a_idx1");
    expect(ns.allocate("t_a_idx")).toBe("t_a_idx2");
  });
});

describe("checkExpressionProblem", () => {
  it("accepts ordinary conditions", () => {
    for (const ok of ["price >= 0", "a IN ('x', 'y')", "handle ~ '^[a-z]+$'", "note <> ''", "(a > 0) AND (b < 1)", `"Weird)" > 0`, "x <> E'\\''", "s = 'it''s' OR s IS NULL"]) {
      expect(checkExpressionProblem(ok), ok).toBeUndefined();
    }
  });
  it("refuses what could leave CHECK ( … )", () => {
    for (const bad of ["a > 0); DROP TABLE x", "a > 0; DROP TABLE x", "a > 0 -- c", "a /* x */ > 0", "(a > 0", "a = 'x", 'a = "x', "a = $$x$$", "a = $1", "", "   "]) {
      expect(checkExpressionProblem(bad), bad).toBeDefined();
    }
  });
});
