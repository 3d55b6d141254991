"use client";

import { useDroppable } from "@dnd-kit/core";
import Link from "next/link";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/item-badges";
import type { Status } from "@/lib/backlog/schema";

const columnClass = "flex w-64 shrink-0 flex-col rounded-lg border bg-canvas p-2";

function ColumnBody({ status, count, children }: { status: Status; count: number; children: ReactNode }) {
  return (
    <>
      <h3 className="mb-2 flex items-center justify-between gap-2 px-1" id={`phase-column-title-${status}`}>
        <StatusBadge status={status} />
        <span className="text-xs text-muted">{count}</span>
      </h3>
      {count === 0 ? (
        <p className="flex-1 rounded-md border border-dashed border-line p-3 text-center text-xs text-muted">No items</p>
      ) : (
        <ul className="flex flex-1 flex-col gap-2" aria-labelledby={`phase-column-title-${status}`}>
          {children}
        </ul>
      )}
    </>
  );
}

export function PhaseBoardColumn({ status, count, children }: { status: Status; count: number; children: ReactNode }) {
  return (
    <section data-testid={`phase-column-${status}`} className={`${columnClass} border-line`}>
      <ColumnBody status={status} count={count}>{children}</ColumnBody>
    </section>
  );
}

/** A column a card can be dropped on; it lights up while a card is over it. */
export function PhaseBoardDropColumn({ status, count, children, newItemHref }: { status: Status; count: number; children: ReactNode; newItemHref?: string }) {
  const { setNodeRef, isOver } = useDroppable({ id: status });
  return (
    <section ref={setNodeRef} data-testid={`phase-column-${status}`} className={`${columnClass} ${isOver ? "border-blue-500 ring-2 ring-blue-300" : "border-line"}`}>
      <ColumnBody status={status} count={count}>{children}</ColumnBody>
      {newItemHref && (
        <Link href={newItemHref} className="mt-2 rounded-md px-2 py-1 text-center text-xs font-medium text-blue-700 hover:bg-white hover:underline">
          + New item
        </Link>
      )}
    </section>
  );
}
