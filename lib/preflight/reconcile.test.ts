import { describe, expect, it } from "vitest";
import { planChanges, readsFor, statusesBeforeVerification, targetItems, type Candidate, type ReconcileCheck, type ReconcileContext, type ReconcileOutcome } from "./reconcile";

const COMPONENT = { id: "c-1", slug: "web", name: "Web", architectures: [], architecturesSetBy: null };
const check = (canonicalName: string, outcome: ReconcileCheck["outcome"]): ReconcileCheck => ({ canonicalName, outcome, known: true, description: null, help: "Fix it.", suggestion: null });
const context = (checks: ReconcileCheck[]): ReconcileContext => ({
  component: COMPONENT,
  run: { id: "run-1234567890", architecture: "amd64", imageRef: "quay.io/acme/web:1.0" },
  checks,
  exempt: new Set(),
  actor: { kind: "system", name: "ci" },
});
const item = (over: Partial<Candidate>): Candidate => ({ id: "i-1", key: "P0-1", status: "not_started", latestResult: null, source: null, checkNames: [], components: [], ...over });
const emptyOutcome = (): ReconcileOutcome => ({ opened: [], reopened: [], verified: [], flagged: [] });

describe("reconcile (pure)", () => {
  it("opens an item for a failure nothing names, and a later check naming it in its source touches that item", () => {
    const ctx = context([check("HasLicense", "failed"), check("HasUniqueTag", "passed"), check("Odd", "warned"), check("License", "failed")]);
    const { touches, openings } = targetItems(ctx, []);
    expect(openings.map((o) => [o.check.canonicalName, o.item.checkNames, o.item.source, o.item.components])).toEqual([
      ["HasLicense", ["HasLicense"], "preflight HasLicense (run run-1234567890)", [{ componentId: "c-1" }]],
    ]);
    // A pass claims no item and a warning is not evidence; "License" is named by the new item's source.
    expect(touches).toEqual([{ item: openings[0]!.item, adopted: null, results: [{ name: "License", result: "failed" }], unnamed: ["License"] }]);
  });

  it("adopts the unlinked item dedicated to a failed check, links it once, and records the result", () => {
    const ctx = context([check("HasLicense", "failed")]);
    const shared = item({ id: "i-1", key: "P0-1", checkNames: ["HasLicense", "RunAsNonRoot"] });
    const dedicated = item({ id: "i-2", key: "P0-2", checkNames: ["HasLicense"] });
    const candidates = [shared, dedicated];
    const { touches, openings } = targetItems(ctx, candidates);
    expect(openings).toEqual([]);
    expect(touches.map((t) => [t.item.key, t.adopted])).toEqual([["P0-2", "HasLicense"]]);
    // The caller's rows are left as they were.
    expect(dedicated.components).toEqual([]);
    const outcome = emptyOutcome();
    const { updates, events, links } = planChanges(ctx, touches, { ...readsFor(ctx, touches), newest: [], before: new Map() }, outcome);
    expect(links).toEqual(["i-2"]);
    expect(updates).toEqual([{ id: "i-2", latestResult: "failed", status: null, push: [], bump: 1 }]);
    expect(events.map((e) => [e.field, e.oldValue, e.newValue, e.actor])).toEqual([
      ["components", undefined, ["web"], "preflight run run-1234 (ci)"],
      ["latestResult", undefined, "failed", "preflight run run-1234 (ci)"],
    ]);
  });

  it("verifies an open item once its checks pass in the newest run of every architecture, and reopens a verified one to its status before", () => {
    const passing = context([check("HasLicense", "passed")]);
    const open = item({ id: "i-1", key: "P0-1", status: "in_progress", latestResult: "failed", checkNames: ["HasLicense"], components: [{ componentId: "c-1" }] });
    const { touches } = targetItems(passing, [open]);
    const reads = readsFor(passing, touches);
    expect(reads.newestNames).toEqual(["HasLicense"]);
    const newest = [
      { architecture: "amd64", name: "HasLicense", outcome: "passed" },
      { architecture: "arm64", name: "HasLicense", outcome: "failed" },
    ];
    const held = emptyOutcome();
    planChanges(passing, touches, { ...reads, newest, before: new Map() }, held);
    expect(held.verified).toEqual([]);
    const verified = emptyOutcome();
    const { updates } = planChanges(passing, touches, { ...reads, newest: newest.map((row) => ({ ...row, outcome: "passed" })), before: new Map() }, verified);
    expect(verified.verified).toEqual(["P0-1"]);
    expect(updates[0]).toMatchObject({ status: "done", latestResult: "passed" });

    const failing = context([check("HasLicense", "errored")]);
    const done = { ...open, status: "done" as const, latestResult: "passed" };
    const again = targetItems(failing, [done]).touches;
    expect(readsFor(failing, again).reopenIds).toEqual(["i-1"]);
    const before = statusesBeforeVerification([{ itemId: "i-1", runId: "run-0", oldValue: "in_progress", newValue: "done" }]);
    const reopened = emptyOutcome();
    const plan = planChanges(failing, again, { required: new Map(), newest: [], before }, reopened);
    expect(reopened.reopened).toEqual(["P0-1"]);
    expect(plan.updates[0]).toMatchObject({ status: "in_progress", latestResult: "errored" });
    // Set done by a person (no run): back to not_started.
    expect(statusesBeforeVerification([{ itemId: "i-1", runId: null, oldValue: "in_progress", newValue: "done" }]).size).toBe(0);
  });

  it("never changes an item a person decided on: it flags it", () => {
    const ctx = context([check("HasLicense", "failed")]);
    const decided = item({ status: "wont_do", checkNames: ["HasLicense"], components: [{ componentId: "c-1" }] });
    const outcome = emptyOutcome();
    const { updates, events } = planChanges(ctx, targetItems(ctx, [decided]).touches, { required: new Map(), newest: [], before: new Map() }, outcome);
    expect(outcome.flagged).toEqual(["P0-1"]);
    expect(updates).toEqual([{ id: "i-1", latestResult: null, status: null, push: [], bump: 0 }]);
    expect(events.map((e) => e.field)).toEqual(["flagged"]);
  });
});
