import { beforeAll, describe, expect, it } from "vitest";

import { BACKLOG_PATH, hasBacklogFixture, readFixture } from "../../tests/fixtures";
import { computeSummary, exportBacklogMarkdown } from "./export-markdown";
import { repairMojibake } from "./mojibake";
import { parseBacklog } from "./parse-backlog";
import type { ParsedBacklog, ParsedItem } from "./schema";

/** Export, re-import, and check the items, phases and title survive and a second export is identical. */
function expectRoundTrip(doc: ParsedBacklog): string {
  const exported = exportBacklogMarkdown(doc);
  const back = parseBacklog(exported);
  expect(back.title).toBe(doc.title);
  expect(back.items).toEqual(doc.items);
  expect(back.phases).toEqual(doc.phases);
  expect(exportBacklogMarkdown(back)).toBe(exported);
  return exported;
}

function item(doc: ParsedBacklog, key: string): ParsedItem {
  const found = doc.items.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no item ${key}`);
  return found;
}

describe.skipIf(!hasBacklogFixture)("exportBacklogMarkdown with the customer document", { timeout: 30_000 }, () => {
  let doc: ParsedBacklog;
  let exported: string;

  beforeAll(() => {
    doc = parseBacklog(readFixture(BACKLOG_PATH));
    exported = exportBacklogMarkdown(doc);
  });

  it("round-trips items, phases and title, and is idempotent", () => {
    expectRoundTrip(doc);
    expect(exportBacklogMarkdown(parseBacklog(exported))).toBe(exported);
  });

  it("gives the same export for the proper-emoji form", () => {
    expect(exportBacklogMarkdown(parseBacklog(repairMojibake(readFixture(BACKLOG_PATH))))).toBe(exported);
  });

  it("writes an executive summary computed from the items, so re-imports have no warnings", () => {
    const back = parseBacklog(exported);
    expect(back.warnings).toEqual([]);
    expect(back.summary).toEqual(computeSummary(doc.items));
    expect(back.summary).toEqual([
      // Open blockers: P0-1 (2-3 weeks) + P0-4 (30 minutes) + P0-6 (1-2 hours).
      { category: "critical_blocker", label: "CRITICAL BLOCKERS", count: 6, effortText: "81.5-122.5 hours" },
      { category: "needs_verification", label: "NEEDS VERIFICATION", count: 1, effortText: "30 minutes" },
      { category: "not_required", label: "NOT REQUIRED", count: 3, effortText: null },
      { category: "compliant", label: "COMPLIANT", count: 9, effortText: null },
    ]);
    expect(exported).toContain("| **NEEDS VERIFICATION** | ⚠️ Should Verify | 1 item  | 30 minutes       |");
  });

  it("writes the original layout: sections, struck closed items, (BLOCKING), keyless compliant items", () => {
    expect(exported.startsWith("# Red Hat Certification Backlog - CONSOLIDATED\n\n## 📊 Executive Summary\n")).toBe(true);
    for (const heading of [
      "## 🔴 CRITICAL BLOCKERS (Must Address to Proceed)",
      "## 🟢 NEEDS VERIFICATION (Should Check)",
      "## ❌ NOT REQUIRED (Based on Official Requirements)",
      "## ✅ ALREADY COMPLIANT",
      "## 🚀 Implementation Plan",
    ]) {
      expect(exported).toContain(`\n${heading}\n`);
    }
    expect(exported).toContain("### P0-1: Container Certification Prerequisites (BLOCKING)\n");
    expect(exported).toContain("### P0-6: Node Metrics Privileged Container (BLOCKING)\n");
    expect(exported).toContain("### ~~P0-5: Security Vulnerabilities~~ ✅ DONE\n");
    expect(exported).toContain("### ~~P2-1: Scheduler Extension Missing SecurityContext~~\n");
    expect(exported).toContain("### P1-3: EKS Scheduler Image (Non-UBI)\n");
    expect(exported).toContain("### ✅ Non-Root User Implementation\n");
    expect(exported).not.toContain("C-1");
    expect(exported.match(/### ~~P2-1/g)).toHaveLength(1);
  });

  it("writes fields, actions and phases the way the original does", () => {
    expect(exported).toContain("**File:** Published image `public.ecr.aws/os-partners/neuron-openshift/operator:v0.1.3`");
    expect(exported).toContain("**Status:** ❌ FAILED - Published image missing labels and /licenses");
    expect(exported).toContain("**Status:** ✅ PASSED - Preflight HasUniqueTag check passed for `v0.1.3`");
    expect(exported).toContain("**Action Required:**\n\n1. Set up Red Hat Partner Connect Portal\n2. Certify each external container image:\n   - `ghcr.io");
    expect(exported).toContain("### Phase 1: Operator Image Fixes (30 minutes)\n\n**Blockers:** P0-2, P0-3, P0-4, P0-6\n");
    expect(exported).toContain("1. **Rebuild Published Image** (15 minutes)\n   - Current Dockerfile already has correct labels (lines 20-26)");
    expect(exported).toContain("**Deliverable:** Certified operator available in OperatorHub");
  });

  it("round-trips edits made in the app: done actions and tasks, new statuses, renamed keys", () => {
    const edited = structuredClone(doc);
    const p01 = item(edited, "P0-1");
    p01.status = "in_progress";
    const firstAction = p01.actions[0];
    if (!firstAction) throw new Error("P0-1 has actions");
    firstAction.done = true;
    const p04 = item(edited, "P0-4");
    // FAILED only exists for not_started, so a closed item's failed result is not written.
    Object.assign(p04, { status: "done", latestResult: null, statusNote: "DONE - rebuilt as v0.1.4" });
    Object.assign(item(edited, "P0-6"), { status: "blocked", statusNote: "waiting on hardware team" });
    Object.assign(item(edited, "P1-3"), { status: "wont_do", statusNote: null });
    Object.assign(item(edited, "P2-2"), { status: "not_started", statusNote: null });
    const phaseTask = edited.phases[0]?.tasks[1];
    if (!phaseTask) throw new Error("phase 1 has two tasks");
    phaseTask.done = true;
    // A compliant item whose key is not next in the C-n sequence keeps its written key.
    edited.items = edited.items.filter((candidate) => candidate.key !== "C-2");

    const text = expectRoundTrip(edited);
    expect(text).toContain("- [x] Set up Red Hat Partner Connect Portal\n- [ ] Certify each external container image:");
    expect(text).toContain("### ~~P0-4: Rebuild Published Image~~ ✅ DONE");
    expect(text).toContain("**Status:** ✅ DONE - rebuilt as v0.1.4");
    expect(text).toContain("**Status:** ⛔ BLOCKED - waiting on hardware team");
    expect(text).toContain("### ~~P1-3: EKS Scheduler Image (Non-UBI)~~ ❌ NOT REQUIRED");
    expect(text).toContain("**Status:** ❌ WON'T DO");
    expect(text).toContain("### P2-2: Incomplete Custom Scheduler SecurityContext\n");
    expect(text).toContain("1. [ ] **Rebuild Published Image** (15 minutes)");
    expect(text).toContain("2. [x] **Document Privileged Container** (15 minutes)");
    expect(text).toContain("### ✅ C-3: No Modified Red Hat Files");
  });
});

describe("exportBacklogMarkdown with small documents", () => {
  it("round-trips a document with unusual words, file lists and inline markdown", () => {
    const doc = parseBacklog(
      [
        "# Small backlog",
        "## BLOCKERS",
        "### P0-1: Pin `registry.io/team/app:1.0` base",
        "**Source:** Review *notes* with `code`",
        "**Files:** `a.go:1-2`, `b,c.go`, Published image `quay.io/x/y:2`",
        "**Effort:** ~2 hours",
        "**Status:** ✅ DONE - shipped",
        "",
        "Some *emphasis* and a [link](https://example.com).",
        "",
        "**Action Required:** Do the thing",
        "## ❌ NOT REQUIRED",
        "### P2-1: Thing",
        "**Status:** 🚫 WON'T DO",
        "## ✅ ALREADY COMPLIANT",
        "### ✅ Fine",
        "**Status:** ✅ COMPLETED",
      ].join("\n"),
    );
    expect(doc.items.map((candidate) => [candidate.key, candidate.status, candidate.statusNote])).toEqual([
      ["P0-1", "done", "DONE - shipped"],
      ["P2-1", "wont_do", "WON'T DO"],
      ["C-1", "done", "COMPLETED"],
    ]);
    expect(item(doc, "P0-1").imageRefs).toEqual(["registry.io/team/app:1.0", "quay.io/x/y:2"]);
    const text = expectRoundTrip(doc);
    expect(text).toContain("**Status:** ✅ DONE - shipped");
    expect(text).toContain("**Status:** ❌ WON'T DO");
    expect(text).toContain("**Status:** ✅ COMPLETED");
  });

  it("counts items per category, summing only open items' effort", () => {
    const doc = parseBacklog(
      [
        "# B",
        "## BLOCKERS",
        "### P0-1: Open\n**Effort:** 1 day\n**Status:** ❌ NOT STARTED",
        "### P0-2: Also open\n**Effort:** 2-3 days\n**Status:** 🔄 IN PROGRESS",
        "### ~~P0-3: Closed~~\n**Effort:** 1 week\n**Status:** ✅ COMPLETED",
        "### P0-4: No estimate\n**Status:** ❌ NOT STARTED",
      ].join("\n"),
    );
    expect(computeSummary(doc.items)).toEqual([
      { category: "critical_blocker", label: "CRITICAL BLOCKERS", count: 4, effortText: "3-4 days" },
      { category: "needs_verification", label: "NEEDS VERIFICATION", count: 0, effortText: null },
      { category: "not_required", label: "NOT REQUIRED", count: 0, effortText: null },
      { category: "compliant", label: "COMPLIANT", count: 0, effortText: null },
    ]);
    const text = expectRoundTrip(doc);
    expect(text).toContain("| **CRITICAL BLOCKERS**  | ❌ Must Fix       | 4 items | 3-4 days |");
    expect(text).toContain("| 0 items |");
  });

  it("writes an empty title as a bare heading that reads back empty", () => {
    const doc = parseBacklog("## BLOCKERS\n\n### P0-1: Thing\n");
    expect(doc.title).toBe("");
    expect(expectRoundTrip(doc).startsWith("#\n")).toBe(true);
  });
});
