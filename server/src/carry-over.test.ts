import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../core/src/index";
import { carryOver, changedRegion } from "./carry-over";

const d = (start: number, end: number, code = "arch/cyclic-dependency"): Diagnostic => ({ uri: "u", start, end, severity: "error", code, message: "m", fixes: [{ title: "f", edits: [{ uri: "u", start, end, newText: "x" }] }] });

describe("carrying workspace findings over an edit", () => {
  it("finds the changed region", () => {
    expect(changedRegion("abcdef", "abXYdef")).toEqual({ start: 2, oldEnd: 3, newEnd: 4 });
    expect(changedRegion("same", "same")).toEqual({ start: 4, oldEnd: 4, newEnd: 4 });
  });

  it("keeps findings before the edit, moves those after it, drops those touching it", () => {
    const before = "0123456789";
    const after = "0123XXXX456789"; // 4 characters inserted at 4
    const out = carryOver([d(0, 2), d(3, 5), d(6, 8)], before, after);
    expect(out.map((x) => [x.start, x.end])).toEqual([
      [0, 2],
      [10, 12],
    ]);
    expect(out[1]!.fixes![0]!.edits[0]).toMatchObject({ start: 10, end: 12 });
  });

  it("carries only the workspace rules' findings (the others are recomputed)", () => {
    expect(carryOver([d(0, 1, "rest/path-trailing-slash"), d(0, 1, "syntax/expected"), d(0, 1)], "ab", "ab").map((x) => x.code)).toEqual(["arch/cyclic-dependency"]);
  });
});
