import { describe, expect, it } from "vitest";

import { readElapsedTime } from "./elapsed-time";
import { MAX_ELAPSED_MS } from "./limits";
import { isAtLeast, parseReleaseVersion, readToolVersion } from "./tool-version";

describe("readToolVersion", () => {
  it("keeps releases and identifies dev builds by commit", () => {
    expect(readToolVersion("1.16.0", "B4A231CF9D50C5471EED598B3B48906EB5B9F3F7")).toEqual({
      version: "1.16.0",
      reportedVersion: "1.16.0",
      commit: "b4a231cf9d50c5471eed598b3b48906eb5b9f3f7",
      devBuild: false,
    });
    expect(readToolVersion("v1.1.0-beta3", null)).toMatchObject({ version: "1.1.0-beta3", devBuild: false });
    expect(readToolVersion("0.0.0", "06a9fd15")).toEqual({ version: "06a9fd15", reportedVersion: "0.0.0", commit: "06a9fd15", devBuild: true });
    expect(readToolVersion(null, "unknown")).toEqual({ version: "unknown", reportedVersion: null, commit: null, devBuild: true });
  });

  it("compares release numbers numerically", () => {
    const version = parseReleaseVersion("1.13.0");
    expect(version && isAtLeast(version, 1, 9)).toBe(true);
    expect(version && isAtLeast(version, 1, 13, 1)).toBe(false);
    expect(parseReleaseVersion("0.0.0")).toBeNull();
  });
});

describe("readElapsedTime", () => {
  it.each([
    [1404, 1404, null],
    [0, 0, null],
    [undefined, null, null],
    ["3.544120881s", 3544, null],
    ["1m2.5s", 62_500, null],
    ["150ms", 150, null],
    ["1h", 3_600_000, null],
    ["0", 0, null],
    ["800µs", 1, null],
    [3.5, null, "fractional"],
    [-1, null, "out_of_range"],
    [MAX_ELAPSED_MS + 1, null, "out_of_range"],
    ["soon", null, "not_a_duration"],
    ["1s junk", null, "not_a_duration"],
    [true, null, "wrong_type"],
  ])("%j → %j", (value, ms, issue) => {
    expect(readElapsedTime(value)).toEqual({ ms, issue });
  });
});
