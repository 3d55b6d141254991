"use client";

import { useState } from "react";
import { DueText } from "@/components/due-text";
import type { ItemChanges } from "@/lib/backlog/client";
import type { ItemDetail } from "@/lib/backlog/schema";

type Option = { value: string; label: string };
const controlClass = "mt-1 w-full rounded-md border border-line bg-white px-2 py-1.5 text-sm disabled:opacity-60";

/** Owner and due date, saved as soon as they change. */
export function ItemPlanFields({ item, people, today, onSave }: { item: ItemDetail; people: Option[]; today: string; onSave: (changes: ItemChanges) => void }) {
  return (
    <>
      <label className="block text-xs font-medium text-muted">
        Owner
        <select aria-label="Owner" className={controlClass} value={item.assignee?.id ?? ""} onChange={(e) => onSave({ assignee: e.target.value || null })}>
          <option value="">Unassigned</option>
          {/* An owner who can no longer be chosen (deactivated) still shows as the current value. */}
          {item.assignee && !people.some((p) => p.value === item.assignee!.id) && <option value={item.assignee.id}>{item.assignee.name}</option>}
          {people.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
        </select>
      </label>
      <DueDateField key={item.dueDate ?? ""} item={item} today={today} onSave={(dueDate) => onSave({ dueDate })} />
    </>
  );
}

/** Saved when focus leaves or on Enter: typing a year digit by digit would otherwise save 0002, 0020, 0202… */
function DueDateField({ item, today, onSave }: { item: ItemDetail; today: string; onSave: (dueDate: string | null) => void }) {
  const [value, setValue] = useState(item.dueDate ?? "");
  const commit = () => {
    const next = value || null;
    if (next !== item.dueDate) onSave(next);
  };
  return (
    <label className="block text-xs font-medium text-muted">
      Due date
      <input
        aria-label="Due date"
        type="date"
        className={controlClass}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          }
        }}
      />
      {item.dueDate && <span className="mt-1 block text-xs font-normal"><DueText item={item} today={today} /></span>}
    </label>
  );
}
