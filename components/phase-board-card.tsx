"use client";

import { useDraggable } from "@dnd-kit/core";
import Link from "next/link";
import { CategoryBadge, PriorityBadge } from "@/components/item-badges";
import { itemUrl } from "@/lib/backlog/urls";
import { componentUrl } from "@/lib/overview/urls";
import { DUE_TONE_CLASSES, dueState } from "@/lib/backlog/due";
import { formatHours } from "@/lib/backlog/effort";
import type { ItemSummary } from "@/lib/backlog/schema";

export function PhaseBoardCardBody({ item, product }: { item: ItemSummary; product: string }) {
  return (
    <div className="min-w-0 flex-1">
      <Link href={itemUrl(item.key, product)} className="block text-sm hover:underline">
        <span className="font-mono text-xs font-semibold text-muted">{item.key}</span> <span className="font-medium">{item.title}</span>
      </Link>
      <div className="mt-2 flex flex-wrap items-center gap-1">
        <PriorityBadge priority={item.priority} />
        <CategoryBadge category={item.category} />
        <span className="text-xs text-muted">
          {item.effortMaxHours !== null ? formatHours(item.effortMinHours ?? item.effortMaxHours, item.effortMaxHours) : "No estimate"}
        </span>
      </div>
      {item.components.length > 0 && (
        <p className="mt-1 flex flex-wrap gap-x-2 text-xs">
          {item.components.map((c) => (
            <Link key={c.slug} href={componentUrl(c.slug, product)} className="text-blue-700 hover:underline">{c.name}</Link>
          ))}
        </p>
      )}
      {(item.assignee || item.dueDate) && (
        <p className="mt-1 text-xs text-muted">
          {item.assignee && <span>{item.assignee.name}</span>}
          {item.assignee && item.dueDate && " · "}
          {item.dueDate && <CardDue dueDate={item.dueDate} status={item.status} />}
        </p>
      )}
    </div>
  );
}

/** The due date in words and colour ("2 days overdue"), by the browser's clock on the UTC calendar like the list. */
function CardDue({ dueDate, status }: { dueDate: string; status: ItemSummary["status"] }) {
  const due = dueState(dueDate, status, new Date());
  // The server and the browser may straddle midnight UTC: the browser's words win.
  return <span suppressHydrationWarning className={DUE_TONE_CLASSES[due.tone]}>{due.text}</span>;
}

const cardClass = "flex gap-2 rounded-md border border-line bg-white p-2 shadow-sm";

/** A card a viewer reads; nothing to drag. */
export function PhaseBoardCard({ item, product }: { item: ItemSummary; product: string }) {
  return (
    <li data-testid={`phase-card-${item.key}`} className={cardClass}>
      <PhaseBoardCardBody item={item} product={product} />
    </li>
  );
}

/**
 * A card an editor can move. The whole card takes the mouse: a press that travels 5 px (the board's
 * PointerSensor) starts a drag, a click still follows the card's link. The keyboard starts from the
 * handle (Space), the activator node, so Enter on the link still opens the item. On touch screens a
 * swipe on the card scrolls the page (`touch-action: manipulation`) and the handle drags
 * (`touch-action: none`), as dnd-kit advises for pointer sensors.
 */
export function PhaseBoardDraggableCard({ item, product, saving }: { item: ItemSummary; product: string; saving: boolean }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: item.key, data: { item }, disabled: saving });
  return (
    <li
      ref={setNodeRef}
      {...listeners}
      data-testid={`phase-card-${item.key}`}
      aria-busy={saving}
      className={`${cardClass} touch-manipulation ${saving ? "cursor-wait opacity-70" : "cursor-grab"} ${isDragging ? "opacity-40" : ""}`}
    >
      <button
        ref={setActivatorNodeRef}
        type="button"
        {...attributes}
        aria-label={`Move ${item.key}`}
        data-testid={`phase-card-handle-${item.key}`}
        className="-my-1 -ml-1 cursor-grab touch-none self-start rounded px-1 py-1 text-muted hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:cursor-wait"
      >
        <span aria-hidden>⋮⋮</span>
      </button>
      <PhaseBoardCardBody item={item} product={product} />
    </li>
  );
}

/** What follows the pointer (or the keyboard) while a card is dragged. */
export function PhaseBoardCardOverlay({ item, product }: { item: ItemSummary; product: string }) {
  return (
    <div data-testid="phase-card-overlay" className={`${cardClass} cursor-grabbing select-none shadow-lg ring-2 ring-blue-500`}>
      <span aria-hidden className="px-1 text-muted">⋮⋮</span>
      <PhaseBoardCardBody item={item} product={product} />
    </div>
  );
}
