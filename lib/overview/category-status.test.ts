import { describe, expect, it } from "vitest";
import { categoryStatusTable, usedStatuses } from "./category-status";

describe("categoryStatusTable", () => {
  it("fills every category and status, adding up repeated groups", () => {
    const rows = categoryStatusTable([
      { category: "critical_blocker", status: "not_started", count: 4 },
      { category: "critical_blocker", status: "done", count: 1 },
      { category: "critical_blocker", status: "not_started", count: 1 },
      { category: "compliant", status: "done", count: 9 },
    ]);
    expect(rows.map((r) => r.category)).toEqual(["critical_blocker", "needs_verification", "not_required", "compliant"]);
    expect(rows[0]).toMatchObject({ not_started: 5, done: 1, in_progress: 0, wont_do: 0 });
    expect(rows[1]).toMatchObject({ not_started: 0, done: 0 });
    expect(rows[3]?.done).toBe(9);
    expect(usedStatuses(rows)).toEqual(["not_started", "done"]);
  });

  it("has no used statuses for an empty backlog", () => {
    expect(usedStatuses(categoryStatusTable([]))).toEqual([]);
  });
});
