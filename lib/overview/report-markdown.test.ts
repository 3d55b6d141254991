import { describe, expect, it } from "vitest";
import { escapeMarkdown, renderStatusReport, type StatusReport } from "./report-markdown";
import type { FeedEvent } from "./schema";

const change: FeedEvent = {
  id: "item:1",
  kind: "verification",
  at: "2025-03-10T09:30:00.000Z",
  actor: "Erin",
  summary: "Verified: In progress → Done",
  item: { key: "P0-3", title: "Add a | license" },
  run: null,
  components: ["operator"],
  checks: [],
  from: "in_progress",
  to: "done",
  href: "/items/P0-3",
};

function report(over: Partial<StatusReport> = {}): StatusReport {
  return {
    product: { slug: "acme", name: "Acme operator" },
    generatedAt: "2025-03-10T12:00:00.000Z",
    since: "2025-03-03T12:00:00.000Z",
    categories: {
      critical_blocker: { total: 6, open: 5, done: 1 },
      needs_verification: { total: 1, open: 1, done: 0 },
      not_required: { total: 3, open: 0, done: 3 },
      compliant: { total: 9, open: 0, done: 9 },
    },
    remainingEffort: { minHours: 80, maxHours: 120, unestimated: 2 },
    components: { certified: 1, total: 7 },
    phases: [
      { order: 1, name: "Operator Image Fixes", estimateText: "1 week", total: 4, done: 4, progress: 1 },
      { order: 2, name: "Images", estimateText: null, total: 3, done: 1, progress: 1 / 3 },
    ],
    blockers: [{ key: "P0-1", title: "Run as non-root\non every image", status: "in_progress", priority: "P0", components: ["driver", "operator"] }],
    changes: [change],
    changesTruncated: false,
    ...over,
  };
}

describe("renderStatusReport", () => {
  it("writes the summary, phases, blockers and this week's changes", () => {
    const md = renderStatusReport(report());
    expect(md).toMatch(/^# Certification status: Acme operator\n/);
    expect(md).toContain("Generated 2025-03-10 12:00 UTC by Certboard from product `acme`.");
    expect(md).toContain("| Open critical blockers | 5 of 6 |");
    expect(md).toContain("| Items needing verification (open) | 1 of 1 |");
    expect(md).toContain("| Components certified | 1 of 7 |");
    expect(md).toContain("| Phases complete | 1 of 2 |");
    expect(md).toContain("| Remaining effort | 80–120 h (2 open items without an estimate) |");
    expect(md).toContain("| Critical blocker | 6 | 5 | 1 |");
    expect(md).toContain("| Phase 1: Operator Image Fixes | 100% | 4 of 4 | 1 week |");
    expect(md).toContain("| Phase 2: Images | 33% | 1 of 3 | — |");
    expect(md).toContain("| P0-1 | Run as non-root on every image | In progress | P0 | driver, operator |");
    expect(md).toContain("## What changed since 2025-03-03");
    expect(md).toContain("- 2025-03-10 09:30 UTC, **Verification**: P0-3 Add a \\| license: Verified: In progress → Done (Erin)");
    expect(md.endsWith("\n")).toBe(true);
  });

  it("says so when there is nothing to list, and when the change list was cut short", () => {
    const empty = renderStatusReport(report({ phases: [], blockers: [], changes: [] }));
    expect(empty).toContain("## Phases\n\nNo phases yet.");
    expect(empty).toContain("## Open critical blockers\n\nNone.");
    expect(empty).toContain("Nothing changed.");
    expect(renderStatusReport(report({ changesTruncated: true }))).toContain("- … and more: see the overview in Certboard.");
  });
});

describe("escapeMarkdown", () => {
  it("keeps table cells on one line and markup literal", () => {
    expect(escapeMarkdown(" a | b\r\n  c *d* [e](f) <g> ")).toBe("a \\| b c \\*d\\* \\[e\\](f) \\<g\\>");
  });
});
