import { rectIntersection, type ClientRect, type CollisionDetection, type KeyboardCoordinateGetter, type UniqueIdentifier } from "@dnd-kit/core";
import { STATUSES, type Status } from "@/lib/backlog/schema";
import { centreOf, columnAt, neighbourColumnPoint, type ColumnBox } from "@/lib/phases/board-geometry";

/** The measured columns in status order (the board's reading order, side by side or stacked). */
function columnBoxes(rects: Map<UniqueIdentifier, ClientRect>, ids: ReadonlyArray<UniqueIdentifier>): ColumnBox<Status>[] {
  const boxes: ColumnBox<Status>[] = [];
  for (const status of STATUSES) {
    const rect = rects.get(status);
    if (rect && ids.includes(status)) boxes.push({ id: status, rect });
  }
  return boxes;
}

/**
 * Arrows jump the picked-up card to the neighbouring column in status order (right or down: the
 * next; left or up: the previous), so a keyboard user moves one column per key press whether the
 * columns stand side by side or are stacked on a phone, and however narrow a collapsed column is.
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  const step = event.code === "ArrowRight" || event.code === "ArrowDown" ? 1 : event.code === "ArrowLeft" || event.code === "ArrowUp" ? -1 : 0;
  if (step === 0) return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect) return undefined;
  const ids = droppableContainers.getEnabled().map((container) => container.id);
  const centre = centreOf(collisionRect);
  const target = neighbourColumnPoint(centre, columnBoxes(droppableRects, ids), step);
  if (!target) return undefined;
  return { x: currentCoordinates.x + (target.x - centre.x), y: currentCoordinates.y + (target.y - centre.y) };
};

/**
 * The column under the pointer (or, for the keyboard, under the card's centre) is the one a card
 * goes to: a 48 px collapsed column is as easy to hit as a wide one. Between columns it falls back
 * to the card's overlap, so crossing a gap does not flicker to "not over a column".
 */
export const columnCollision: CollisionDetection = (args) => {
  const point = args.pointerCoordinates ?? (args.collisionRect ? centreOf(args.collisionRect) : null);
  const ids = args.droppableContainers.map((container) => container.id);
  const status = point ? columnAt(point, columnBoxes(args.droppableRects, ids)) : null;
  const container = status ? args.droppableContainers.find((c) => c.id === status) : undefined;
  if (container) return [{ id: container.id, data: { droppableContainer: container, value: 1 } }];
  return rectIntersection(args);
};
