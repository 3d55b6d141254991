import { describe, expect, it } from "vitest";
import { runGrid, staleness, type BoardRun } from "@/lib/components/board";

const run = (over: Partial<BoardRun>): BoardRun => ({
  id: Math.random().toString(36).slice(2),
  imageTag: "v1",
  imageDigest: null,
  architecture: "amd64",
  passed: true,
  counts: { passed: 10, failed: 0, errors: 0 },
  preflightVersion: "1.16.0",
  createdAt: new Date("2026-11-01T00:00:00Z"),
  ...over,
});

describe("component board", () => {
  it("keeps the newest run per tag and architecture, and shows tags with no run", () => {
    const old = run({ passed: false, createdAt: new Date("2026-10-01T00:00:00Z") });
    const newer = run({ createdAt: new Date("2026-11-01T00:00:00Z") });
    const arm = run({ architecture: "arm64" });
    const grid = runGrid(["v0", "v1"], [old, newer, arm]);
    expect(grid.tags).toEqual(["v0", "v1"]);
    expect(grid.architectures).toEqual(["amd64", "arm64"]);
    expect(grid.cells.find((c) => c.tag === "v1" && c.architecture === "amd64")?.run?.id).toBe(newer.id);
    expect(grid.cells.filter((c) => c.tag === "v0").every((c) => c.run === null)).toBe(true);
  });

  it("counts days since the last passing run per architecture", () => {
    const now = new Date("2026-11-11T12:00:00Z");
    const result = staleness(
      [run({ createdAt: new Date("2026-11-01T00:00:00Z") }), run({ passed: false, createdAt: new Date("2026-11-10T00:00:00Z") }), run({ architecture: "arm64", passed: false })],
      now,
    );
    expect(result.map((s) => [s.architecture, s.daysSinceLastPass])).toEqual([["amd64", 10], ["arm64", null]]);
  });
});
