import { describe, expect, it } from "vitest";
import { changeText, describeConflict, describeEvent, eventSentence, fieldLabel, type DescribableEvent } from "./describe-event";

const RUN = { id: "1a2b3c4d-0000-4000-8000-000000000000", component: "Operator image", tag: "v0.1.5", architecture: "amd64" };
const ev = (field: string, oldValue: unknown, newValue: unknown, extra: Partial<DescribableEvent> = {}): DescribableEvent => ({
  actor: "Alice",
  field,
  oldValue,
  newValue,
  note: null,
  ...extra,
});

describe("eventSentence", () => {
  it("names a run's change by the run, what it tested and why", () => {
    const reopened = ev("status", "done", "not_started", { actor: "preflight run 1a2b3c4d (Bob)", run: RUN, note: "reopened: HasLicense failed on amd64" });
    expect(eventSentence(reopened)).toBe("Status changed from Done to Not started by run 1a2b3c4d of Operator image v0.1.5 (amd64): HasLicense failed on amd64.");
    expect(describeEvent(reopened).by).toEqual({
      name: "run 1a2b3c4d of Operator image v0.1.5 (amd64)",
      run: { id: RUN.id, label: "run 1a2b3c4d", of: "Operator image v0.1.5 (amd64)" },
    });
  });

  it("names a dev-build tag and an unknown architecture in words", () => {
    const run = { ...RUN, tag: "0123456789abcdef0123456789abcdef01234567", architecture: "unknown" };
    expect(eventSentence(ev("latestResult", "passed", "failed", { run }))).toBe(
      "Latest preflight result changed from Passed to Failed by run 1a2b3c4d of Operator image dev build (commit 0123456) (architecture not known).",
    );
  });

  it("keeps the actor's name when the run is gone", () => {
    expect(eventSentence(ev("latestResult", null, "errored", { actor: "preflight run 1a2b3c4d (Bob)" }))).toBe(
      "Latest preflight result set to Errored by preflight run 1a2b3c4d (Bob).",
    );
  });

  it("uses the labels of statuses, categories and exception and sign-off states", () => {
    expect(eventSentence(ev("status", "in_progress", "wont_do"))).toBe("Status changed from In progress to Won't do by Alice.");
    expect(eventSentence(ev("category", "needs_verification", "critical_blocker"))).toBe("Category changed from Needs verification to Critical blocker by Alice.");
    expect(eventSentence(ev("priority", null, "P1"))).toBe("Priority set to P1 by Alice.");
    expect(eventSentence(ev("exception", "requested", "approved", { note: "privileged exception approved (case 42)" }))).toBe(
      "Exception status changed from Requested to Approved by Alice: privileged exception approved (case 42).",
    );
    expect(eventSentence(ev("signOff", null, "not_applicable", { note: "CTR-04 signed off not applicable: no licence" }))).toBe(
      "Signed off as Not applicable by Alice: CTR-04 signed off not applicable: no licence.",
    );
  });

  it("quotes texts, clips long ones and never prints a description", () => {
    expect(eventSentence(ev("title", "Old", "New title"))).toBe("Title changed from “Old” to “New title” by Alice.");
    expect(describeEvent(ev("statusNote", null, "x".repeat(200))).what).toBe(`Status note set to “${"x".repeat(79)}…”`);
    expect(describeEvent(ev("source", "a", "b")).what).toBe("Source changed from “a” to “b”");
    expect(describeEvent(ev("statusNote", null, "Missing in `quay.io/acme/op:v1`")).what).toBe("Status note set to “Missing in quay.io/acme/op:v1”");
    expect(describeEvent(ev("description", "# old", "# new")).what).toBe("Description edited");
    expect(describeEvent(ev("description", "# old", "")).what).toBe("Description cleared");
  });

  it("sets, changes and clears plain fields", () => {
    expect(describeEvent(ev("effortText", null, "2h")).what).toBe("Effort set to 2h");
    expect(describeEvent(ev("effortText", "2h", "1-2 days")).what).toBe("Effort changed from 2h to 1-2 days");
    expect(describeEvent(ev("assignee", "Alice", null)).what).toBe("Owner cleared (was Alice)");
    expect(describeEvent(ev("dueDate", null, "2026-12-05")).what).toBe("Due date set to 5 Dec 2026");
    expect(describeEvent(ev("phase", "phase-1", "phase-2")).what).toBe("Phase changed from phase-1 to phase-2");
  });

  it("lists what was added to and removed from lists", () => {
    expect(describeEvent(ev("components", ["a", "b"], ["b", "c"])).what).toBe("Components: added c; removed a");
    expect(describeEvent(ev("requirements", [], ["CTR-04"])).what).toBe("Requirements: added CTR-04");
    expect(describeEvent(ev("fileRefs", ["x"], [])).what).toBe("Files: removed x");
    expect(describeEvent(ev("checkNames", ["A", "B"], ["B", "A"])).what).toBe("Preflight checks reordered");
  });

  it("describes required actions by the one that changed, or by counts, never as JSON", () => {
    const before = [{ text: "Add /licenses", done: false }, { text: "Rebuild", done: false }];
    const ticked = [{ text: "Add /licenses", done: true }, { text: "Rebuild", done: false }];
    expect(describeEvent(ev("actions", before, ticked)).what).toBe("Required action “Add /licenses” marked done");
    expect(describeEvent(ev("actions", ticked, before)).what).toBe("Required action “Add /licenses” marked not done");
    const many = [{ text: "Add /licenses", done: true }, { text: "Rebuild", done: true }, { text: "Push", done: false }];
    const what = describeEvent(ev("actions", before, many)).what;
    expect(what).toBe("Required actions changed: 2 marked done, 1 added (now 2 of 3 done)");
    expect(what).not.toContain("{");
  });

  it("opens, creates, flags and comments in words", () => {
    expect(eventSentence(ev("created", null, "T", { run: RUN, note: "HasLicense failed" }))).toBe(
      "Opened by run 1a2b3c4d of Operator image v0.1.5 (amd64): HasLicense failed.",
    );
    expect(eventSentence(ev("created", null, "T", { actor: "import" }))).toBe("Created by import.");
    const flagged = ev("flagged", null, "failed", { run: RUN, note: "HasLicense failed on quay.io/acme/op:v0.1.5 (amd64); status left as a person set it" });
    expect(eventSentence(flagged)).toBe(
      "Flagged (failed), status left unchanged by run 1a2b3c4d of Operator image v0.1.5 (amd64): HasLicense failed on quay.io/acme/op:v0.1.5 (amd64).",
    );
    expect(describeEvent(ev("comment", null, "hi", { note: "edited a comment" }))).toMatchObject({ what: "Edited a comment", why: null });
  });

  it("de-camels a field it does not know and never prints an object", () => {
    expect(fieldLabel("someNewField")).toBe("Some new field");
    expect(describeEvent(ev("someNewField", { a: 1 }, { a: 2 })).what).toBe("Some new field changed from a new value to a new value");
  });
});

describe("changeText", () => {
  it("reads without the agent, for the run's own page", () => {
    expect(changeText(ev("created", null, "T", { run: RUN, note: "HasLicense failed" }))).toBe("Opened: HasLicense failed");
    expect(changeText(ev("latestResult", "passed", "failed", { run: RUN }))).toBe("Latest preflight result changed from Passed to Failed");
  });
});

describe("describeConflict", () => {
  it("says which value was kept and what the import had, in words", () => {
    const mine = [{ text: "a", done: true }, { text: "b", done: true }, { text: "c", done: false }];
    const theirs = [1, 2, 3, 4].map((n) => ({ text: `t${n}`, done: false }));
    expect(describeConflict({ item: "P0-1", field: "actions", current: mine, incoming: theirs })).toBe(
      "Required actions: kept your 3 actions (2 done), the import had 4 actions (0 done)",
    );
    expect(describeConflict({ item: "P0-1", field: "status", current: "in_progress", incoming: "not_started" })).toBe(
      "Status: kept your In progress, the import had Not started",
    );
    expect(describeConflict({ item: "P0-1", field: "priority", current: null, incoming: "P1" })).toBe("Priority: kept it empty as you left it, the import had P1");
    expect(describeConflict({ item: "P0-1", field: "description", current: "x", incoming: "y" })).toBe(
      "Description: kept your edited text, the import had a different one",
    );
  });
});
