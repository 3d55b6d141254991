"use client";

import { useDroppable } from "@dnd-kit/core";
import Link from "next/link";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/item-badges";
import { STATUSES, STATUS_LABELS, type Status } from "@/lib/backlog/schema";

// Seven columns fit a 1280 px window because empty ones collapse to a 48 px strip with the status
// written down its side; below lg the columns stack and an empty one is a one-line strip.
const base = "flex flex-col rounded-lg border bg-canvas p-2";
const openClass = "lg:min-w-0 lg:flex-1 lg:basis-0";
const collapsedClass = "lg:w-12 lg:shrink-0 lg:items-center lg:px-1";

type ColumnProps = { status: Status; count: number; children: ReactNode };

function ColumnTitle({ status, count, collapsed }: { status: Status; count: number; collapsed: boolean }) {
  return (
    <h3
      id={`phase-column-title-${status}`}
      className={`flex items-center justify-between gap-2 px-1 ${collapsed ? "lg:flex-col lg:justify-start lg:px-0" : "mb-2"}`}
    >
      <span className={collapsed ? "lg:[writing-mode:vertical-rl]" : ""}>
        <StatusBadge status={status} />
      </span>
      <span className="text-xs text-muted">
        {count}
        <span className="sr-only"> {count === 1 ? "item" : "items"}</span>
      </span>
    </h3>
  );
}

function ColumnItems({ status, count, over, children }: ColumnProps & { over: boolean }) {
  if (count > 0) {
    return (
      <ul className="flex flex-1 flex-col gap-2" aria-labelledby={`phase-column-title-${status}`}>
        {children}
      </ul>
    );
  }
  return (
    <p className={`flex-1 rounded-md border border-dashed p-3 text-center text-xs ${over ? "border-blue-400 text-blue-800" : "border-line text-muted"}`}>
      {over ? `Drop in ${STATUS_LABELS[status]}` : "No items"}
    </p>
  );
}

/** A column of the viewers' board; an empty one collapses. */
export function PhaseBoardColumn({ status, count, children }: ColumnProps) {
  const collapsed = count === 0;
  return (
    <section data-testid={`phase-column-${status}`} data-collapsed={collapsed} aria-labelledby={`phase-column-title-${status}`} className={`${base} border-line ${collapsed ? collapsedClass : openClass}`}>
      <ColumnTitle status={status} count={count} collapsed={collapsed} />
      {!collapsed && <ColumnItems status={status} count={count} over={false}>{children}</ColumnItems>}
    </section>
  );
}

/**
 * A column a card can be dropped on: it lights up while a card is over it, and an empty, collapsed
 * one opens then. Any column's change of size re-measures them all, since the others move with it.
 */
export function PhaseBoardDropColumn({ status, count, children, newItemHref }: ColumnProps & { newItemHref?: string }) {
  const { setNodeRef, isOver } = useDroppable({ id: status, resizeObserverConfig: { updateMeasurementsFor: [...STATUSES] } });
  const collapsed = count === 0 && !isOver;
  return (
    <section
      ref={setNodeRef}
      data-testid={`phase-column-${status}`}
      data-collapsed={collapsed}
      aria-labelledby={`phase-column-title-${status}`}
      className={`${base} ${collapsed ? collapsedClass : openClass} ${isOver ? "border-blue-500 ring-2 ring-blue-300" : "border-line"}`}
    >
      <ColumnTitle status={status} count={count} collapsed={collapsed} />
      {!collapsed && <ColumnItems status={status} count={count} over={isOver}>{children}</ColumnItems>}
      {newItemHref && (
        <Link
          href={newItemHref}
          aria-label={`New item in ${STATUS_LABELS[status]}`}
          title={`New item in ${STATUS_LABELS[status]}`}
          className={`mt-2 rounded-md px-2 py-1 text-center text-xs font-medium text-blue-700 hover:bg-white hover:underline ${collapsed ? "lg:mt-auto lg:px-1" : ""}`}
        >
          <span aria-hidden>+</span>
          <span aria-hidden className={collapsed ? "lg:hidden" : ""}> New item</span>
        </Link>
      )}
    </section>
  );
}
