// The status bar's counts and the language server's restart policy.

import { describe, expect, it } from "vitest";
import { countProblems, isArchwrightUri, RestartPolicy, statusText, statusTooltip } from "../../client/src/status-logic";

describe("countProblems", () => {
  it("counts errors and warnings of .arch files and archwright.json only", () => {
    const counts = countProblems([
      ["/w/shop.arch", [0, 1, 1, 2, 3]],
      ["/w/antipatterns.ARCH", [0, 0]],
      ["/w/archwright.json", [1]],
      ["/w/src/main.ts", [0, 0, 0]],
      ["/w/clean.arch", [3]],
    ]);
    expect(counts).toEqual({ errors: 3, warnings: 3, files: 3 });
  });

  it("recognises Archwright's files", () => {
    expect(isArchwrightUri("/a/b.arch")).toBe(true);
    expect(isArchwrightUri("/a/archwright.json")).toBe(true);
    expect(isArchwrightUri("/a/my-archwright.json")).toBe(false);
    expect(isArchwrightUri("/a/b.architecture")).toBe(false);
  });
});

describe("status text", () => {
  it("shows the counts with codicons", () => {
    expect(statusText({ errors: 2, warnings: 5, files: 1 })).toBe("$(type-hierarchy) $(error) 2 $(warning) 5");
    expect(statusText({ errors: 0, warnings: 0, files: 0 })).toBe("$(check) Archwright");
    expect(statusTooltip({ errors: 1, warnings: 2, files: 2 })).toContain("1 error and 2 warnings in 2 files");
  });
});

describe("RestartPolicy", () => {
  it("restarts four times in three minutes, then stops", () => {
    const p = new RestartPolicy();
    const t = 1_000_000;
    expect([p.crashed(t), p.crashed(t + 1000), p.crashed(t + 2000), p.crashed(t + 3000)]).toEqual([true, true, true, true]);
    expect(p.crashed(t + 4000)).toBe(false);
    expect(p.recent(t + 4000)).toBe(5);
  });

  it("forgets crashes outside the window", () => {
    const p = new RestartPolicy(2, 60_000);
    expect(p.crashed(0)).toBe(true);
    expect(p.crashed(1)).toBe(true);
    expect(p.crashed(2)).toBe(false);
    expect(p.crashed(70_000)).toBe(true);
  });

  it("starts counting again after a manual restart", () => {
    const p = new RestartPolicy(1, 60_000);
    p.crashed(0);
    expect(p.crashed(1)).toBe(false);
    p.reset();
    expect(p.crashed(2)).toBe(true);
  });
});
