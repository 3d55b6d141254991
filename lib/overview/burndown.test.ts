import { describe, expect, it } from "vitest";
import { burndownFromDeltas, openBlockersByDay, projectionBand, type BurndownEvent, type BurndownItem } from "./burndown";

const at = (iso: string) => new Date(iso);
const NOW = at("2025-03-10T12:00:00Z");

function item(id: string, createdAt: string, over: Partial<BurndownItem> = {}): BurndownItem {
  return { id, category: "critical_blocker", status: "not_started", createdAt: at(createdAt), ...over };
}
const created = (itemId: string, when: string): BurndownEvent => ({ itemId, at: at(when), field: "created", oldValue: null });
const status = (itemId: string, when: string, oldValue: string): BurndownEvent => ({ itemId, at: at(when), field: "status", oldValue });
const category = (itemId: string, when: string, oldValue: string): BurndownEvent => ({ itemId, at: at(when), field: "category", oldValue });

describe("openBlockersByDay", () => {
  it("has no points without items or events", () => {
    expect(openBlockersByDay([], [], NOW)).toEqual([]);
  });

  it("starts on the day of the first item and counts items closed later as open before", () => {
    const items = [item("a", "2025-03-07T09:00:00Z", { status: "done" }), item("b", "2025-03-07T09:00:00Z"), item("c", "2025-03-08T10:00:00Z")];
    const events = [
      created("a", "2025-03-07T09:00:00Z"),
      created("b", "2025-03-07T09:00:00Z"),
      created("c", "2025-03-08T10:00:00Z"),
      status("a", "2025-03-09T15:00:00Z", "in_progress"),
    ];
    expect(openBlockersByDay(items, events, NOW)).toEqual([
      { date: "2025-03-07", open: 2, items: 2 },
      { date: "2025-03-08", open: 3, items: 3 },
      { date: "2025-03-09", open: 2, items: 2 },
      { date: "2025-03-10", open: 2, items: 2 },
    ]);
  });

  it("follows category changes: an item moved out of the blockers no longer counts from that day", () => {
    const items = [item("a", "2025-03-08T09:00:00Z", { category: "needs_verification" })];
    const events = [created("a", "2025-03-08T09:00:00Z"), category("a", "2025-03-09T23:59:00Z", "critical_blocker")];
    expect(openBlockersByDay(items, events, NOW).map((p) => p.open)).toEqual([1, 0, 0]);
    // Still open, so still one of the open items.
    expect(openBlockersByDay(items, events, NOW).map((p) => p.items)).toEqual([1, 1, 1]);
  });

  it("counts a reopened item again, and wont_do as closed", () => {
    const items = [item("a", "2025-03-08T09:00:00Z", { status: "not_started" }), item("b", "2025-03-08T09:00:00Z", { status: "wont_do" })];
    const events = [
      status("a", "2025-03-09T10:00:00Z", "in_progress"), // in_progress → done
      status("a", "2025-03-10T08:00:00Z", "done"), // done → not_started (reopened today)
      status("b", "2025-03-09T11:00:00Z", "blocked"),
    ];
    expect(openBlockersByDay(items, events, NOW)).toEqual([
      { date: "2025-03-08", open: 2, items: 2 },
      { date: "2025-03-09", open: 0, items: 0 },
      { date: "2025-03-10", open: 1, items: 1 },
    ]);
  });

  it("keeps to the last 30 days by default, and to fewer when asked", () => {
    const items = [item("a", "2024-12-01T00:00:00Z")];
    const points = openBlockersByDay(items, [], NOW);
    expect(points).toHaveLength(30);
    expect(points[0]).toEqual({ date: "2025-02-09", open: 1, items: 1 });
    expect(points.at(-1)).toEqual({ date: "2025-03-10", open: 1, items: 1 });
    expect(openBlockersByDay(items, [], NOW, 7)).toHaveLength(7);
  });

  it("ignores events of unknown items and malformed old values, and nothing after now", () => {
    const items = [item("a", "2025-03-09T09:00:00Z")];
    const events = [status("gone", "2025-03-09T10:00:00Z", "done"), { itemId: "a", at: at("2025-03-10T01:00:00Z"), field: "status", oldValue: { weird: true } }];
    expect(openBlockersByDay(items, events, NOW).map((p) => p.open)).toEqual([1, 1]);
    expect(openBlockersByDay([item("late", "2025-03-11T00:00:00Z")], [], NOW)).toEqual([]);
  });
});

describe("openBlockersByDay counts every open item too", () => {
  it("items of any category count while open; blockers only among them", () => {
    const items = [item("a", "2025-03-09T09:00:00Z"), item("b", "2025-03-09T09:00:00Z", { category: "needs_verification" }), item("c", "2025-03-09T09:00:00Z", { category: "compliant", status: "done" })];
    const events = [status("c", "2025-03-10T09:00:00Z", "in_progress")];
    expect(openBlockersByDay(items, events, NOW)).toEqual([
      { date: "2025-03-09", open: 1, items: 3 },
      { date: "2025-03-10", open: 1, items: 2 },
    ]);
  });
});

describe("projectionBand", () => {
  it("runs from today's open items to none, on the 50% day along the lower edge and the 85% day along the upper", () => {
    // 10 days to the 85% date; on the 50% day (4 days in) the upper edge has 6 of its 10 days to go: 12 × 0.6 = 7.2.
    expect(projectionBand({ today: "2025-03-10", open: 12, p50: "2025-03-14", p85: "2025-03-20" })).toEqual([
      { date: "2025-03-10", low: 12, high: 12 },
      { date: "2025-03-14", low: 0, high: 7.2 },
      { date: "2025-03-20", low: 0, high: 0 },
    ]);
  });

  it("is a single edge when both dates are the same day, and nothing without open work or dates", () => {
    expect(projectionBand({ today: "2025-03-10", open: 3, p50: "2025-03-17", p85: "2025-03-17" })).toEqual([
      { date: "2025-03-10", low: 3, high: 3 },
      { date: "2025-03-17", low: 0, high: 0 },
    ]);
    expect(projectionBand({ today: "2025-03-10", open: 0, p50: "2025-03-17", p85: "2025-03-17" })).toEqual([]);
    expect(projectionBand({ today: "2025-03-10", open: 3, p50: null, p85: null })).toEqual([]);
    expect(projectionBand({ today: "2025-03-10", open: 3, p50: "2025-03-10", p85: "2025-03-10" })).toEqual([]);
  });
});

describe("burndownFromDeltas", () => {
  const day = (iso: string) => at(`${iso}T00:00:00Z`);

  it("has no points without history", () => {
    expect(burndownFromDeltas({ current: { items: 0, open: 0 }, first: null, deltas: [] }, NOW)).toEqual([]);
  });

  it("takes from today's counts what each later day's events added, starting on the first day of history", () => {
    // Today: 3 open items, 2 of them critical blockers. On the 8th one blocker was created; on the
    // 9th one item was closed (-1 item, -1 blocker); today, before now, a blocker opened; after now one more.
    const points = burndownFromDeltas(
      {
        current: { items: 3, open: 2 },
        first: at("2025-03-07T09:00:00Z"),
        deltas: [
          { day: day("2025-03-08"), future: false, items: 1, open: 1 },
          { day: day("2025-03-09"), future: false, items: -1, open: -1 },
          { day: day("2025-03-10"), future: false, items: 1, open: 1 },
          { day: day("2025-03-10"), future: true, items: 1, open: 0 },
        ],
      },
      NOW,
    );
    expect(points).toEqual([
      { date: "2025-03-07", open: 1, items: 1 },
      { date: "2025-03-08", open: 2, items: 2 },
      { date: "2025-03-09", open: 1, items: 1 },
      { date: "2025-03-10", open: 2, items: 2 },
    ]);
  });

  it("shows at most `days` days", () => {
    const points = burndownFromDeltas({ current: { items: 1, open: 1 }, first: at("2024-01-01T00:00:00Z"), deltas: [] }, NOW, 5);
    expect(points.map((p) => p.date)).toEqual(["2025-03-06", "2025-03-07", "2025-03-08", "2025-03-09", "2025-03-10"]);
  });
});
