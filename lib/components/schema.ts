import { z } from "zod";
import type { Category, Priority, Status } from "@/lib/backlog/schema";
import type { ExceptionView } from "@/lib/exceptions/schema";
import type { PhaseWaitingOn } from "@/lib/phases/schema";
import type { Evidence, MatrixRow } from "@/lib/requirements/matrix";

// Red Hat's certification_status values (Pyxis), in workflow order, plus not_created.
export const CERTIFICATION_STATUSES = [
  "not_created",
  "started",
  "checklist_in_progress",
  "tests_in_progress",
  "in_progress",
  "ready_for_certification",
  "certification_completed",
  "waiting_for_container_image",
  "published",
  "unpublished",
] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];
export const CERTIFICATION_STATUS_LABELS: Record<CertificationStatus, string> = {
  not_created: "Not created",
  started: "Started",
  checklist_in_progress: "Checklist in progress",
  tests_in_progress: "Tests in progress",
  in_progress: "In progress",
  ready_for_certification: "Ready for certification",
  certification_completed: "Certification completed",
  waiting_for_container_image: "Waiting for container image",
  published: "Published",
  unpublished: "Unpublished",
};
export const HOST_ACCESS = ["unprivileged", "privileged"] as const;
export const OS_CONTENT_TYPES = ["ubi", "rhel", "scratch"] as const;

/** PATCH /api/v1/components/{slug}: the facts people maintain about a component. */
export const componentPatchSchema = z
  .strictObject({
    version: z.number().int().positive(),
    certificationStatus: z.enum(CERTIFICATION_STATUSES).optional(),
    hostAccess: z.enum(HOST_ACCESS).optional(),
    osContentType: z.enum(OS_CONTENT_TYPES).optional(),
    owner: z.string().trim().max(200, "owner: at most 200 characters").nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 1, { message: "Nothing to change: send at least one field besides version." });
export type ComponentPatch = z.infer<typeof componentPatchSchema>;

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
    version: number;
    policy: string;
    policyReason: string;
  };
  requirements: { rows: MatrixRow[]; counts: Record<Evidence, number> };
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
