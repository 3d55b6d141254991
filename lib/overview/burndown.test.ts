import { describe, expect, it } from "vitest";
import { openBlockersByDay, type BurndownEvent, type BurndownItem } from "./burndown";

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
      { date: "2025-03-07", open: 2 },
      { date: "2025-03-08", open: 3 },
      { date: "2025-03-09", open: 2 },
      { date: "2025-03-10", open: 2 },
    ]);
  });

  it("follows category changes: an item moved out of the blockers no longer counts from that day", () => {
    const items = [item("a", "2025-03-08T09:00:00Z", { category: "needs_verification" })];
    const events = [created("a", "2025-03-08T09:00:00Z"), category("a", "2025-03-09T23:59:00Z", "critical_blocker")];
    expect(openBlockersByDay(items, events, NOW).map((p) => p.open)).toEqual([1, 0, 0]);
  });

  it("counts a reopened item again, and wont_do as closed", () => {
    const items = [item("a", "2025-03-08T09:00:00Z", { status: "not_started" }), item("b", "2025-03-08T09:00:00Z", { status: "wont_do" })];
    const events = [
      status("a", "2025-03-09T10:00:00Z", "in_progress"), // in_progress → done
      status("a", "2025-03-10T08:00:00Z", "done"), // done → not_started (reopened today)
      status("b", "2025-03-09T11:00:00Z", "blocked"),
    ];
    expect(openBlockersByDay(items, events, NOW)).toEqual([
      { date: "2025-03-08", open: 2 },
      { date: "2025-03-09", open: 0 },
      { date: "2025-03-10", open: 1 },
    ]);
  });

  it("keeps to the last 30 days by default, and to fewer when asked", () => {
    const items = [item("a", "2024-12-01T00:00:00Z")];
    const points = openBlockersByDay(items, [], NOW);
    expect(points).toHaveLength(30);
    expect(points[0]).toEqual({ date: "2025-02-09", open: 1 });
    expect(points.at(-1)).toEqual({ date: "2025-03-10", open: 1 });
    expect(openBlockersByDay(items, [], NOW, 7)).toHaveLength(7);
  });

  it("ignores events of unknown items and malformed old values, and nothing after now", () => {
    const items = [item("a", "2025-03-09T09:00:00Z")];
    const events = [status("gone", "2025-03-09T10:00:00Z", "done"), { itemId: "a", at: at("2025-03-10T01:00:00Z"), field: "status", oldValue: { weird: true } }];
    expect(openBlockersByDay(items, events, NOW).map((p) => p.open)).toEqual([1, 1]);
    expect(openBlockersByDay([item("late", "2025-03-11T00:00:00Z")], [], NOW)).toEqual([]);
  });
});
