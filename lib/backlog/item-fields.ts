import type { Action, Category, ParsedItem, PhaseTask, Priority, Status } from "@/lib/backlog/schema";

/**
 * The item fields an import writes and a person may edit. Comparing snapshots of these is how a
 * re-import tells "the document changed" from "a person changed it since the last import".
 */
export type ItemFields = {
  title: string;
  category: Category;
  priority: Priority | null;
  status: Status;
  latestResult: string | null;
  statusNote: string | null;
  effortText: string | null;
  source: string | null;
  fileRefs: string[];
  description: string;
  actions: Action[];
  checkNames: string[];
  phase: string | null;
  components: string[];
};

export type FieldName = keyof ItemFields;

export const ITEM_FIELD_NAMES: FieldName[] = [
  "title",
  "category",
  "priority",
  "status",
  "latestResult",
  "statusNote",
  "effortText",
  "source",
  "fileRefs",
  "description",
  "actions",
  "checkNames",
  "phase",
  "components",
];

export function fieldsFromParsed(item: ParsedItem, phase: string | null, components: string[]): ItemFields {
  return {
    title: item.title,
    category: item.category,
    priority: item.priority,
    status: item.status,
    latestResult: item.latestResult,
    statusNote: item.statusNote,
    effortText: item.effortText,
    source: item.source,
    fileRefs: item.fileRefs,
    description: item.description,
    actions: item.actions.map(({ text, done }) => ({ text, done })),
    checkNames: item.checkNames,
    phase,
    components: [...components].sort(),
  };
}

/** Value equality for field values, independent of object key order (jsonb does not keep it). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export type FieldChange = { field: FieldName; oldValue: unknown; newValue: unknown };

/** Fields whose values differ between two snapshots, in a stable order. */
export function changedFields(before: ItemFields, after: Partial<ItemFields>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of ITEM_FIELD_NAMES) {
    if (!(field in after)) continue;
    const newValue = after[field];
    if (!sameValue(before[field], newValue)) changes.push({ field, oldValue: before[field], newValue });
  }
  return changes;
}

/** The shape of a stored item with its links, as read by data.ts and mutations.ts. */
export type StoredItem = Omit<ItemFields, "actions" | "phase" | "components"> & {
  actions: unknown;
  phase: { key: string } | null;
  components: { component: { slug: string } }[];
};

export function fieldsFromStored(row: StoredItem): ItemFields {
  return {
    title: row.title,
    category: row.category,
    priority: row.priority,
    status: row.status,
    latestResult: row.latestResult,
    statusNote: row.statusNote,
    effortText: row.effortText,
    source: row.source,
    fileRefs: row.fileRefs,
    description: row.description,
    actions: readActions(row.actions),
    checkNames: row.checkNames,
    phase: row.phase?.key ?? null,
    components: row.components.map((link) => link.component.slug).sort(),
  };
}

/** Actions are stored as JSON; anything malformed is dropped rather than trusted. */
export function readActions(value: unknown): Action[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (entry && typeof entry === "object" && typeof entry.text === "string") {
      return [{ text: entry.text, done: entry.done === true }];
    }
    return [];
  });
}

/** Phase tasks are stored as JSON; anything malformed is dropped rather than trusted. */
export function readTasks(value: unknown): PhaseTask[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((t) =>
    t && typeof t === "object" && typeof t.title === "string"
      ? [
          {
            title: t.title,
            estimateText: typeof t.estimateText === "string" ? t.estimateText : null,
            details: Array.isArray(t.details) ? t.details.filter((d: unknown): d is string => typeof d === "string") : [],
            done: t.done === true,
          },
        ]
      : [],
  );
}
