import { describe, expect, it } from "vitest";
import { architectureText, isCommitHash, preflightText, runLabel, runName, versionText } from "@/lib/run-text";

describe("versionText", () => {
  it("reads a commit hash of 7 to 40 hexadecimal characters as a dev build", () => {
    expect(versionText("1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b")).toBe("dev build (commit 1a2b3c4)");
    expect(versionText("ABCDEF1")).toBe("dev build (commit abcdef1)");
  });

  it("keeps releases, short hex, build numbers and empty values readable", () => {
    expect(versionText("v0.1.5")).toBe("v0.1.5");
    expect(versionText("1.21.0")).toBe("1.21.0");
    expect(versionText("abc12")).toBe("abc12");
    expect(versionText("20240101")).toBe("20240101");
    expect(versionText("1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1")).toBe("1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1");
    expect(versionText(null)).toBe("untagged");
    expect(versionText("  ", "none")).toBe("none");
    expect(isCommitHash("sha-1a2b3c4")).toBe(false);
  });
});

describe("preflightText", () => {
  it("names a release, a dev build by its commit, or says the commit is missing", () => {
    expect(preflightText({ preflightVersion: "1.21.0", devBuild: false })).toBe("preflight 1.21.0");
    expect(preflightText({ preflightVersion: "703ac27f0e1d2c3b4a5968778695a4b3c2d1e0f9", devBuild: true })).toBe("preflight dev build (commit 703ac27)");
    expect(preflightText({ preflightVersion: "unknown", devBuild: true })).toBe("preflight dev build (commit not recorded)");
  });
});

describe("architectureText", () => {
  it("says the architecture is not known, with the fix where a person can act", () => {
    expect(architectureText("arm64")).toBe("arm64");
    expect(architectureText("unknown")).toBe("architecture not known");
    expect(architectureText(null, "full")).toBe("architecture not known — add cert-image.json or arch=");
  });
});

describe("runName", () => {
  it("names the component, the tag and the architecture", () => {
    expect(runName({ component: "Operator image", tag: "v0.1.5", architecture: "amd64" })).toBe("Operator image v0.1.5 (amd64)");
    expect(runName({ component: "Operator image", tag: "deadbeefcafe", architecture: "unknown" })).toBe(
      "Operator image dev build (commit deadbee) (architecture not known)",
    );
    expect(runName({ component: null, tag: null, architecture: "s390x" })).toBe("Unassigned run (s390x)");
  });
});

describe("runLabel", () => {
  it("names a run by tag, architecture and the start of its digest", () => {
    expect(runLabel({ imageTag: "v0.1.5", imageDigest: "sha256:1a2b3c4d5e", architecture: "amd64" })).toBe("v0.1.5 (amd64) · 1a2b3c");
  });

  it("says untagged, and leaves the digest out when there is none", () => {
    expect(runLabel({ imageTag: null, imageDigest: null, architecture: "arm64" })).toBe("untagged (arm64)");
  });
});
