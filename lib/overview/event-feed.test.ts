import { describe, expect, it } from "vitest";
import { componentFeedEvent, importFeedEvent, itemFeedEvent, runFeedEvents, selectFeed, type ItemEventRow, type RunRow } from "./event-feed";

const item = { key: "P0-3", title: "Add a license", components: ["operator"] };

function row(over: Partial<ItemEventRow>): ItemEventRow {
  return { id: "e1", at: new Date("2025-03-10T10:00:00Z"), actor: "Erin", field: "status", oldValue: "not_started", newValue: "in_progress", note: null, run: null, item, ...over };
}

function run(diff: Partial<NonNullable<RunRow["diff"]>> | null): RunRow {
  return {
    id: "run-1",
    createdAt: new Date("2025-03-10T11:00:00Z"),
    actor: "token ci",
    architecture: "amd64",
    component: { slug: "operator", name: "Operator" },
    diff: diff && { newlyFailed: [], newlyPassed: [], newlyErrored: [], added: [], removed: [], preflightVersionChanged: null, ...diff },
  };
}

describe("itemFeedEvent", () => {
  it("reads a person's status change as a status change, linked to the item", () => {
    const event = itemFeedEvent(row({}), "acme");
    expect(event).toMatchObject({
      id: "item:e1",
      kind: "status",
      from: "not_started",
      to: "in_progress",
      summary: "Status: Not started → In progress",
      actor: "Erin",
      components: ["operator"],
      href: "/items/P0-3?product=acme",
    });
  });

  it("reads a move to done as a verification, whoever made it", () => {
    expect(itemFeedEvent(row({ newValue: "done" }), "acme")?.kind).toBe("verification");
    const byRun = itemFeedEvent(row({ oldValue: "in_progress", newValue: "done", run: { id: "r", architecture: "amd64" }, note: "verified: passes HasLicense" }), "acme");
    expect(byRun).toMatchObject({ kind: "verification", summary: "Verified: In progress → Done (verified: passes HasLicense)", run: { id: "r" } });
  });

  it("reads a run reopening a done item as a regression, a person reopening it as a status change", () => {
    const reopened = row({ oldValue: "done", newValue: "not_started", run: { id: "r", architecture: "arm64" }, note: "reopened: HasLicense failed on arm64" });
    expect(itemFeedEvent(reopened, "acme")).toMatchObject({ kind: "regression", summary: "Reopened: Done → Not started (reopened: HasLicense failed on arm64)" });
    expect(itemFeedEvent(row({ oldValue: "done", newValue: "in_progress" }), "acme")?.kind).toBe("status");
  });

  it("reads an item opened by a run as a new failure, and skips items created by imports and other fields", () => {
    expect(itemFeedEvent(row({ field: "created", oldValue: null, newValue: "title", run: { id: "r", architecture: "amd64" }, note: "BasedOnUbi failed on amd64" }), "acme")).toMatchObject({
      kind: "failure",
      summary: "Opened by preflight (BasedOnUbi failed on amd64)",
    });
    expect(itemFeedEvent(row({ field: "created", oldValue: null, newValue: "title" }), "acme")).toBeNull();
    expect(itemFeedEvent(row({ field: "priority", oldValue: "P1", newValue: "P0" }), "acme")).toBeNull();
    expect(itemFeedEvent(row({ newValue: "nonsense" }), "acme")).toBeNull();
  });
});

describe("runFeedEvents", () => {
  it("splits failing checks into new failures (no result before) and regressions (ran before)", () => {
    const events = runFeedEvents(run({ newlyFailed: ["HasLicense", "BasedOnUbi"], newlyErrored: ["DeployableByOLM"], added: ["BasedOnUbi"], newlyPassed: ["RunAsNonRoot"] }));
    expect(events.map((e) => [e.kind, e.checks])).toEqual([
      ["failure", ["BasedOnUbi"]],
      ["regression", ["DeployableByOLM", "HasLicense"]],
      ["verification", ["RunAsNonRoot"]],
    ]);
    expect(events[0]).toMatchObject({ id: "run:run-1:failure", summary: "New failure on Operator (amd64): BasedOnUbi", href: "/runs/run-1", components: ["operator"] });
    expect(events[1]?.summary).toBe("2 regressions on Operator (amd64): DeployableByOLM, HasLicense");
  });

  it("has nothing to say for a run that changed nothing, or one without a readable diff", () => {
    expect(runFeedEvents(run({ added: [] }))).toEqual([]);
    expect(runFeedEvents(run(null))).toEqual([]);
  });
});

describe("importFeedEvent", () => {
  it("summarises the import's counts and conflicts", () => {
    const event = importFeedEvent({ id: "i1", createdAt: new Date("2025-03-10T09:00:00Z"), actor: "import by Erin", summary: { created: 19, updated: 0, unchanged: 0, conflicts: [{}, {}] } }, "acme");
    expect(event).toMatchObject({ kind: "import", summary: "Backlog imported: 19 created, 0 updated, 0 unchanged, 2 conflicts", href: "/items?product=acme", components: [] });
  });
});

describe("componentFeedEvent", () => {
  it("says whose certification status changed, from what to what, by whom, and links the component", () => {
    const event = componentFeedEvent(
      { id: "e1", at: new Date("2025-03-10T09:00:00Z"), actor: "Red Hat", oldValue: "in_progress", newValue: "published", component: { slug: "operator", name: "Operator image" } },
      "acme",
    );
    expect(event).toMatchObject({
      id: "component:e1",
      kind: "certification",
      actor: "Red Hat",
      summary: "Operator image: certification status In progress → Published",
      components: ["operator"],
      href: "/components/operator?product=acme",
    });
  });
});

describe("selectFeed", () => {
  const a = itemFeedEvent(row({ id: "a", at: new Date("2025-03-10T10:00:00Z") }), "acme")!;
  const b = itemFeedEvent(row({ id: "b", at: new Date("2025-03-10T12:00:00Z"), newValue: "done", item: { ...item, components: ["driver"] } }), "acme")!;
  const c = importFeedEvent({ id: "c", createdAt: new Date("2025-03-09T09:00:00Z"), actor: "import", summary: {} }, "acme");

  it("puts the newest first and caps the page, saying when it did", () => {
    expect(selectFeed([a, c, b], {}, 10)).toEqual({ events: [b, a, c], truncated: false });
    expect(selectFeed([a, c, b], {}, 2)).toEqual({ events: [b, a], truncated: true });
  });

  it("filters by component (imports belong to none) and by kind", () => {
    expect(selectFeed([a, b, c], { component: "operator" }, 10).events).toEqual([a]);
    expect(selectFeed([a, b, c], { kinds: ["verification", "import"] }, 10).events).toEqual([b, c]);
    expect(selectFeed([a, b, c], { component: "driver", kinds: ["status"] }, 10).events).toEqual([]);
  });
});
