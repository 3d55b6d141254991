import type { KeyboardCoordinateGetter } from "@dnd-kit/core";

/**
 * Left and right arrows jump the picked-up card to the centre of the neighbouring column, so a
 * keyboard user moves one column per key press instead of nudging pixels; up and down do nothing.
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  if (event.code !== "ArrowRight" && event.code !== "ArrowLeft") return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect) return undefined;
  const centre = collisionRect.left + collisionRect.width / 2;
  const rects = droppableContainers
    .getEnabled()
    .map((container) => droppableRects.get(container.id))
    .filter((rect) => rect !== undefined)
    .map((rect) => rect.left + rect.width / 2)
    .sort((a, b) => a - b);
  const target = event.code === "ArrowRight" ? rects.find((x) => x > centre + 1) : rects.filter((x) => x < centre - 1).at(-1);
  if (target === undefined) return undefined;
  return { x: currentCoordinates.x + (target - centre), y: currentCoordinates.y };
};
