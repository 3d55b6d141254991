import { z } from "zod";
import { statusSchema, type Category, type Priority, type Status } from "@/lib/backlog/schema";
import { emptyToUndefined } from "@/lib/query-params";

// The overview's URL, the event feed's query and the wire shapes they return (safe in the browser).

export const EVENT_KINDS = ["status", "failure", "regression", "verification", "import", "certification"] as const;
export const eventKindSchema = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof eventKindSchema>;

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  status: "Status change",
  failure: "New failure",
  regression: "Regression",
  verification: "Verification",
  import: "Import",
  certification: "Certification status",
};

/** Red Hat certification statuses that count as certified on the overview. */
export const CERTIFIED_STATUSES = ["certification_completed", "published"] as const;
export const isCertified = (status: string) => (CERTIFIED_STATUSES as readonly string[]).includes(status);

/** "What changed" looks back this far unless `since` says otherwise. */
export const EVENT_WINDOW_DAYS = 7;
export const DEFAULT_EVENT_LIMIT = 100;
/** Events the overview shows until someone asks for all of the week's (`changes=all`) or filters. */
export const OVERVIEW_EVENT_LIMIT = 8;
/** Open critical blockers the overview lists; the rest are a link to the item list away. */
export const OVERVIEW_BLOCKERS = 8;
/** Components "what remains" lists on the overview until someone asks for all (`readiness=all`). */
export const OVERVIEW_READINESS = 8;
/** Component tiles the overview shows; the component index lists them all. */
export const OVERVIEW_TILES = 12;
export const MAX_EVENT_LIMIT = 500;

const slug = z.preprocess(emptyToUndefined, z.string().max(100).optional());

// A date (2025-01-31) or a date-time with a zone (2025-01-31T09:00:00Z, …+02:00).
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** Well-formed and on the calendar: Date.parse alone reads 2025-02-30 as 2 March. */
function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) return false;
  const [year, month, day] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const sinceSchema = z
  .string()
  .refine(isIsoDate, {
    message: "must be an ISO 8601 date or date-time with a time zone, e.g. 2025-01-31 or 2025-01-31T09:00:00Z",
  })
  .transform((value) => new Date(value));

/** `kind=failure,regression`: one kind or several, comma-separated. */
const kindsSchema = z.preprocess(
  (value) => (typeof value === "string" && value !== "" ? value.split(",").map((k) => k.trim()) : undefined),
  z.array(eventKindSchema).max(EVENT_KINDS.length).optional(),
);

/** GET /api/v1/events. */
export const eventQuerySchema = z.object({
  product: slug,
  component: slug,
  kind: kindsSchema,
  since: z.preprocess(emptyToUndefined, sinceSchema.optional()),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(MAX_EVENT_LIMIT).default(DEFAULT_EVENT_LIMIT)),
});
export type EventQuery = z.infer<typeof eventQuerySchema>;

/** The overview page's URL: the product and the "what changed" filters. */
export const overviewQuerySchema = z.object({
  product: slug,
  component: slug,
  kind: z.preprocess(emptyToUndefined, eventKindSchema.optional()),
  /** `all`: every change of the week, not only the newest few. */
  changes: z.preprocess(emptyToUndefined, z.enum(["all"]).optional()),
  /** `all`: every component's remaining work, not only the first few. */
  readiness: z.preprocess(emptyToUndefined, z.enum(["all"]).optional()),
});
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

/** GET /api/v1/report: markdown is the only format for now. */
export const reportQuerySchema = z.object({
  product: slug,
  format: z.preprocess(
    emptyToUndefined,
    z.enum(["md"], { message: 'the only report format is "md" (markdown)' }).default("md"),
  ),
});

// ---- Wire shapes ----------------------------------------------------------------------------

export type FeedEvent = {
  /** Stable per source row: `item:<event id>`, `run:<run id>:<kind>`, `import:<id>`, `component:<event id>`. */
  id: string;
  kind: EventKind;
  at: string;
  actor: string;
  summary: string;
  item: { key: string; title: string } | null;
  run: { id: string; architecture: string } | null;
  components: string[];
  checks: string[];
  from: Status | null;
  to: Status | null;
  href: string;
};

export type EventFeed = {
  product: string | null;
  since: string;
  events: FeedEvent[];
  /** More events matched than `limit` allowed. */
  truncated: boolean;
};

export type ComponentTile = {
  slug: string;
  name: string;
  type: string;
  placeholder: boolean;
  certificationStatus: string;
  certified: boolean;
  /** A Red Hat image (e.g. OpenShift's scheduler): certified by Red Hat, not counted as the vendor's. */
  redHat: boolean;
  /** The preflight policy in force (the privileged declaration, an approved scratch exception) and why. */
  policy: string;
  policyReason: string;
  openBlockers: number;
  openItems: number;
  lastRun: { id: string; at: string; passed: boolean; architecture: string } | null;
};

/** One day of the burndown: open critical blockers (`open`) and all open items (`items`, what the forecast projects). */
export type BurndownPoint = { date: string; open: number; items: number };
export type WeekRuns = { weekStart: string; passed: number; failed: number };
export type CategoryStatusRow = { category: Category } & Record<Status, number>;

/** An open critical blocker as the overview lists it: who owns it, since when, on which components. */
export type OverviewBlocker = {
  key: string;
  title: string;
  /** The assignee's name; null when nobody is assigned. */
  owner: string | null;
  createdAt: string;
  components: { slug: string; name: string }[];
};

export type OverviewData = {
  product: string;
  components: { certified: number; total: number };
  burndown: BurndownPoint[];
  categoryStatus: CategoryStatusRow[];
  runsPerWeek: WeekRuns[];
  tiles: ComponentTile[];
  /** The first open critical blockers (OVERVIEW_BLOCKERS), in the item list's order. */
  blockers: OverviewBlocker[];
};

export type ReportBlocker = { key: string; title: string; status: Status; priority: Priority | null; components: string[] };

export const eventFeedSchema = z
  .object({
    product: z.string().nullable(),
    since: z.iso.datetime(),
    events: z.array(
      z.object({
        id: z.string(),
        kind: eventKindSchema,
        at: z.iso.datetime(),
        actor: z.string(),
        summary: z.string(),
        item: z.object({ key: z.string(), title: z.string() }).nullable(),
        run: z.object({ id: z.string(), architecture: z.string() }).nullable(),
        components: z.array(z.string()),
        checks: z.array(z.string()),
        from: statusSchema.nullable(),
        to: statusSchema.nullable(),
        href: z.string(),
      }),
    ),
    truncated: z.boolean(),
  })
  .meta({ id: "EventFeed" });
