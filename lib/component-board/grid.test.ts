import { describe, expect, it } from "vitest";
import { preflightVersionWarning } from "@/lib/preflight/releases";
import { NEWER_TAGS_NAMED, runGrid, staleness, stalenessWarnings, type BoardRun } from "@/lib/component-board/grid";

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
  it("keeps the newest run per tag and architecture in the page's order, and shows tags with no run", () => {
    const old = run({ passed: false, createdAt: new Date("2026-10-01T00:00:00Z") });
    const newer = run({ createdAt: new Date("2026-11-01T00:00:00Z") });
    const arm = run({ architecture: "arm64" });
    const digest = run({ imageTag: null, imageDigest: "sha256:abc" });
    const cells = runGrid(["v1", "v0", "sha256:abc"], ["amd64", "arm64"], [old, newer, arm, digest]);
    expect(cells.map((c) => `${c.tag}/${c.architecture}`)).toEqual(["v1/amd64", "v1/arm64", "v0/amd64", "v0/arm64", "sha256:abc/amd64", "sha256:abc/arm64"]);
    expect(cells.find((c) => c.tag === "v1" && c.architecture === "amd64")?.run?.id).toBe(newer.id);
    expect(cells.find((c) => c.tag === "sha256:abc" && c.architecture === "amd64")?.run?.id).toBe(digest.id);
    expect(cells.filter((c) => c.tag === "v0").every((c) => c.run === null)).toBe(true);
  });

  it("counts days since the last passing run per architecture", () => {
    const now = new Date("2026-11-11T12:00:00Z");
    const result = staleness(
      [run({ createdAt: new Date("2026-11-01T00:00:00Z") }), run({ passed: false, createdAt: new Date("2026-11-10T00:00:00Z") }), run({ architecture: "arm64", passed: false })],
      now,
    );
    expect(result.map((s) => [s.architecture, s.daysSinceLastPass])).toEqual([["amd64", 10], ["arm64", null]]);
  });

  it("warns when a tag was added after the newest run, or the newest runs used an old preflight", () => {
    const runs = [run({ imageTag: "v1", preflightVersion: "1.16.0" }), run({ imageTag: "v1", architecture: "arm64", preflightVersion: "1.21.0" })];
    expect(stalenessWarnings({ names: ["v2"], count: 1 }, runs, preflightVersionWarning)).toEqual([
      "Results are older than the newest tag: v2 was added after the last run and never checked.",
      "Preflight 1.16.0 is older than the last 3 releases (1.19.2, 1.20.0, 1.21.0): run a current preflight before submitting.",
    ]);
    expect(stalenessWarnings({ names: [], count: 0 }, [run({ preflightVersion: "1.19.2" })], preflightVersionWarning)).toEqual([]);
  });

  it("names at most a few never-run tags and counts the rest", () => {
    const names = Array.from({ length: NEWER_TAGS_NAMED }, (_, i) => `v${40 - i}`);
    const [warning] = stalenessWarnings({ names, count: 40 }, [], preflightVersionWarning);
    expect(warning).toBe(`Results are older than the newest tag: ${names.join(", ")} and 30 more were added after the last run and never checked.`);
  });

  it("treats a development build as unmatched to any release", () => {
    expect(preflightVersionWarning("0f3c2ab")).toBe("preflight 0f3c2ab is a development build: its checks cannot be matched to a release.");
    expect(preflightVersionWarning("1.22.0")).toBeNull();
    expect(preflightVersionWarning("1.19.1")).toContain("older than the last 3 releases");
  });
});
