import { z } from "zod";
import { CATEGORIES, categorySchema, prioritySchema, statusSchema } from "@/lib/backlog/schema";
import { exceptionViewSchema } from "@/lib/exceptions/schema";
import { phaseWaitingOnSchema } from "@/lib/phases/schema";
import { EVIDENCE } from "@/lib/requirements/matrix";
import { matrixRowSchema, remainingRequirementSchema } from "@/lib/readiness/schema";
import { signOffViewSchema } from "@/lib/requirements/schema";
import type { Category, Priority, Status } from "@/lib/backlog/schema";
import type { ExceptionView } from "@/lib/exceptions/schema";
import type { PhaseWaitingOn } from "@/lib/phases/schema";
import type { RemainingRequirement } from "@/lib/readiness/schema";
import type { Evidence, MatrixRow } from "@/lib/requirements/matrix";
import type { SignOffView } from "@/lib/requirements/schema";

// Wire shape of GET /api/v1/components/{slug}: the per-component board.

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

export type ComponentBoard = {
  product: string;
  component: {
    slug: string;
    name: string;
    type: string;
    role: string;
    registry: string | null;
    repository: string | null;
    placeholder: boolean;
    certificationStatus: string;
    hostAccess: string;
    osContentType: string;
    owner: string | null;
    connectProjectId: string | null;
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
  /** Every sign-off of this component, newest first (the matrix shows the one in force). */
  signOffHistory: (SignOffView & { code: string })[];
  exceptions: ExceptionView[];
  /** Phases gated on this component (e.g. bundle certification waiting for it to be published). */
  phasesWaiting: PhaseWaitingOn[];
  warnings: string[];
  openByCategory: Record<Category, number>;
  items: { key: string; title: string; category: Category; status: Status; priority: Priority | null; open: boolean }[];
  grid: { tags: string[]; architectures: string[]; cells: { tag: string; architecture: string; run: BoardRunView | null }[] };
  staleness: { architecture: string; daysSinceLastPass: number | null; lastRunAt: string }[];
  history: {
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
  }[];
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

export const componentBoardSchema = z
  .object({
    product: z.string(),
    component: z.object({
      slug: z.string(),
      name: z.string(),
      type: z.string(),
      role: z.string(),
      registry: z.string().nullable(),
      repository: z.string().nullable(),
      placeholder: z.boolean(),
      certificationStatus: z.string(),
      hostAccess: z.string(),
      osContentType: z.string(),
      owner: z.string().nullable(),
      connectProjectId: z.string().nullable(),
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
    exceptions: z.array(exceptionViewSchema),
    phasesWaiting: z.array(phaseWaitingOnSchema),
    warnings: z.array(z.string()),
    openByCategory: z.object(Object.fromEntries(CATEGORIES.map((c) => [c, z.int()])) as Record<Category, z.ZodInt>),
    items: z.array(z.object({ key: z.string(), title: z.string(), category: categorySchema, status: statusSchema, priority: prioritySchema.nullable(), open: z.boolean() })),
    grid: z.object({
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
    }),
    staleness: z.array(z.object({ architecture: z.string(), daysSinceLastPass: z.number().nullable(), lastRunAt: z.iso.datetime() })),
    history: z.array(
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
    ),
  })
  .meta({ id: "ComponentBoard" });
