import { describe, expect, it } from "vitest";
import { centreOf, columnAt, neighbourColumnPoint, type ColumnBox } from "./board-geometry";

// Side by side at 1280 px: two open columns and a collapsed 48 px strip between them.
const row: ColumnBox<string>[] = [
  { id: "not_started", rect: { left: 0, top: 100, width: 300, height: 500 } },
  { id: "in_progress", rect: { left: 308, top: 100, width: 48, height: 500 } },
  { id: "blocked", rect: { left: 364, top: 100, width: 300, height: 500 } },
];

// Stacked on a phone: full-width columns one under the other, the empty one a short strip.
const stacked: ColumnBox<string>[] = [
  { id: "not_started", rect: { left: 16, top: 100, width: 358, height: 400 } },
  { id: "in_progress", rect: { left: 16, top: 508, width: 358, height: 40 } },
  { id: "blocked", rect: { left: 16, top: 556, width: 358, height: 200 } },
];

describe("columnAt", () => {
  it("finds the column under the point, the narrow strip included", () => {
    expect(columnAt({ x: 150, y: 300 }, row)).toBe("not_started");
    expect(columnAt({ x: 330, y: 590 }, row)).toBe("in_progress");
    expect(columnAt({ x: 664, y: 100 }, row)).toBe("blocked");
  });

  it("finds no column in a gap or outside the board", () => {
    expect(columnAt({ x: 304, y: 300 }, row)).toBeNull();
    expect(columnAt({ x: 150, y: 700 }, row)).toBeNull();
    expect(columnAt({ x: 10, y: 10 }, [])).toBeNull();
  });
});

describe("neighbourColumnPoint", () => {
  const card = { x: 150, y: 180 };

  it("moves right into the strip at the card's height, then on to the next column", () => {
    const first = neighbourColumnPoint(card, row, 1);
    expect(first).toEqual({ x: 332, y: 180 });
    expect(columnAt(first!, row)).toBe("in_progress");
    const second = neighbourColumnPoint(first!, row, 1);
    expect(second).toEqual({ x: 514, y: 180 });
    expect(columnAt(second!, row)).toBe("blocked");
  });

  it("moves back left and stops at either end", () => {
    expect(neighbourColumnPoint({ x: 514, y: 180 }, row, -1)).toEqual({ x: 332, y: 180 });
    expect(neighbourColumnPoint(card, row, -1)).toBeNull();
    expect(neighbourColumnPoint({ x: 514, y: 180 }, row, 1)).toBeNull();
    expect(neighbourColumnPoint(card, [], 1)).toBeNull();
  });

  it("takes a card over a gap as being in the nearest column", () => {
    expect(neighbourColumnPoint({ x: 303, y: 180 }, row, 1)).toEqual({ x: 332, y: 180 });
    expect(neighbourColumnPoint({ x: 362, y: 180 }, row, 1)).toBeNull();
  });

  it("moves down the stacked columns, into each one however short", () => {
    const first = neighbourColumnPoint({ x: 195, y: 150 }, stacked, 1);
    expect(first).toEqual({ x: 195, y: 528 });
    expect(columnAt(first!, stacked)).toBe("in_progress");
    const second = neighbourColumnPoint(first!, stacked, 1);
    expect(second).toEqual({ x: 195, y: 580 });
    expect(columnAt(second!, stacked)).toBe("blocked");
    expect(neighbourColumnPoint(second!, stacked, -1)).toEqual({ x: 195, y: 528 });
  });

  it("centres on a rectangle", () => {
    expect(centreOf({ left: 10, top: 20, width: 100, height: 50 })).toEqual({ x: 60, y: 45 });
  });
});
