import { describe, expect, it } from "vitest";
import { runLabel } from "@/lib/preflight/run-label";

describe("runLabel", () => {
  it("names a run by tag, architecture and the start of its digest", () => {
    expect(runLabel({ imageTag: "v0.1.5", imageDigest: "sha256:1a2b3c4d5e", architecture: "amd64" })).toBe("v0.1.5 (amd64) · 1a2b3c");
  });

  it("says untagged, and leaves the digest out when there is none", () => {
    expect(runLabel({ imageTag: null, imageDigest: null, architecture: "arm64" })).toBe("untagged (arm64)");
  });
});
