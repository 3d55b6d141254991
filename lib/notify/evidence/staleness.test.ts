import { describe, expect, it } from "vitest";
import { staleEvidenceReason } from "./staleness";

const now = new Date("2026-12-05T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe("staleEvidenceReason", () => {
  it("is stale when the last passing run is older than the product's limit", () => {
    expect(staleEvidenceReason({ lastPassingAt: daysAgo(91), newestRunVersion: "1.21.0" }, 90, now)).toBe(
      "its last passing preflight run is 91 days old (2026-09-05); evidence older than 90 days is stale.",
    );
    expect(staleEvidenceReason({ lastPassingAt: daysAgo(90), newestRunVersion: "1.21.0" }, 90, now)).toBeNull();
    expect(staleEvidenceReason({ lastPassingAt: daysAgo(10), newestRunVersion: "1.21.0" }, 7, now)).toContain("10 days old");
  });

  it("is stale when the newest run's preflight is older than the last three releases", () => {
    expect(staleEvidenceReason({ lastPassingAt: daysAgo(1), newestRunVersion: "1.19.2" }, 90, now)).toBeNull();
    expect(staleEvidenceReason({ lastPassingAt: daysAgo(1), newestRunVersion: "1.19.1" }, 90, now)).toContain("older than the last 3 releases (1.19.2, 1.20.0, 1.21.0)");
    // No passing run at all: only the version rule applies.
    expect(staleEvidenceReason({ lastPassingAt: null, newestRunVersion: "1.16.0" }, 90, now)).toContain("preflight 1.16.0");
  });

  it("has nothing to say about a component without runs or a development build", () => {
    expect(staleEvidenceReason({ lastPassingAt: null, newestRunVersion: null }, 90, now)).toBeNull();
    expect(staleEvidenceReason({ lastPassingAt: daysAgo(1), newestRunVersion: "0.0.0-dev" }, 90, now)).toBeNull();
  });
});
