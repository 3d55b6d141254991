import { describe, expect, it } from "vitest";
import type { StatusReport } from "@/lib/overview/report-markdown";
import { renderDigest } from "./render";

const counts = { total: 0, open: 0, done: 0 };
const report: StatusReport = {
  product: { slug: "acme", name: "Acme <Operator>" },
  generatedAt: "2026-12-07T08:00:00.000Z",
  since: "2026-11-30T08:00:00.000Z",
  categories: { critical_blocker: { total: 2, open: 1, done: 1 }, needs_verification: counts, not_required: counts, compliant: counts },
  remainingEffort: { minHours: 8, maxHours: 16, unestimated: 0 },
  components: { certified: 1, total: 3 },
  phases: [{ order: 1, name: "Rebuild", estimateText: null, total: 2, done: 1, progress: 0.5 }],
  blockers: [{ key: "P0-1", title: "Run as <non-root>", status: "in_progress", priority: "P0", components: ["operator"] }],
  changes: [],
  changesTruncated: false,
};
const link = (path: string) => `https://cb.example${path}`;

describe("renderDigest", () => {
  it("says the forecast, the open blockers with links, the week's changes and what remains", () => {
    const mail = renderDigest({ report, forecast: "At risk: 1 open item." }, link);
    expect(mail.subject).toBe("Certboard weekly digest: Acme <Operator>, 2026-12-07");
    expect(mail.text).toContain("Forecast\n--------\n- At risk: 1 open item.");
    expect(mail.text).toContain("- P0-1: Run as <non-root> (In progress, P0; operator)\n  https://cb.example/items/P0-1?product=acme");
    expect(mail.text).toContain("What changed since 2026-11-30\n-----------------------------\n- Nothing changed.");
    expect(mail.text).toContain("- 1 open item: 1 critical blocker.");
    expect(mail.text).toContain("- Phase 1, Rebuild: 1 of 2 items closed (50%).");
  });

  it("escapes names in the HTML part", () => {
    const { html } = renderDigest({ report, forecast: "On track." }, link);
    expect(html).toContain("Weekly digest of Acme &#60;Operator&#62;");
    expect(html).toContain('<a href="https://cb.example/items/P0-1?product=acme">P0-1: Run as &#60;non-root&#62;');
    expect(html).not.toContain("<non-root>");
  });
});
