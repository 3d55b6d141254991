import { beforeAll, describe, expect, it } from "vitest";

import { BACKLOG_PATH, hasBacklogFixture, readFixture } from "../../tests/fixtures";
import { CHECK_NAMES } from "@/lib/requirements/check-meaning";
import { isImageRef } from "./image-refs";
import { doubleEncode, repairMojibake } from "./mojibake";
import { BacklogParseError, parseBacklog } from "./parse-backlog";
import type { ParsedBacklog, ParsedItem } from "./schema";

function byKey(doc: ParsedBacklog, key: string): ParsedItem {
  const item = doc.items.find((candidate) => candidate.key === key);
  if (!item) throw new Error(`no item ${key}`);
  return item;
}

function parseError(input: string): BacklogParseError {
  try {
    parseBacklog(input);
  } catch (error) {
    if (error instanceof BacklogParseError) return error;
    throw new Error(`expected BacklogParseError, got ${String(error)}`);
  }
  throw new Error("expected parseBacklog to throw");
}

const BLOCKERS = ["P0-1", "P0-2", "P0-3", "P0-4", "P0-5", "P0-6"];
const COMPLIANT_TITLES = [
  "Non-Root User Implementation",
  "UBI Base Image Usage",
  "No Modified Red Hat Files",
  "Unique Tag",
  "Layer Count",
  "No Prohibited Packages",
  "Run As Non-Root",
  "No Kernel Packages",
  "Image Naming",
];
const COMPLIANT_KEYS = COMPLIANT_TITLES.map((_, index) => `C-${index + 1}`);

describe.skipIf(!hasBacklogFixture)("parseBacklog on the customer document", { timeout: 30_000 }, () => {
  let fixture = "";
  let proper = "";
  let doc: ParsedBacklog;

  beforeAll(() => {
    fixture = readFixture(BACKLOG_PATH);
    proper = repairMojibake(fixture);
    doc = parseBacklog(fixture);
  });

  it("gives deep-equal results for the mojibake file and its proper-emoji form", () => {
    expect(proper).not.toBe(fixture);
    expect(proper).toContain("❌ NOT STARTED");
    expect(parseBacklog(proper)).toEqual(doc);
    expect(parseBacklog(doubleEncode(proper))).toEqual(doc);
  });

  it("ignores CRLF line endings, a BOM and a missing final newline, in both encodings", () => {
    for (const text of [fixture, proper]) {
      expect(parseBacklog(`\uFEFF${text.replace(/\n/g, "\r\n")}`)).toEqual(doc);
      expect(parseBacklog(text.replace(/\n+$/, ""))).toEqual(doc);
      expect(parseBacklog(`\uFEFF${text.replace(/\n/g, "\r\n").replace(/(\r\n)+$/, "")}`)).toEqual(doc);
    }
    // A BOM that was itself double-encoded ("Ôªø") is removed too.
    expect(parseBacklog(doubleEncode(`\uFEFF${proper}`))).toEqual(doc);
  });

  it("reads the title", () => {
    expect(doc.title).toBe("Red Hat Certification Backlog - CONSOLIDATED");
  });

  it("finds 19 distinct items in category order, compliant ones keyed C-1…C-9", () => {
    expect(doc.items.map((item) => item.key)).toEqual([...BLOCKERS, "P1-3", "P2-1", "P2-2", "P2-3", ...COMPLIANT_KEYS]);
    expect(new Set(doc.items.map((item) => item.key)).size).toBe(19);
  });

  it("assigns categories", () => {
    const keysIn = (category: string): string[] => doc.items.filter((item) => item.category === category).map((item) => item.key);
    expect(keysIn("critical_blocker")).toEqual(BLOCKERS);
    expect(keysIn("needs_verification")).toEqual(["P1-3"]);
    expect(keysIn("not_required")).toEqual(["P2-1", "P2-2", "P2-3"]);
    expect(keysIn("compliant")).toEqual(COMPLIANT_KEYS);
  });

  it("merges the twice-listed P2-1 into one not-required item, with a warning", () => {
    expect(doc.items.filter((item) => item.key === "P2-1")).toHaveLength(1);
    expect(byKey(doc, "P2-1").category).toBe("not_required");
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toMatch(/P2-1 is listed twice/);
  });

  it("reads statuses and latest results", () => {
    const statuses = Object.fromEntries(doc.items.map((item) => [item.key, [item.status, item.latestResult]]));
    expect(statuses).toEqual({
      "P0-1": ["not_started", null],
      "P0-2": ["not_started", "failed"],
      "P0-3": ["not_started", "failed"],
      "P0-4": ["not_started", "failed"],
      "P0-5": ["done", null],
      "P0-6": ["needs_justification", null],
      "P1-3": ["in_review", null],
      "P2-1": ["wont_do", null],
      "P2-2": ["wont_do", null],
      "P2-3": ["wont_do", null],
      "C-1": ["done", null],
      "C-2": ["done", null],
      "C-3": ["done", null],
      // PASSED records the preflight result; COMPLIANT is the usual word and records nothing.
      "C-4": ["done", "passed"],
      "C-5": ["done", "passed"],
      "C-6": ["done", "passed"],
      "C-7": ["done", "passed"],
      "C-8": ["done", null],
      "C-9": ["done", null],
    });
  });

  it("keeps the status line's note", () => {
    expect(byKey(doc, "P0-1").statusNote).toBeNull();
    expect(byKey(doc, "P0-2").statusNote).toBe("Published image has Red Hat trademark violations in labels");
    expect(byKey(doc, "P0-3").statusNote).toBe(
      "/licenses directory in Dockerfile but NOT in published image `public.ecr.aws/os-partners/neuron-openshift/operator:v0.1.3`",
    );
    expect(byKey(doc, "P0-4").statusNote).toBe("Published image missing labels and /licenses");
    expect(byKey(doc, "P0-5").statusNote).toBe("Using UBI9 minimal:9.7 (pinned version) in Dockerfile:18");
    expect(byKey(doc, "P2-3").statusNote).toBe("Not mentioned in official Red Hat certification requirements");
    expect(byKey(doc, "C-1").statusNote).toBeNull();
    expect(byKey(doc, "C-3").statusNote).toBe("Only user/group creation (allowed)");
    expect(byKey(doc, "C-4").statusNote).toBe("Preflight HasUniqueTag check passed for `v0.1.3`");
  });

  it("derives priority from the key", () => {
    expect(doc.items.map((item) => item.priority)).toEqual([
      ...BLOCKERS.map(() => "P0"),
      "P1",
      "P2",
      "P2",
      "P2",
      ...COMPLIANT_KEYS.map(() => null),
    ]);
  });

  it("reads titles without key, strikethrough, status suffix or (BLOCKING)", () => {
    expect(doc.items.map((item) => item.title)).toEqual([
      "Container Certification Prerequisites",
      "Prohibited Labels",
      "Missing /licenses Directory",
      "Rebuild Published Image",
      "Security Vulnerabilities",
      "Node Metrics Privileged Container",
      "EKS Scheduler Image (Non-UBI)",
      "Scheduler Extension Missing SecurityContext",
      "Incomplete Custom Scheduler SecurityContext",
      "Missing Security Hardening",
      ...COMPLIANT_TITLES,
    ]);
  });

  it("reads Source, File(s) and Effort fields", () => {
    const fields = (key: string) => {
      const { source, fileRefs, effortText, effortMinHours, effortMaxHours } = byKey(doc, key);
      return { source, fileRefs, effortText, effortMinHours, effortMaxHours };
    };
    expect(fields("P0-1")).toEqual({
      source: "Official Red Hat Documentation p.72",
      fileRefs: [],
      effortText: "2-3 weeks",
      effortMinHours: 80,
      effortMaxHours: 120,
    });
    expect(fields("P0-2")).toEqual({
      source: "Red Hat Preflight Tests - HasNoProhibitedLabels check FAILED",
      fileRefs: ["Dockerfile"],
      effortText: null,
      effortMinHours: null,
      effortMaxHours: null,
    });
    expect(fields("P0-4")).toEqual({
      source: "Red Hat Preflight Tests - 2 checks FAILED",
      fileRefs: ["Published image public.ecr.aws/os-partners/neuron-openshift/operator:v0.1.3"],
      effortText: "30 minutes",
      effortMinHours: 0.5,
      effortMaxHours: 0.5,
    });
    expect(fields("P0-6")).toEqual({
      source: 'Official Red Hat Documentation p.45 - "Privileged containers might create a security risk"',
      fileRefs: ["internal/nodemetrics/nodemetrics.go:91-93"],
      effortText: "1-2 hours",
      effortMinHours: 1,
      effortMaxHours: 2,
    });
    expect(fields("P1-3")).toMatchObject({ source: null, fileRefs: ["Default configuration"], effortMinHours: 0.5 });
    expect(fields("P2-1").fileRefs).toEqual(["internal/customscheduler/customscheduler.go:147"]);
    expect(fields("P2-3").fileRefs).toEqual(["All SecurityContext blocks"]);
    expect(fields("C-1").fileRefs).toEqual(["Dockerfile:37-40"]);
    expect(fields("C-4").fileRefs).toEqual(["Build process"]);
    expect(fields("C-5").fileRefs).toEqual([]);
  });

  it("puts the remaining body into the description as markdown, without fields or actions", () => {
    for (const item of doc.items) {
      expect(item.description).not.toMatch(/\*\*(Source|Files?|Effort|Status|Action Required):\*\*/);
    }
    expect(byKey(doc, "P0-1").description).toBe(
      '**Requirement:** "All containers referenced in an Operator Bundle must already be certified and published in the Red Hat Ecosystem Catalog prior to beginning to certify an Operator Bundle."\n\n' +
        "**Impact:** Cannot certify operator until all 5 external containers are certified first",
    );
    const p02 = byKey(doc, "P0-2").description;
    expect(p02).toContain("**Published image labels (from UBI base):**\n\n- `name=\"ubi9-minimal\"` (should be operator name)");
    expect(p02).toContain('```dockerfile\nLABEL name="AWS Neuron Operator" \\');
    expect(p02).toMatch(/\*\*Issue:\*\* Published image was built without these labels or they were overridden$/);
    expect(byKey(doc, "P0-4").description).toContain("**Failed Checks:**\n\n1. HasLicense - /licenses directory not found");
    expect(byKey(doc, "P0-5").description).toContain("```dockerfile\nFROM registry.access.redhat.com/ubi9/ubi-minimal:9.7\n```");
    expect(byKey(doc, "P1-3").description).toMatch(/^\*\*Current:\*\* `public\.ecr\.aws\/eks-distro\/kubernetes\/kube-scheduler:\*`/);
    expect(byKey(doc, "P2-1").description).toContain("**Conclusion:** This is a best practice");
    expect(byKey(doc, "C-1").description).toMatch(/^```dockerfile\nRUN \["groupadd"/);
    expect(byKey(doc, "C-3").description).toBe("");
    // Horizontal rules between items are layout, not content.
    expect(doc.items.some((item) => item.description.includes("---"))).toBe(false);
  });

  it("reads actions: one per top-level list item (nested lists included) or the inline text", () => {
    expect(byKey(doc, "P0-1").actions).toEqual([
      { text: "Set up Red Hat Partner Connect Portal", done: false },
      {
        text:
          "Certify each external container image:\n\n" +
          "- `ghcr.io/awslabs/kmod-with-kmm-for-ai-chips-on-aws/neuron-driver:*`\n" +
          "- `public.ecr.aws/neuron/neuron-device-plugin:*`\n" +
          "- `public.ecr.aws/eks-distro/kubernetes/kube-scheduler:*` (or replace)\n" +
          "- `public.ecr.aws/neuron/neuron-scheduler:*`\n" +
          "- Node metrics image (TBD)",
        done: false,
      },
    ]);
    expect(byKey(doc, "P0-2").actions).toEqual([{ text: "Rebuild and republish image with current Dockerfile", done: false }]);
    expect(byKey(doc, "P0-4").actions).toEqual([
      { text: "Rebuild and republish image using current Dockerfile (which has correct labels and /licenses)", done: false },
    ]);
    expect(byKey(doc, "P0-6").actions.map((action) => action.text)).toEqual([
      "Document why privileged access is needed (likely for neuron-monitor to access hardware)",
      "Be prepared to justify during Red Hat review",
      "Alternative: Test if specific capabilities can replace privileged mode",
    ]);
    expect(byKey(doc, "P0-5").actions).toEqual([]);
    expect(doc.items.flatMap((item) => item.actions).every((action) => !action.done)).toBe(true);
  });

  it("collects image references from code spans and placeholders, never from code blocks", () => {
    const refs = Object.fromEntries(doc.items.filter((item) => item.imageRefs.length > 0).map((item) => [item.key, item.imageRefs]));
    expect(refs).toEqual({
      "P0-1": [
        "ghcr.io/awslabs/kmod-with-kmm-for-ai-chips-on-aws/neuron-driver:*",
        "public.ecr.aws/neuron/neuron-device-plugin:*",
        "public.ecr.aws/eks-distro/kubernetes/kube-scheduler:*",
        "public.ecr.aws/neuron/neuron-scheduler:*",
        "Node metrics image (TBD)",
      ],
      "P0-3": ["public.ecr.aws/os-partners/neuron-openshift/operator:v0.1.3"],
      "P0-4": ["public.ecr.aws/os-partners/neuron-openshift/operator:v0.1.3"],
      "P1-3": ["public.ecr.aws/eks-distro/kubernetes/kube-scheduler:*", "registry.redhat.io/openshift4/ose-kube-scheduler:v4.14"],
    });
  });

  it("collects preflight check names, and links compliant items to the checks their headings state in words", () => {
    const names = Object.fromEntries(doc.items.filter((item) => item.checkNames.length > 0).map((item) => [item.key, item.checkNames]));
    expect(names).toEqual({
      "P0-2": ["HasNoProhibitedLabels"],
      "P0-3": ["HasLicense"],
      "P0-4": ["HasLicense", "HasNoProhibitedLabels"],
      // "Non-Root User Implementation", "UBI Base Image Usage", "No Modified Red Hat Files", …
      "C-1": ["RunAsNonRoot"],
      "C-2": ["BasedOnUbi"],
      "C-3": ["HasModifiedFiles"],
      "C-4": ["HasUniqueTag"],
      "C-5": ["LayerCountAcceptable"],
      "C-6": ["HasNoProhibitedPackages"],
      "C-7": ["RunAsNonRoot"],
      "C-8": ["HasNoProhibitedPackages"],
      "C-9": ["HasProhibitedContainerName"],
    });
  });

  it("ties each item to the components the document names: headings, its images, the plan and the Dockerfile's image", () => {
    const operator = "public.ecr.aws/os-partners/neuron-openshift/operator";
    const byKey = Object.fromEntries(doc.items.map((item) => [item.key, item]));
    // Headings name components by role.
    expect(byKey["P0-6"]).toMatchObject({ componentHints: ["Node Metrics"], impliedRefs: [] });
    expect(byKey["P1-3"]!.componentHints).toEqual(["EKS Scheduler"]);
    expect(byKey["P2-1"]!.componentHints).toEqual(["Scheduler Extension"]);
    expect(byKey["P2-2"]!.componentHints).toEqual(["Custom Scheduler"]);
    // Phase 1 rebuilds the operator image and lists P0-2 among its blockers: P0-2 is about that image.
    expect(byKey["P0-2"]!.impliedRefs).toEqual([`${operator}:v0.1.4`]);
    // P0-3 and P0-4 name the image themselves; P0-6 names node metrics, so the plan step does not claim it.
    expect(byKey["P0-3"]!.impliedRefs).toEqual([]);
    // The Dockerfile builds the operator image: the compliant items about container checks, and P0-5
    // (File: Dockerfile), are about it.
    for (const key of ["P0-5", "C-1", "C-2", "C-3", "C-4", "C-5", "C-6", "C-7", "C-8", "C-9"]) expect(byKey[key]!.impliedRefs, key).toEqual([`${operator}:v0.1.4`]);
    // Items about no image stay unlinked.
    for (const key of ["P0-1", "P2-3"]) expect(byKey[key]!.impliedRefs, key).toEqual([]);
  });

  it("reads the three implementation phases", () => {
    expect(doc.phases.map(({ key, order, name, estimateText, deliverable, itemKeys }) => ({ key, order, name, estimateText, deliverable, itemKeys }))).toEqual([
      {
        key: "phase-1",
        order: 1,
        name: "Operator Image Fixes",
        estimateText: "30 minutes",
        deliverable: "Operator image passing all preflight checks",
        itemKeys: ["P0-2", "P0-3", "P0-4", "P0-6"],
      },
      {
        key: "phase-2",
        order: 2,
        name: "Container Prerequisites",
        estimateText: "2-3 weeks",
        deliverable: "All containers certified and published",
        itemKeys: ["P0-1"],
      },
      {
        key: "phase-3",
        order: 3,
        name: "Operator Certification",
        estimateText: "1 week",
        deliverable: "Certified operator available in OperatorHub",
        itemKeys: [],
      },
    ]);
  });

  it("reads phase tasks with estimates and details", () => {
    const [phase1, phase2, phase3] = doc.phases;
    expect(phase1?.tasks).toEqual([
      {
        title: "Rebuild Published Image",
        estimateText: "15 minutes",
        details: [
          "Current Dockerfile already has correct labels (lines 20-26)",
          "Current Dockerfile already has /licenses directory (lines 33-35)",
          "Rebuild: `make docker-build IMG=public.ecr.aws/os-partners/neuron-openshift/operator:v0.1.4`",
          "Push: `make docker-push IMG=public.ecr.aws/os-partners/neuron-openshift/operator:v0.1.4`",
          "Run preflight to verify",
        ],
        done: false,
      },
      {
        title: "Document Privileged Container",
        estimateText: "15 minutes",
        details: ["Document why node-metrics needs privileged access (hardware access)", "Prepare justification for Red Hat review"],
        done: false,
      },
    ]);
    expect(phase2?.tasks.map((task) => [task.title, task.estimateText, task.details.length])).toEqual([
      ["Set Up Red Hat Partner Connect Portal", "1-2 days", 2],
      ["Certify External Container Images", "2-3 weeks", 4],
      ["Address Node Metrics Privileged Container", "included in Phase 1", 2],
    ]);
    // Text after the bold part belongs to the title; there is no estimate to split off.
    expect(phase3?.tasks).toEqual([
      { title: "Submit Operator Bundle for certification", estimateText: null, details: [], done: false },
      { title: "Address any Red Hat feedback", estimateText: null, details: [], done: false },
      { title: "Publish to Red Hat Ecosystem Catalog", estimateText: null, details: [], done: false },
    ]);
  });

  it("reads the executive summary as written", () => {
    expect(doc.summary).toEqual([
      { category: "critical_blocker", label: "CRITICAL BLOCKERS", count: 3, effortText: "2-3 weeks" },
      { category: "needs_verification", label: "NEEDS VERIFICATION", count: 1, effortText: "30 minutes" },
      { category: "not_required", label: "NOT REQUIRED", count: 4, effortText: null },
      { category: "compliant", label: "COMPLIANT", count: 13, effortText: null },
    ]);
  });

  it("ignores the sections that hold no items (testing checklist, file cleanup, next steps)", () => {
    const everything = JSON.stringify(doc.items);
    expect(everything).not.toContain("docker history");
    expect(everything).not.toContain("RedHatCertificationBacklog_ValidationReport.md");
    expect(everything).not.toContain("Month End");
  });

  it("never throws anything but BacklogParseError for truncated copies", () => {
    const step = Math.ceil(proper.length / 30);
    for (let end = 0; end <= proper.length; end += step) {
      try {
        const result = parseBacklog(proper.slice(0, end));
        expect(result.items.length).toBeGreaterThan(0);
      } catch (error) {
        expect(error).toBeInstanceOf(BacklogParseError);
      }
    }
  });
});

describe("parseBacklog on small documents", () => {
  const doc = (body: string): ParsedBacklog => parseBacklog(`# Backlog\n\n${body}`);

  it("closes a struck-through item without a status line, by section", () => {
    const parsed = doc("## CRITICAL BLOCKERS\n\n### ~~P0-9: Old thing~~ ✅ DONE\n\n## NOT REQUIRED\n\n### ~~P2-9: Skip~~\n");
    expect(byKey(parsed, "P0-9")).toMatchObject({ title: "Old thing", status: "done", category: "critical_blocker" });
    expect(byKey(parsed, "P2-9")).toMatchObject({ title: "Skip", status: "wont_do", category: "not_required" });
  });

  it("warns when a struck heading has an open status line, and keeps the line's status", () => {
    const parsed = doc("## CRITICAL BLOCKERS\n\n### ~~P0-9: Thing~~\n**Status:** 🔄 IN PROGRESS\n");
    expect(byKey(parsed, "P0-9").status).toBe("in_progress");
    expect(parsed.warnings).toContain("P0-9: heading is struck through but the status line says In progress; kept In progress.");
  });

  it("strips a trailing status suffix from an unstruck heading", () => {
    const parsed = doc("## CRITICAL BLOCKERS\n\n### P0-9: Finished thing ✅ DONE\n");
    expect(byKey(parsed, "P0-9")).toMatchObject({ title: "Finished thing", status: "done" });
  });

  it("keeps an unrecognised status line as the note, with a warning", () => {
    const parsed = doc("## CRITICAL BLOCKERS\n\n### P0-9: Thing\n**Status:** Waiting on vendor\n");
    expect(byKey(parsed, "P0-9")).toMatchObject({ status: "not_started", statusNote: "Waiting on vendor" });
    expect(parsed.warnings).toContain('P0-9: status "Waiting on vendor" not recognised; read as Not started.');
  });

  it("reads GFM task lists as done actions and labels with the colon outside the bold", () => {
    const parsed = doc("## BLOCKERS\n\n### P0-9: Thing\n**Source**: Somewhere\n\n**Action Required:**\n- [x] First\n- [ ] Second\n");
    expect(byKey(parsed, "P0-9")).toMatchObject({
      source: "Somewhere",
      actions: [
        { text: "First", done: true },
        { text: "Second", done: false },
      ],
    });
  });

  it("splits several file references and keeps commas inside code spans", () => {
    const parsed = doc("## BLOCKERS\n\n### P0-9: Thing\n**Files:** `a.go:1-2`, `b,c.go`, Build process\n");
    expect(byKey(parsed, "P0-9").fileRefs).toEqual(["a.go:1-2", "b,c.go", "Build process"]);
  });

  it("numbers keyless compliant items around keys the document already uses", () => {
    const parsed = doc("## ✅ ALREADY COMPLIANT\n\n### ✅ C-1: Written key\n\n### ✅ First keyless\n\n### ✅ Second keyless\n");
    expect(parsed.items.map((item) => [item.key, item.title, item.status])).toEqual([
      ["C-1", "Written key", "done"],
      ["C-2", "First keyless", "done"],
      ["C-3", "Second keyless", "done"],
    ]);
  });

  it("ignores keyless headings outside the compliant section, with a warning", () => {
    const parsed = doc("## BLOCKERS\n\n### Just a note\n\n### P0-1: Real\n");
    expect(parsed.items.map((item) => item.key)).toEqual(["P0-1"]);
    expect(parsed.warnings.join("\n")).toMatch(/"Just a note" under Critical blockers has no key/);
  });

  it("orders items by category even when the document does not", () => {
    const parsed = doc("## ✅ COMPLIANT\n\n### ✅ Fine\n\n## BLOCKERS\n\n### P0-1: Broken\n");
    expect(parsed.items.map((item) => item.key)).toEqual(["P0-1", "C-1"]);
  });

  it("returns an empty title with a warning when there is no H1", () => {
    const parsed = parseBacklog("## BLOCKERS\n\n### P0-1: Broken\n");
    expect(parsed.title).toBe("");
    expect(parsed.warnings).toContain("The document has no title (# heading).");
  });
});

describe("parseBacklog refusals", { timeout: 30_000 }, () => {
  it.each([
    ["an empty string", ""],
    ["only whitespace", "  \n\t\n"],
    ["binary with NUL bytes", "\u0000\u0001\u0002PK\u0003\u0004 binary"],
    ["binary-ish control characters", Array.from({ length: 400 }, (_, index) => String.fromCharCode((index * 37) % 256)).join("")],
    ["a JSON object", '{ "items": [{ "key": "P0-1" }] }'],
    ["a JSON array", '[{"key": "P0-1", "title": "### P0-1: x"}]'],
    ["an HTML page", "<!DOCTYPE html>\n<html><body><h3>P0-1: x</h3></body></html>"],
    ["an HTML fragment", "<div>\n<h3>P0-1: x</h3>\n</div>"],
  ])("refuses %s as not_markdown", (_, input) => {
    expect(parseError(input).code).toBe("not_markdown");
  });

  it.each([
    ["plain prose", "Just some notes about certification."],
    ["markdown without item headings", "# Backlog\n\n## CRITICAL BLOCKERS\n\nNothing yet.\n\n## Next Steps\n\n1. Think\n"],
    ["items outside any category section", "# Backlog\n\n## Notes\n\n### P0-1: Not in a category\n"],
    ["a link that merely starts like JSON", "[not json](https://example.com)"],
  ])("refuses %s as no_items", (_, input) => {
    expect(parseError(input).code).toBe("no_items");
  });

  it("is a typed application error", () => {
    const error = parseError("");
    expect(error.name).toBe("BacklogParseError");
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/empty/);
  });

  it("turns pathological nesting into a BacklogParseError rather than a crash", () => {
    // Deep enough to exhaust micromark's stack.
    const deep = `${"> ".repeat(10_000)}### P0-1: x`;
    expect(() => parseBacklog(deep)).toThrow(BacklogParseError);
  });

  it("throws only BacklogParseError for random strings", () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = ["#", " ", "\n", "*", "~", "`", "-", "|", "P0-1:", "✅", "‚ùå", "[x]", "1.", "**Status:**", "a", "<", ">"];
    for (let run = 0; run < 300; run++) {
      const input = Array.from({ length: Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      try {
        expect(parseBacklog(input).items.length).toBeGreaterThan(0);
      } catch (error) {
        expect(error).toBeInstanceOf(BacklogParseError);
      }
    }
  });
});

describe("isImageRef", () => {
  it.each([
    ["public.ecr.aws/neuron/neuron-device-plugin:*", true],
    ["ghcr.io/awslabs/kmod-with-kmm-for-ai-chips-on-aws/neuron-driver:*", true],
    ["registry.redhat.io/openshift4/ose-kube-scheduler:v4.14", true],
    ["localhost:5000/team/app", true],
    ["ubi9/ubi-minimal:9.7", true],
    ["internal/nodemetrics/nodemetrics.go:91-93", false],
    ["Dockerfile:37-40", false],
    ["github.com/awslabs/operator", false],
    ["v0.1.3", false],
    ["make docker-build IMG=x/y:1", false],
  ])("%s → %s", (value, expected) => {
    expect(isImageRef(value)).toBe(expected);
  });

  it("exports the known preflight check names", () => {
    expect(CHECK_NAMES).toContain("HasLicense");
    expect(CHECK_NAMES).toHaveLength(13);
  });
});
