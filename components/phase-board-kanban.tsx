"use client";

import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { useState } from "react";
import { PhaseBoardCard, PhaseBoardCardOverlay, PhaseBoardDraggableCard } from "@/components/phase-board-card";
import { PhaseBoardColumn, PhaseBoardDropColumn } from "@/components/phase-board-column";
import { newItemUrl } from "@/lib/backlog/urls";
import { columnCollision, columnKeyboardCoordinates } from "@/components/phase-board-keyboard";
import { STATUSES, STATUS_LABELS, statusSchema, type ItemSummary, type Status } from "@/lib/backlog/schema";

type Columns = Record<Status, ItemSummary[]>;

const label = (id: UniqueIdentifier | undefined) => {
  const status = statusSchema.safeParse(id);
  return status.success ? STATUS_LABELS[status.data] : "no column";
};

const draggedItem = (active: { data: { current?: unknown } }) => (active.data.current as { item?: ItemSummary } | undefined)?.item;

/**
 * Screen-reader announcements. The card's own column is announced only after it has left it, so
 * the pick-up message (with the instructions) is not drowned by "over Not started" at once.
 */
function makeAnnouncements(leftStart: { current: boolean }): Announcements {
  return {
    onDragStart: ({ active }) => {
      leftStart.current = false;
      const from = draggedItem(active)?.status;
      return `Picked up ${active.id}${from ? ` from ${STATUS_LABELS[from]}` : ""}. Use the arrow keys to move it between columns, Space to drop it, Escape to cancel.`;
    },
    onDragOver: ({ active, over }) => {
      if (!over) return `${active.id} is not over a column.`;
      if (over.id === draggedItem(active)?.status) {
        if (!leftStart.current) return undefined;
        return `${active.id} is back over ${label(over.id)}, where it started.`;
      }
      leftStart.current = true;
      return `${active.id} is over ${label(over.id)}.`;
    },
    onDragEnd: ({ active, over }) => {
      if (!over) return `${active.id} dropped outside the board; it stays where it was.`;
      if (over.id === draggedItem(active)?.status) return `${active.id} dropped back in ${label(over.id)}; nothing changed.`;
      return `${active.id} dropped in ${label(over.id)}.`;
    },
    onDragCancel: ({ active }) => `Moving ${active.id} was cancelled; it stays where it was.`,
  };
}

const screenReaderInstructions = {
  draggable: "To move this item to another status, press Space on its handle to pick it up, the arrow keys to choose a column, then Space to drop it or Escape to cancel.",
};

/** Side by side from lg (every column within a 1280 px window), stacked below. */
const boardClass = "flex flex-col gap-2 lg:flex-row";

/** The read-only board viewers see. */
export function PhaseBoardStatic({ columns, product }: { columns: Columns; product: string }) {
  return (
    <div className={boardClass}>
      {STATUSES.map((status) => (
        <PhaseBoardColumn key={status} status={status} count={columns[status].length}>
          {columns[status].map((item) => (
            <PhaseBoardCard key={item.key} item={item} product={product} />
          ))}
        </PhaseBoardColumn>
      ))}
    </div>
  );
}

/** The board editors see: cards move between status columns with the mouse or the keyboard. */
export function PhaseBoardEditable({
  columns,
  product,
  phaseKey,
  pending,
  onMove,
}: {
  columns: Columns;
  product: string;
  phaseKey: string;
  pending: Set<string>;
  onMove: (item: ItemSummary, to: Status) => void;
}) {
  const [active, setActive] = useState<ItemSummary | null>(null);
  // One set per board: it remembers, between callbacks of one drag, whether the card left its column.
  const [announcements] = useState(() => makeAnnouncements({ current: false }));
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );

  const onDragStart = ({ active: dragged }: DragStartEvent) => {
    setActive(draggedItem(dragged) ?? null);
  };
  const onDragEnd = ({ active: dragged, over }: DragEndEvent) => {
    setActive(null);
    const item = draggedItem(dragged);
    const to = statusSchema.safeParse(over?.id);
    if (item && to.success && to.data !== item.status) onMove(item, to.data);
  };

  return (
    <DndContext
      id="phase-board"
      sensors={sensors}
      collisionDetection={columnCollision}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActive(null)}
      accessibility={{ announcements, screenReaderInstructions }}
    >
      {/* No text selection while a card is dragged across the board. */}
      <div className={`${boardClass} ${active ? "select-none" : ""}`}>
        {STATUSES.map((status) => (
          <PhaseBoardDropColumn key={status} status={status} count={columns[status].length} newItemHref={newItemUrl(product, { phase: phaseKey, status })}>
            {columns[status].map((item) => (
              <PhaseBoardDraggableCard key={item.key} item={item} product={product} saving={pending.has(item.key)} />
            ))}
          </PhaseBoardDropColumn>
        ))}
      </div>
      {/* No drop animation: a refetch right after a drop must not leave a second overlay behind. */}
      <DragOverlay dropAnimation={null}>{active ? <PhaseBoardCardOverlay item={active} product={product} /> : null}</DragOverlay>
    </DndContext>
  );
}
