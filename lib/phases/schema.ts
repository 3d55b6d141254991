import { z } from "zod";
import { itemSummarySchema, phaseTaskSchema, prioritySchema, STATUSES, statusSchema, type ItemSummary, type PhaseTask, type Status } from "@/lib/backlog/schema";
import type { CriticalPathEntry } from "@/lib/phases/critical-path";
import type { PhaseGate, WaitingOn } from "@/lib/phases/gating";
import type { PhaseProgressNumbers } from "@/lib/phases/progress";
import { isoDaySchema } from "@/lib/calendar/days";

// Wire types of the phase reads and the phase PATCH body (safe to import in the browser).

export type PhaseHeader = {
  key: string;
  order: number;
  name: string;
  estimateText: string | null;
  deliverable: string | null;
  tasks: PhaseTask[];
  version: number;
  /** ISO time someone marked the phase complete, and who; null while open. */
  completedAt: string | null;
  completedBy: string | null;
  /** The day (YYYY-MM-DD) the phase should be done by; null when none is set. */
  targetDate: string | null;
};

export type PhaseRef = { key: string; order: number; name: string };

/** What a phase waits for: prerequisite phases and gated components, each with its state. */
export type PhaseDependencies = {
  phases: (PhaseRef & { completed: boolean })[];
  components: { slug: string; name: string; role: string; type: string; certificationStatus: string; satisfied: boolean }[];
};

/** The gate's counts and verdict; what is missing is in `blockedBy`. */
export type PhaseGateSummary = Omit<PhaseGate, "waitingOn">;

export type PhasePlan = {
  dependencies: PhaseDependencies;
  /** Phases that wait on this one. */
  dependents: PhaseRef[];
  /** The open prerequisite phases and the gated components not yet certified and published. */
  blockedBy: WaitingOn;
  gate: PhaseGateSummary;
};

export type PhaseBoard = PhasePlan & {
  product: string;
  phase: PhaseHeader;
  /** Every status is present; items ordered by priority, then document position. */
  columns: Record<Status, ItemSummary[]>;
  progress: PhaseProgressNumbers;
  /** This phase's items that hold other phases up, and the items that hold this phase up. */
  criticalPath: CriticalPathEntry[];
};

export type PhaseBoardSummary = Omit<PhaseHeader, "tasks"> & PhasePlan & { progress: PhaseProgressNumbers };

export type PhaseBoardList = { product: string | null; phases: PhaseBoardSummary[]; criticalPath: CriticalPathEntry[] };

/** A phase gated on one component (the component board's "phases waiting on this"). */
export type PhaseWaitingOn = PhaseRef & {
  completed: boolean;
  /** The component's own standing in this phase's gate. */
  component: { slug: string; certificationStatus: string; satisfied: boolean };
  blockedBy: WaitingOn;
  gate: PhaseGateSummary;
};

const keyList = z
  .array(z.string().trim().min(1).max(100))
  .max(100)
  .transform((keys) => [...new Set(keys)]);

/** PATCH /api/v1/phases/{key}: complete or reopen, replace the dependencies, and/or set the target date. */
export const phasePatchSchema = z
  .object({
    version: z.number().int().positive(),
    completed: z.boolean().optional(),
    /** The day the phase should be done by ("YYYY-MM-DD"); null clears it. */
    targetDate: isoDaySchema.nullable().optional(),
    /** Keys of the phases this one waits for (replaces the current list). */
    dependsOn: keyList.optional(),
    /** Slugs of the components that must be certified and published first (replaces the current list). */
    gates: keyList.optional(),
  })
  .strict()
  .refine((patch) => patch.completed !== undefined || patch.dependsOn !== undefined || patch.gates !== undefined || patch.targetDate !== undefined, {
    message: "Nothing to change: send completed, dependsOn, gates or targetDate besides version.",
  });
export type PhasePatch = z.infer<typeof phasePatchSchema>;

export function phaseBoardUrl(key: string, product?: string | null): string {
  return `/phases/${encodeURIComponent(key)}${product ? `?product=${encodeURIComponent(product)}` : ""}`;
}

// ---- Response schemas (the OpenAPI document; lib/openapi) ----------------------------------

const phaseRefSchema = z.object({ key: z.string(), order: z.int(), name: z.string() });

export const waitingOnSchema = z.object({
  phases: z.array(phaseRefSchema),
  components: z.array(z.object({ slug: z.string(), name: z.string(), certificationStatus: z.string() })),
});

export const phaseGateSummarySchema = z
  .object({
    satisfied: z.int(),
    total: z.int(),
    images: z.object({ waiting: z.int(), total: z.int() }),
    phases: z.object({ waiting: z.int(), total: z.int() }),
    canComplete: z.boolean(),
    reason: z.string().nullable(),
  })
  .meta({ id: "PhaseGate" });

const phasePlanShape = {
  dependencies: z.object({
    phases: z.array(phaseRefSchema.extend({ completed: z.boolean() })),
    components: z.array(
      z.object({ slug: z.string(), name: z.string(), role: z.string(), type: z.string(), certificationStatus: z.string(), satisfied: z.boolean() }),
    ),
  }),
  dependents: z.array(phaseRefSchema),
  blockedBy: waitingOnSchema,
  gate: phaseGateSummarySchema,
};

const phaseProgressSchema = z.object({
  total: z.int(),
  done: z.int(),
  byCount: z.number(),
  effort: z.object({
    doneMinHours: z.number(),
    doneMaxHours: z.number(),
    totalMinHours: z.number(),
    totalMaxHours: z.number(),
    remainingMinHours: z.number(),
    remainingMaxHours: z.number(),
    unestimated: z.int(),
  }),
});

export const criticalPathEntrySchema = z
  .object({
    key: z.string(),
    title: z.string(),
    status: statusSchema,
    priority: prioritySchema.nullable(),
    phase: z.string().nullable(),
    viaComponents: z.array(z.object({ slug: z.string(), name: z.string() })),
    blocks: z.object({
      items: z.int(),
      effort: z.object({ minHours: z.number(), maxHours: z.number(), unestimated: z.int() }),
      phases: z.array(phaseRefSchema),
    }),
  })
  .meta({ id: "CriticalPathEntry" });

const phaseHeaderShape = {
  key: z.string(),
  order: z.int(),
  name: z.string(),
  estimateText: z.string().nullable(),
  deliverable: z.string().nullable(),
  version: z.int(),
  completedAt: z.iso.datetime().nullable(),
  completedBy: z.string().nullable(),
  targetDate: z.string().nullable().meta({ description: "YYYY-MM-DD, or null." }),
};

export const phaseBoardListSchema = z
  .object({
    product: z.string().nullable(),
    phases: z.array(z.object({ ...phaseHeaderShape, ...phasePlanShape, progress: phaseProgressSchema })),
    criticalPath: z.array(criticalPathEntrySchema),
  })
  .meta({ id: "PhaseBoardList" });

export const phaseBoardSchema = z
  .object({
    ...phasePlanShape,
    product: z.string(),
    phase: z.object({ ...phaseHeaderShape, tasks: z.array(phaseTaskSchema) }),
    columns: z.object(Object.fromEntries(STATUSES.map((s) => [s, z.array(itemSummarySchema)])) as Record<Status, z.ZodArray<typeof itemSummarySchema>>),
    progress: phaseProgressSchema,
    criticalPath: z.array(criticalPathEntrySchema),
  })
  .meta({ id: "PhaseBoard" });

export const phaseWaitingOnSchema = phaseRefSchema.extend({
  completed: z.boolean(),
  component: z.object({ slug: z.string(), certificationStatus: z.string(), satisfied: z.boolean() }),
  blockedBy: waitingOnSchema,
  gate: phaseGateSummarySchema,
});
