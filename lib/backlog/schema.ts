import { z } from "zod";
import { isoDaySchema } from "@/lib/calendar/days";
import { EFFORT_FORMS, parseEffort } from "./effort";
import { emptyToUndefined } from "@/lib/query-params";

// Wire values shared by the API, the UI, the importer and the exporter.
export const CATEGORIES = ["critical_blocker", "needs_verification", "not_required", "compliant"] as const;
export const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;
export const STATUSES = [
  "not_started",
  "in_progress",
  "blocked",
  "needs_justification",
  "in_review",
  "done",
  "wont_do",
] as const;
export const CLOSED_STATUSES = ["done", "wont_do"] as const;

export const categorySchema = z.enum(CATEGORIES);
export const prioritySchema = z.enum(PRIORITIES);
export const statusSchema = z.enum(STATUSES);

export type Category = z.infer<typeof categorySchema>;
export type Priority = z.infer<typeof prioritySchema>;
export type Status = z.infer<typeof statusSchema>;

export const CATEGORY_LABELS: Record<Category, string> = {
  critical_blocker: "Critical blocker",
  needs_verification: "Needs verification",
  not_required: "Not required",
  compliant: "Compliant",
};

export const STATUS_LABELS: Record<Status, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  blocked: "Blocked",
  needs_justification: "Needs justification",
  in_review: "In review",
  done: "Done",
  wont_do: "Won't do",
};

export function isOpenStatus(status: Status): boolean {
  return !(CLOSED_STATUSES as readonly string[]).includes(status);
}

export const actionSchema = z.object({
  text: z.string().trim().min(1).max(4000),
  done: z.boolean(),
});
export type Action = z.infer<typeof actionSchema>;

export const phaseTaskSchema = z.object({
  title: z.string().min(1),
  estimateText: z.string().nullable(),
  details: z.array(z.string()),
  done: z.boolean(),
});
export type PhaseTask = z.infer<typeof phaseTaskSchema>;

/** One backlog item as read from (or written to) the markdown document. */
export type ParsedItem = {
  key: string; // "P0-1", or a generated "C-1" for keyless compliant items
  title: string;
  category: Category;
  priority: Priority | null;
  status: Status;
  /** The status line's text after the status words, e.g. "Published image missing labels and /licenses". */
  statusNote: string | null;
  /** The evidence's latest result when the status line names one: "failed" (FAILED maps to not_started) or "passed". */
  latestResult: string | null;
  source: string | null;
  fileRefs: string[];
  effortText: string | null;
  effortMinHours: number | null;
  effortMaxHours: number | null;
  /** Markdown: every body block that is not one of the fields above or the action list. */
  description: string;
  actions: Action[];
  /** Image references exactly as written (`registry/repository:tag`), plus placeholders such as "Node metrics image (TBD)". */
  imageRefs: string[];
  /** Role phrases in the heading that name a component ("Node Metrics", "EKS Scheduler"). */
  componentHints: string[];
  /** Images the document ties to the item outside its own text: its plan step's image, or the image its Dockerfile builds. */
  impliedRefs: string[];
  /** Preflight check names the item mentions (e.g. HasLicense), or, for compliant items, states in words. */
  checkNames: string[];
};

export type ParsedPhase = {
  key: string; // "phase-1"
  order: number;
  name: string;
  estimateText: string | null;
  deliverable: string | null;
  tasks: PhaseTask[];
  /** Item keys named on the phase's "Blockers:" line. */
  itemKeys: string[];
};

export type ParsedSummaryRow = {
  category: Category;
  label: string;
  count: number | null;
  effortText: string | null;
};

export type ParsedBacklog = {
  title: string;
  items: ParsedItem[];
  phases: ParsedPhase[];
  summary: ParsedSummaryRow[];
  /** Problems found while reading (e.g. duplicate items merged); summary disagreements are added by the importer. */
  warnings: string[];
};

// ---- Doors: query and patch schemas --------------------------------------------------------

export const ITEM_SORTS = ["key", "title", "category", "priority", "status", "effort", "due", "updated"] as const;
export const itemSortSchema = z.enum(ITEM_SORTS);
export type ItemSort = z.infer<typeof itemSortSchema>;

/** Filters for the item list, shared by the API query string and the /items page URL. */
export const itemFilterSchema = z.object({
  product: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
  category: z.preprocess(emptyToUndefined, categorySchema.optional()),
  status: z.preprocess(emptyToUndefined, statusSchema.optional()),
  priority: z.preprocess(emptyToUndefined, z.union([prioritySchema, z.literal("none")]).optional()),
  phase: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
  component: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
  /** "me" (the signed-in person), "none" (unassigned), or a person's email. */
  assignee: z.preprocess(emptyToUndefined, z.string().trim().toLowerCase().max(254).optional()),
  /** Open items whose due date has passed. */
  overdue: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).transform((v) => v === "true").optional()),
  sort: z.preprocess(emptyToUndefined, itemSortSchema.default("key")),
  dir: z.preprocess(emptyToUndefined, z.enum(["asc", "desc"]).default("asc")),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(500).default(100)),
  offset: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(1_000_000).default(0)),
});
export type ItemFilter = z.infer<typeof itemFilterSchema>;

const slugList = z
  .array(z.string().trim().min(1).max(100))
  .max(100)
  .transform((values) => [...new Set(values)]);

/** The fields a person may set when creating or editing an item (besides the patch's version). */
const itemFields = z.object({
  title: z.string().trim().min(1).max(300),
  category: categorySchema,
  priority: prioritySchema.nullable(),
  status: statusSchema,
  phase: z.string().trim().min(1).max(100).nullable(),
  // Empty clears the estimate; anything else must read as one, or remaining effort would silently drop it.
  effortText: z
    .string()
    .trim()
    .max(100)
    .refine((text) => text === "" || parseEffort(text) !== null, { message: `Effort must be ${EFFORT_FORMS}.` })
    .nullable(),
  source: z.string().trim().max(1000).nullable(),
  description: z.string().max(100_000),
  actions: z.array(actionSchema).max(200),
  fileRefs: z.array(z.string().trim().min(1).max(500)).max(100).transform((values) => [...new Set(values)]),
  /** Component slugs (replaces the linked set). */
  components: slugList,
  /** Requirement catalog codes such as CTR-10 (replaces the set). */
  requirements: slugList.transform((codes) => [...new Set(codes.map((code) => code.toUpperCase()))]),
  /** A person by id or email; null leaves the item unassigned. */
  assignee: z.string().trim().min(1).max(254).nullable(),
  dueDate: isoDaySchema.nullable(),
});

/** The fields a person may change on an item; unknown fields are refused. */
export const itemPatchSchema = itemFields
  .partial()
  .extend({ version: z.number().int().positive() })
  .strict();
export type ItemPatch = z.infer<typeof itemPatchSchema>;

/** POST /api/v1/items: a new item; without `key` the product's next "T-n". */
export const itemCreateSchema = itemFields
  .partial()
  .extend({
    key: z
      .string()
      .trim()
      .max(40)
      .regex(/^[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*$/, "key must be letters and digits in dash-separated parts, e.g. P1-7 or T-12")
      // /items/new and /api/v1/items/bulk are pages and doors of their own.
      .refine((key) => !["new", "bulk"].includes(key.toLowerCase()), "key: new and bulk are reserved words")
      .optional(),
    title: itemFields.shape.title,
    category: itemFields.shape.category,
  })
  .strict();
export type ItemCreate = z.infer<typeof itemCreateSchema>;

/** The fields a bulk change may set on every selected item at once. */
export const BULK_FIELDS = ["status", "assignee", "phase", "priority", "dueDate"] as const;

/** POST /api/v1/items/bulk: all or nothing; each item names the version the person saw. */
export const itemBulkSchema = z
  .object({
    items: z
      .array(z.object({ key: z.string().trim().min(1).max(100), version: z.number().int().positive() }).strict())
      .min(1, "items: select at least one item")
      .max(500)
      .refine((items) => new Set(items.map((i) => i.key)).size === items.length, "items: name each key once"),
    set: itemFields
      .pick({ status: true, assignee: true, phase: true, priority: true, dueDate: true })
      .partial()
      .strict()
      .refine((set) => Object.values(set).some((value) => value !== undefined), `set: name at least one of ${BULK_FIELDS.join(", ")}`),
  })
  .strict();
export type ItemBulk = z.infer<typeof itemBulkSchema>;

export const productQuerySchema = z.object({
  product: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
});

/** POST /api/v1/backlog/import: `dryRun=true` previews the report and writes nothing. */
export const importQuerySchema = productQuerySchema.extend({
  dryRun: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).transform((v) => v === "true").default(false)),
});

/** The export takes the item list's filters and sort (not its paging): "Export CSV" on /items gives every row the filters match. */
export const exportQuerySchema = itemFilterSchema.omit({ limit: true, offset: true }).extend({
  format: z.preprocess(emptyToUndefined, z.enum(["md", "csv"]).default("md")),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;
/** The filters and sort of an item list, without product and paging. */
export type ItemListFilter = Omit<ItemFilter, "product" | "limit" | "offset">;

// ---- Wire types of the read API (safe to import in the browser) ----------------------------

export type ItemSummary = {
  key: string;
  title: string;
  category: Category;
  priority: Priority | null;
  status: Status;
  version: number;
  effortText: string | null;
  effortMinHours: number | null;
  effortMaxHours: number | null;
  phase: { key: string; name: string } | null;
  components: { slug: string; name: string }[];
  assignee: PersonRef | null;
  /** "YYYY-MM-DD", or null. */
  dueDate: string | null;
  updatedAt: string;
};

export type PersonRef = { id: string; name: string; email: string };

export type ItemEventView = {
  id: string;
  actor: string;
  at: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  note: string | null;
  /** The preflight run behind a change an upload made. */
  runId: string | null;
  /** The run behind a change made by an upload (null for people, imports, and deleted runs). */
  run: { id: string; component: string | null; tag: string | null; architecture: string } | null;
};

export type ItemDetail = ItemSummary & {
  product: string;
  latestResult: string | null;
  statusNote: string | null;
  source: string | null;
  fileRefs: string[];
  description: string;
  actions: Action[];
  checkNames: string[];
  requirements: string[];
  watchers: PersonRef[];
  createdAt: string;
  history: ItemEventView[];
};

// ---- Response schemas of the item and backlog doors (the OpenAPI document; lib/openapi) ------

export const personRefSchema = z.object({ id: z.string(), name: z.string(), email: z.string() }).meta({ id: "PersonRef" });

export const itemSummarySchema = z
  .object({
    key: z.string(),
    title: z.string(),
    category: categorySchema,
    priority: prioritySchema.nullable(),
    status: statusSchema,
    version: z.int(),
    effortText: z.string().nullable(),
    effortMinHours: z.number().nullable(),
    effortMaxHours: z.number().nullable(),
    phase: z.object({ key: z.string(), name: z.string() }).nullable(),
    components: z.array(z.object({ slug: z.string(), name: z.string() })),
    assignee: personRefSchema.nullable(),
    dueDate: z.string().nullable().meta({ description: "YYYY-MM-DD, or null." }),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "ItemSummary" });

export const itemDetailSchema = itemSummarySchema
  .extend({
    product: z.string(),
    latestResult: z.string().nullable(),
    statusNote: z.string().nullable(),
    source: z.string().nullable(),
    fileRefs: z.array(z.string()),
    description: z.string(),
    actions: z.array(actionSchema),
    checkNames: z.array(z.string()),
    requirements: z.array(z.string()),
    watchers: z.array(personRefSchema),
    createdAt: z.iso.datetime(),
    history: z.array(
      z.object({
        id: z.string(),
        actor: z.string(),
        at: z.iso.datetime(),
        field: z.string(),
        oldValue: z.unknown(),
        newValue: z.unknown(),
        note: z.string().nullable(),
        runId: z.string().nullable(),
        run: z.object({ id: z.string(), component: z.string().nullable(), tag: z.string().nullable(), architecture: z.string() }).nullable(),
      }),
    ),
  })
  .meta({ id: "ItemDetail" });

export const itemListSchema = z.object({ items: z.array(itemSummarySchema), total: z.int() });

export const itemBulkResultSchema = z.object({
  items: z.array(z.object({ key: z.string(), version: z.int(), changed: z.array(z.string()).meta({ description: "The fields that changed." }) })),
});

export const watchResultSchema = z.object({ watching: z.boolean(), watchers: z.array(personRefSchema) });

const categoryCountsSchema = z.object({ total: z.int(), open: z.int(), done: z.int() });

export const backlogSummarySchema = z
  .object({
    product: z.string().nullable(),
    categories: z.object(Object.fromEntries(CATEGORIES.map((c) => [c, categoryCountsSchema])) as Record<Category, typeof categoryCountsSchema>),
    statuses: z.object(Object.fromEntries(STATUSES.map((s) => [s, z.int()])) as Record<Status, z.ZodInt>),
    remainingEffort: z.object({ minHours: z.number(), maxHours: z.number(), unestimated: z.int() }),
    phases: z.array(
      z.object({
        key: z.string(),
        order: z.int(),
        name: z.string(),
        estimateText: z.string().nullable(),
        deliverable: z.string().nullable(),
        tasks: z.array(phaseTaskSchema),
        total: z.int(),
        done: z.int(),
        progress: z.number(),
      }),
    ),
  })
  .meta({ id: "BacklogSummary" });

export const importResultSchema = z
  .object({
    product: z.string(),
    created: z.int(),
    updated: z.int(),
    unchanged: z.int(),
    items: z.int(),
    byCategory: z.object(Object.fromEntries(CATEGORIES.map((c) => [c, z.int()])) as Record<Category, z.ZodInt>),
    phases: z.int(),
    components: z.int(),
    warnings: z.array(z.string()),
    conflicts: z.array(z.object({ item: z.string(), field: z.string(), current: z.unknown(), incoming: z.unknown() })),
  })
  .meta({ id: "ImportResult" });
