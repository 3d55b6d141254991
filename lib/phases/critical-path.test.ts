import { describe, expect, it } from "vitest";
import { computeCriticalPath, criticalPathForPhase, type CriticalPathItem, type CriticalPathPhase } from "@/lib/phases/critical-path";

const OPERATOR = { slug: "operator", name: "Operator image" };
const DRIVER = { slug: "driver", name: "Neuron driver" };
const SCHEDULER = { slug: "ose-scheduler", name: "OpenShift scheduler" };

// phase-3 (the bundle) waits on phase-1 and phase-2 and on the operator and driver images; phase-4 waits on phase-3.
const PHASES: CriticalPathPhase[] = [
  { key: "phase-1", order: 1, name: "Image fixes", completed: false, dependsOn: [], gates: [] },
  { key: "phase-2", order: 2, name: "Prerequisites", completed: false, dependsOn: [], gates: [] },
  {
    key: "phase-3",
    order: 3,
    name: "Bundle",
    completed: false,
    dependsOn: ["phase-1", "phase-2"],
    gates: [
      { slug: "operator", satisfied: false },
      { slug: "driver", satisfied: false },
      { slug: "ose-scheduler", satisfied: true },
    ],
  },
  { key: "phase-4", order: 4, name: "Listing", completed: false, dependsOn: ["phase-3"], gates: [] },
];

function item(key: string, phase: string | null, rest: Partial<CriticalPathItem> = {}): CriticalPathItem {
  return { key, title: `Item ${key}`, status: "not_started", priority: null, effortMinHours: 1, effortMaxHours: 2, phase, components: [], ...rest };
}

const ITEMS: CriticalPathItem[] = [
  item("P0-2", "phase-1", { priority: "P0" }),
  item("P0-1", "phase-2", { priority: "P0", components: [DRIVER] }),
  item("P1-3", null, { priority: "P1", components: [SCHEDULER] }),
  item("P0-7", null, { priority: "P0", components: [OPERATOR] }),
  item("B-1", "phase-3", { effortMinHours: 8, effortMaxHours: 16 }),
  item("B-2", "phase-3", { effortMinHours: null, effortMaxHours: null }),
  item("B-3", "phase-3", { status: "done" }),
  item("L-1", "phase-4", { effortMinHours: null, effortMaxHours: 4 }),
  item("L-2", "phase-4"),
];

const byKey = (entries: ReturnType<typeof computeCriticalPath>) => new Map(entries.map((e) => [e.key, e]));

describe("computeCriticalPath", () => {
  it("counts the open items of every phase waiting on an item's phase, transitively, with their effort", () => {
    const p02 = byKey(computeCriticalPath(PHASES, ITEMS)).get("P0-2");
    expect(p02?.blocks.phases.map((p) => p.key)).toEqual(["phase-3", "phase-4"]);
    // B-1, B-2 (unestimated), L-1 (max only), L-2; B-3 is done.
    expect(p02?.blocks.items).toBe(4);
    expect(p02?.blocks.effort).toEqual({ minHours: 8 + 4 + 1, maxHours: 16 + 4 + 2, unestimated: 1 });
    expect(p02?.viaComponents).toEqual([]);
  });

  it("counts an item linked to an unpublished gating component as holding up the gated phase", () => {
    const entries = byKey(computeCriticalPath(PHASES, ITEMS));
    expect(entries.get("P0-7")?.blocks.phases.map((p) => p.key)).toEqual(["phase-3", "phase-4"]);
    expect(entries.get("P0-7")?.viaComponents).toEqual([OPERATOR]);
    expect(entries.get("P0-1")?.viaComponents).toEqual([DRIVER]);
    // A published component gates nothing any more.
    expect(entries.has("P1-3")).toBe(false);
  });

  it("leaves out items that hold nothing up, and closed items", () => {
    const entries = byKey(computeCriticalPath(PHASES, ITEMS));
    expect(entries.has("L-1")).toBe(false);
    expect(entries.has("B-3")).toBe(false);
    // B-1 is in phase-3, which phase-4 waits on: it holds up L-1 and L-2 only.
    expect(entries.get("B-1")?.blocks).toMatchObject({ items: 2, phases: [{ key: "phase-4" }] });
  });

  it("ranks by items held up, then phases, then priority, then key (numerically)", () => {
    const ranked = computeCriticalPath(PHASES, [...ITEMS, item("P0-10", "phase-1", { priority: "P0" }), item("P3-1", "phase-1", { priority: "P3" })]);
    expect(ranked.map((e) => e.key)).toEqual(["P0-1", "P0-2", "P0-7", "P0-10", "P3-1", "B-1", "B-2"]);
    expect(ranked[0]?.blocks.items).toBe(4);
    expect(ranked.at(-1)?.blocks.items).toBe(2);
  });

  it("passes nothing through a completed phase, and completed phases hold nothing up", () => {
    const done3 = PHASES.map((p) => (p.key === "phase-3" ? { ...p, completed: true } : p));
    const entries = byKey(computeCriticalPath(done3, ITEMS));
    expect(entries.has("P0-2")).toBe(false);
    expect(entries.has("P0-7")).toBe(false);
    // B-1 is still open, but its phase is complete, so phase-4 no longer waits on it.
    expect(entries.has("B-1")).toBe(false);
  });

  it("reports an empty downstream phase as held up with no items", () => {
    const entries = computeCriticalPath(PHASES.slice(0, 3), [item("P0-2", "phase-1", { priority: "P0" })]);
    expect(entries).toEqual([
      {
        key: "P0-2",
        title: "Item P0-2",
        status: "not_started",
        priority: "P0",
        phase: "phase-1",
        viaComponents: [],
        blocks: { items: 0, effort: { minHours: 0, maxHours: 0, unestimated: 0 }, phases: [{ key: "phase-3", order: 3, name: "Bundle" }] },
      },
    ]);
  });
});

describe("criticalPathForPhase", () => {
  it("keeps the phase's own items that hold others up and the items that hold it up", () => {
    const entries = computeCriticalPath(PHASES, ITEMS);
    expect(criticalPathForPhase(entries, "phase-1").map((e) => e.key)).toEqual(["P0-2"]);
    expect(criticalPathForPhase(entries, "phase-3").map((e) => e.key)).toEqual(["P0-1", "P0-2", "P0-7", "B-1", "B-2"]);
  });
});
