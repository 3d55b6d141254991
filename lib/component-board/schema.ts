import { z } from "zod";
import { CATEGORIES, categorySchema, prioritySchema, productQuerySchema, statusSchema } from "@/lib/backlog/schema";
import { componentSummarySchema, type ComponentSummary } from "@/lib/components/schema";
import { exceptionViewSchema } from "@/lib/exceptions/schema";
import { phaseWaitingOnSchema } from "@/lib/phases/schema";
import { EVIDENCE } from "@/lib/requirements/matrix";
import { matrixRowSchema, remainingRequirementSchema } from "@/lib/readiness/schema";
import { signOffViewSchema } from "@/lib/requirements/schema";
import { emptyToUndefined } from "@/lib/query-params";
import { redHatViewSchema, type RedHatView } from "@/lib/pyxis/schema";
import type { Category, Priority, Status } from "@/lib/backlog/schema";
import type { ExceptionView } from "@/lib/exceptions/schema";
import type { PhaseWaitingOn } from "@/lib/phases/schema";
import type { RemainingRequirement } from "@/lib/readiness/schema";
import type { Evidence, MatrixRow } from "@/lib/requirements/matrix";
import type { SignOffView } from "@/lib/requirements/schema";

// Wire shape of GET /api/v1/components/{slug}: the per-component board. The run grid and the run
// history grow with every build, so both are paged (newest first, keyset cursors); everything else
// is bounded by the catalog, the architectures or the backlog.

/** Tags per grid page by default, and the most one page may ask for. */
export const TAG_PAGE = 25;
export const MAX_TAG_PAGE = 100;
/** Runs per history page by default, and the most one page may ask for. */
export const RUN_PAGE = 50;
export const MAX_RUN_PAGE = 100;
/** Sign-offs of the history shown (the matrix shows the one in force for every requirement). */
export const SIGN_OFF_HISTORY = 50;

const limit = (what: string, fallback: number, max: number) =>
  z
    .preprocess(emptyToUndefined, z.coerce.number(`${what} must be a whole number`).int(`${what} must be a whole number`).min(1).max(max).default(fallback))
    .meta({ description: `How many ${what === "limit" ? "tags" : "runs"} one page holds (default ${fallback}, at most ${max}).` });
const cursor = (param: string, key: z.ZodType, description: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .max(1000)
      .transform((text, ctx) => {
        const decoded = key.safeParse(decodeCursor(text));
        if (decoded.success) return decoded.data as [string, string];
        ctx.addIssue({ code: "custom", message: `${param} must be the nextCursor of a previous answer` });
        return z.NEVER;
      })
      .optional(),
  ).meta({ description });

const gridPaging = {
  tags: cursor("tags", z.tuple([z.iso.datetime(), z.string().min(1).max(500)]), "`grid.nextCursor` of a previous answer: the grid's next page, the tags older than its last one."),
  limit: limit("limit", TAG_PAGE, MAX_TAG_PAGE),
};
const historyPaging = {
  runs: cursor("runs", z.tuple([z.iso.datetime(), z.uuid()]), "`historyPage.nextCursor` of a previous answer: the history's next page, the runs older than its last one."),
  runsLimit: limit("runsLimit", RUN_PAGE, MAX_RUN_PAGE),
};

/** GET /api/v1/components/{slug} (and the page): which grid and history pages to answer. */
export const boardQuerySchema = productQuerySchema.extend({ ...gridPaging, ...historyPaging });
export type BoardQuery = z.infer<typeof boardQuerySchema>;
export type BoardPaging = Omit<BoardQuery, "product">;

/** GET /api/v1/components/{slug}/grid: one page of the grid alone ("Show older tags"). */
export const gridQuerySchema = productQuerySchema.extend(gridPaging);
/** GET /api/v1/components/{slug}/history: one page of the run history alone ("Show more runs"). */
export const historyQuerySchema = productQuerySchema.extend(historyPaging);

/** A page position as the answer gives it: opaque to callers (base64url of the last row's sort key). */
export function encodeCursor(at: Date | string, key: string): string {
  const json = JSON.stringify([typeof at === "string" ? at : at.toISOString(), key]);
  return btoa(String.fromCharCode(...new TextEncoder().encode(json))).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function decodeCursor(text: string): unknown {
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))) as unknown;
  } catch {
    return null;
  }
}

export type BoardRunView = {
  id: string;
  imageTag: string | null;
  imageDigest: string | null;
  architecture: string;
  passed: boolean;
  counts: { passed: number; failed: number; errors: number };
  preflightVersion: string;
  createdAt: string;
};

/** Where the next page starts: pass `nextCursor` back as the page's parameter; null on the last page. */
export type PageInfo = { nextCursor: string | null; hasMore: boolean };

export type BoardGrid = PageInfo & {
  /** This page's tags, newest first (first seen: the tag's record or its first run). */
  tags: string[];
  /** Every architecture the component ran on (the same on every page). */
  architectures: string[];
  cells: { tag: string; architecture: string; run: BoardRunView | null }[];
  /** How many tags the component has in all. */
  total: number;
};

export type BoardHistoryRun = {
  id: string;
  tag: string | null;
  architecture: string;
  passed: boolean;
  counts: { passed: number; failed: number; errors: number };
  preflightVersion: string;
  policy: string | null;
  actor: string;
  createdAt: string;
  diff: { newlyFailed?: string[]; newlyPassed?: string[]; newlyErrored?: string[] } | null;
};

export type ComponentBoard = {
  product: string;
  component: Omit<ComponentSummary, "imageRef" | "tags"> & {
    /** Partner Connect's page of the certification project, when its id is known. */
    connectProjectUrl: string | null;
    /** Architectures every release is checked on: set by a person, or learned from the runs. */
    architectures: string[];
    architecturesSetBy: string | null;
    /** For a bundle: the images it references as kept on the bundle (empty: its phases' gates stand in). */
    references: { slug: string; name: string }[];
    version: number;
    policy: string;
    policyReason: string;
  };
  /** The blocking requirements not yet settled ("what remains before we are listed"). */
  remaining: RemainingRequirement[];
  requirements: { rows: MatrixRow[]; counts: Record<Evidence, number> };
  /** The newest sign-offs of this component (at most SIGN_OFF_HISTORY), newest first (the matrix shows the one in force). */
  signOffHistory: (SignOffView & { code: string })[];
  /** How many sign-offs the component has in all. */
  signOffCount: number;
  exceptions: ExceptionView[];
  /** Phases gated on this component (e.g. bundle certification waiting for it to be published). */
  phasesWaiting: PhaseWaitingOn[];
  /** Red Hat's catalog, as the last sync read it (syncedAt null: never synced). */
  redHat: RedHatView;
  warnings: string[];
  openByCategory: Record<Category, number>;
  items: { key: string; title: string; category: Category; status: Status; priority: Priority | null; open: boolean }[];
  /** One page of tags × architectures, newest tags first (`?tags=` the previous page's nextCursor). */
  grid: BoardGrid;
  staleness: { architecture: string; daysSinceLastPass: number | null; lastRunAt: string }[];
  /** One page of runs, newest first (`?runs=` the previous page's historyPage.nextCursor). */
  history: BoardHistoryRun[];
  historyPage: PageInfo;
};

/** One row of the /components index: what the component is and how its newest runs went. */
export type ComponentIndexRow = {
  slug: string;
  name: string;
  type: string;
  /** registry/repository, or null while the image is to be decided. */
  image: string | null;
  certificationStatus: string;
  openItems: number;
  /** The newest run of each architecture, by architecture. */
  latest: { architecture: string; runId: string; passed: boolean; failed: number; errors: number; createdAt: string }[];
};

// ---- Response schema (the OpenAPI document; lib/openapi) ------------------------------------

const runCountsSchema = z.object({ passed: z.int(), failed: z.int(), errors: z.int() });
const pageInfoSchema = z.object({
  nextCursor: z.string().nullable().meta({ description: "Pass back as the page's parameter for the next (older) page; null on the last page." }),
  hasMore: z.boolean(),
});

const boardGridSchema = z.object({
  tags: z.array(z.string()),
  architectures: z.array(z.string()),
  cells: z.array(
    z.object({
      tag: z.string(),
      architecture: z.string(),
      run: z
        .object({
          id: z.string(),
          imageTag: z.string().nullable(),
          imageDigest: z.string().nullable(),
          architecture: z.string(),
          passed: z.boolean(),
          counts: runCountsSchema,
          preflightVersion: z.string(),
          createdAt: z.iso.datetime(),
        })
        .nullable(),
    }),
  ),
  total: z.int(),
  ...pageInfoSchema.shape,
});

const boardHistorySchema = z.array(
  z.object({
    id: z.string(),
    tag: z.string().nullable(),
    architecture: z.string(),
    passed: z.boolean(),
    counts: runCountsSchema,
    preflightVersion: z.string(),
    policy: z.string().nullable(),
    actor: z.string(),
    createdAt: z.iso.datetime(),
    diff: z.object({ newlyFailed: z.array(z.string()).optional(), newlyPassed: z.array(z.string()).optional(), newlyErrored: z.array(z.string()).optional() }).nullable(),
  }),
);

/** GET /api/v1/components/{slug}/grid. */
export const boardGridPageSchema = z.object({ product: z.string(), grid: boardGridSchema }).meta({ id: "ComponentBoardGridPage" });
/** GET /api/v1/components/{slug}/history. */
export const boardHistoryPageSchema = z.object({ product: z.string(), history: boardHistorySchema, historyPage: pageInfoSchema }).meta({ id: "ComponentBoardHistoryPage" });

export const componentBoardSchema = z
  .object({
    product: z.string(),
    component: componentSummarySchema.omit({ imageRef: true, tags: true }).extend({
      connectProjectUrl: z.string().nullable(),
      architectures: z.array(z.string()),
      architecturesSetBy: z.string().nullable(),
      references: z.array(z.object({ slug: z.string(), name: z.string() })),
      version: z.int(),
      policy: z.string(),
      policyReason: z.string(),
    }),
    remaining: z.array(remainingRequirementSchema),
    requirements: z.object({
      rows: z.array(matrixRowSchema),
      counts: z.object(Object.fromEntries(EVIDENCE.map((e) => [e, z.int()])) as Record<Evidence, z.ZodInt>),
    }),
    signOffHistory: z.array(signOffViewSchema.extend({ code: z.string() })),
    signOffCount: z.int(),
    exceptions: z.array(exceptionViewSchema),
    phasesWaiting: z.array(phaseWaitingOnSchema),
    redHat: redHatViewSchema,
    warnings: z.array(z.string()),
    openByCategory: z.object(Object.fromEntries(CATEGORIES.map((c) => [c, z.int()])) as Record<Category, z.ZodInt>),
    items: z.array(z.object({ key: z.string(), title: z.string(), category: categorySchema, status: statusSchema, priority: prioritySchema.nullable(), open: z.boolean() })),
    grid: boardGridSchema,
    staleness: z.array(z.object({ architecture: z.string(), daysSinceLastPass: z.number().nullable(), lastRunAt: z.iso.datetime() })),
    history: boardHistorySchema,
    historyPage: pageInfoSchema,
  })
  .meta({ id: "ComponentBoard" });
