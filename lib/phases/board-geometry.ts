// Pure geometry for the phase board's drag and drop: which column a point is in, and where the
// keyboard takes a picked-up card next. Plain rectangles, so it is tested without a browser.

export type Point = { x: number; y: number };
export type Box = { left: number; top: number; width: number; height: number };
export type ColumnBox<Id> = { id: Id; rect: Box };

export const centreOf = (rect: Box): Point => ({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });

const contains = (rect: Box, point: Point) =>
  point.x >= rect.left && point.x <= rect.left + rect.width && point.y >= rect.top && point.y <= rect.top + rect.height;

/** The column under a point (the pointer, or the centre of a card moved by the keyboard); null between or outside them. */
export function columnAt<Id>(point: Point, columns: ReadonlyArray<ColumnBox<Id>>): Id | null {
  return columns.find((column) => contains(column.rect, point))?.id ?? null;
}

/** Squared distance from a point to the nearest point of a rectangle (0 inside it). */
function distanceTo(rect: Box, point: Point): number {
  const dx = Math.max(rect.left - point.x, 0, point.x - (rect.left + rect.width));
  const dy = Math.max(rect.top - point.y, 0, point.y - (rect.top + rect.height));
  return dx * dx + dy * dy;
}

/**
 * Where a card whose centre is at `centre` goes when the keyboard moves it one column on, in the
 * columns' status order: the next column's horizontal centre, at the card's own height when that is
 * inside the column (side by side, columns share a height), else near the column's top (stacked on a
 * phone). Null at either end of the board. The card's column is the one holding its centre, or the
 * nearest one, so a card hanging over a gap still counts as in a column.
 */
export function neighbourColumnPoint<Id>(centre: Point, columns: ReadonlyArray<ColumnBox<Id>>, step: 1 | -1): Point | null {
  if (columns.length === 0) return null;
  let current = 0;
  for (let index = 1; index < columns.length; index += 1) {
    if (distanceTo(columns[index]!.rect, centre) < distanceTo(columns[current]!.rect, centre)) current = index;
  }
  const target = columns[current + step];
  if (!target) return null;
  const { rect } = target;
  const margin = Math.min(24, rect.height / 2);
  const y = Math.min(Math.max(centre.y, rect.top + margin), rect.top + rect.height - margin);
  return { x: rect.left + rect.width / 2, y };
}
