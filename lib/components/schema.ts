import { z } from "zod";

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
/** A certification status in words, for any string a row or an event holds (an unknown one as it is, spaced). */
export function certificationStatusText(status: string): string {
  return CERTIFICATION_STATUS_LABELS[status as CertificationStatus] ?? status.replaceAll("_", " ");
}
/** The facts component history records, in words (history, conflicts). */
export const COMPONENT_FIELD_LABELS: Record<string, string> = {
  certificationStatus: "Certification status",
  hostAccess: "Host access",
  osContentType: "Base image",
  owner: "Owner",
  connectProjectId: "Partner Connect project",
};
export const HOST_ACCESS = ["unprivileged", "privileged"] as const;
export const OS_CONTENT_TYPES = ["ubi", "rhel", "scratch", "non_ubi", "unknown"] as const;
export const OS_CONTENT_LABELS: Record<(typeof OS_CONTENT_TYPES)[number], string> = {
  ubi: "UBI",
  rhel: "RHEL",
  scratch: "Scratch",
  non_ubi: "Other, not UBI",
  unknown: "Not known yet",
};
/** The architectures preflight processes (a manifest list's other entries are skipped). */
export const ARCHITECTURES = ["amd64", "arm64", "ppc64le", "s390x"] as const;

/** Partner Connect's page of a certification project (the id is Pyxis' 24-hex _id). */
export const connectProjectUrl = (id: string) => `https://connect.redhat.com/component/view/${id}`;
/** A Partner Connect project id as people type it (stored lower-case). */
export const CONNECT_PROJECT_ID = /^[0-9a-f]{24}$/i;

/** PATCH /api/v1/components/{slug}: the facts people maintain about a component. */
export const componentPatchSchema = z
  .strictObject({
    version: z.number().int().positive(),
    certificationStatus: z.enum(CERTIFICATION_STATUSES).optional(),
    hostAccess: z.enum(HOST_ACCESS).optional(),
    osContentType: z.enum(OS_CONTENT_TYPES).optional(),
    owner: z.string().trim().max(200, "owner: at most 200 characters").nullable().optional(),
    connectProjectId: z
      .string()
      .trim()
      .toLowerCase()
      .regex(CONNECT_PROJECT_ID, "Partner Connect's project id is 24 hexadecimal characters, e.g. 695da2556e8a9da931220fda (legacy ospid-… ids are not accepted)")
      .nullable()
      .optional(),
    /** Every architecture a release must be checked on; null or [] goes back to learning them from runs. */
    architectures: z
      .array(z.enum(ARCHITECTURES, { error: `each one of ${ARCHITECTURES.join(", ")}` }))
      .max(ARCHITECTURES.length)
      .refine((list) => new Set(list).size === list.length, "each architecture once")
      .nullable()
      .optional(),
    /** An operator bundle's referenced images, by component slug (OPB-01 waits for each to be published). */
    references: z.array(z.string().min(1).max(100)).max(100).nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 1, { message: "Nothing to change: send at least one field besides version." });
export type ComponentPatch = z.infer<typeof componentPatchSchema>;


/** What kind of component it is, in words. */
export const COMPONENT_TYPE_LABELS: Record<string, string> = {
  container: "Container image",
  operator_bundle: "Operator bundle",
  helm_chart: "Helm chart",
};

/** GET /api/v1/components: one row per component; the board's `component` is this row without its image ref and tags. */
export const componentSummarySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    type: z.string(),
    role: z.string(),
    registry: z.string().nullable(),
    repository: z.string().nullable(),
    imageRef: z.string().nullable(),
    placeholder: z.boolean(),
    certificationStatus: z.string(),
    hostAccess: z.string(),
    osContentType: z.string(),
    connectProjectId: z.string().nullable(),
    owner: z.string().nullable(),
    tags: z.array(z.string()),
  })
  .meta({ id: "ComponentSummary" });
export type ComponentSummary = z.infer<typeof componentSummarySchema>;
