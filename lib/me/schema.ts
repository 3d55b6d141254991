import { z } from "zod";
import type { Priority, Status } from "@/lib/backlog/schema";
import { emptyToUndefined } from "@/lib/query-params";

export const myWorkQuerySchema = z.object({
  product: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
});

/** An open item on someone's list. `dueDate` is a calendar day, "YYYY-MM-DD". */
export type MyWorkItem = {
  key: string;
  title: string;
  priority: Priority | null;
  status: Status;
  dueDate: string | null;
  assignee: { name: string } | null;
  /** Assigned to the person whose work this is (the UI says "You"). */
  assignedToMe: boolean;
};

/** A comment that mentions the person, with enough of it to decide whether to open the item. */
export type MyMention = {
  id: string;
  item: { key: string; title: string };
  author: string;
  at: string;
  excerpt: string;
};

/** A section's rows (at most a page of them) and how many there are in all. */
export type MyWorkList<T> = { rows: T[]; total: number };

export type MyWork = {
  product: { slug: string; name: string };
  /** The day "overdue" was measured against (UTC), "YYYY-MM-DD". */
  today: string;
  assigned: MyWorkList<MyWorkItem>;
  watching: MyWorkList<MyWorkItem>;
  overdue: MyWorkList<MyWorkItem>;
  mentioned: MyWorkList<MyMention>;
};
