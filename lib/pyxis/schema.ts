import { z } from "zod";

// Red Hat's catalog API (Pyxis): what an admin enters to connect, and the parts of its answers that
// Certboard reads. Answers are parsed with z.object, so unknown fields are dropped: nothing we do not
// read (such as container.docker_config_json, a registry secret) ever reaches a snapshot.
// Field names are Pyxis's own (docs/certification-domain.md §6).

export const PYXIS_DEFAULT_URL = "https://catalog.redhat.com/api/containers";

/** §3.3: the values of CertificationProject.certification_status. */
export const CERTIFICATION_STATUSES = [
  "Started",
  "Certification Checklist In Progress",
  "Certification Tests In Progress",
  "In Progress",
  "Ready For Certification",
  "Certification Completed",
  "Waiting for Container Image",
  "Published",
  "Unpublished",
] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];

const pyxisUrlSchema = z
  .string({ error: "enter the catalog's URL" })
  .trim()
  .min(1, "enter the catalog's URL")
  .max(2000, "at most 2000 characters")
  .refine((value) => URL.canParse(value), "not a valid URL")
  .refine((value) => !URL.canParse(value) || ["http:", "https:"].includes(new URL(value).protocol), "must start with http:// or https://")
  // Paths are appended to it, and the key travels in a header, never in the URL.
  .refine((value) => !URL.canParse(value) || (!/[?#]/.test(value) && !new URL(value).username && !new URL(value).password), "only the base address: no ?, # or user name")
  .transform((value) => value.replace(/\/+$/, ""));

/** What an admin enters to connect a product to Pyxis. */
export const pyxisConnectionInputSchema = z.strictObject({
  url: pyxisUrlSchema,
  apiKey: z.string({ error: "enter the API key" }).trim().min(1, "enter the API key").max(4096, "at most 4096 characters"),
});
export type PyxisConnectionInput = z.infer<typeof pyxisConnectionInputSchema>;

/** Pyxis project ids are MongoDB ObjectIds: 24 hexadecimal digits. */
export const pyxisProjectIdSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{24}$/i, "a certification project id is 24 hexadecimal digits, as in the project's URL in Red Hat Partner Connect")
  .transform((value) => value.toLowerCase());

// Pyxis sends null as often as it leaves a field out; both read as "absent".
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined);
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish().transform((value) => value ?? []);

export const pyxisProjectSchema = z.object({
  _id: z.string(),
  name: optional(z.string()),
  certification_status: z.enum(CERTIFICATION_STATUSES),
  project_status: optional(z.string()),
  container: optional(
    z.object({
      privileged: optional(z.boolean()),
      os_content_type: optional(z.string()),
      registry: optional(z.string()),
      repository: optional(z.string()),
    }),
  ),
});
export type PyxisProject = z.infer<typeof pyxisProjectSchema>;

export const freshnessGradeSchema = z.object({
  grade: z.string(),
  start_date: z.string(),
  end_date: z.string().nullish(),
});
export type FreshnessGrade = z.infer<typeof freshnessGradeSchema>;

export const pyxisImageSchema = z.object({
  _id: z.string(),
  docker_image_digest: optional(z.string()),
  architecture: z.string(),
  certified: optional(z.boolean()),
  deleted: optional(z.boolean()),
  repositories: list(
    z.object({
      registry: optional(z.string()),
      repository: optional(z.string()),
      published: optional(z.boolean()),
      push_date: optional(z.string()),
      tags: list(z.object({ name: z.string(), added_date: optional(z.string()) })),
      manifest_list_digest: optional(z.string()),
    }),
  ),
  freshness_grades: list(freshnessGradeSchema),
});
export type PyxisImage = z.infer<typeof pyxisImageSchema>;

const checkListSchema = optional(z.array(z.object({ name: z.string() })));

export const pyxisTestResultSchema = z.object({
  _id: optional(z.string()),
  image_id: optional(z.string()),
  version: optional(z.string()),
  passed: z.boolean(),
  certification_hash: optional(z.string()),
  creation_date: optional(z.string()),
  test_library: optional(z.object({ name: optional(z.string()), version: optional(z.string()), commit: optional(z.string()) })),
  results: optional(z.object({ passed: checkListSchema, failed: checkListSchema, errors: checkListSchema, warning: checkListSchema })),
});
export type PyxisTestResult = z.infer<typeof pyxisTestResultSchema>;

/** One page of a Pyxis list; pages count from 0. */
export function pyxisPageSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), page: z.number().int(), page_size: z.number().int(), total: z.number().int() });
}

/** Everything one project's sync reads from Pyxis, at one moment. */
export const pyxisSnapshotSchema = z.object({
  projectId: z.string(),
  fetchedAt: z.iso.datetime(),
  project: pyxisProjectSchema,
  images: z.array(pyxisImageSchema),
  testResults: z.array(pyxisTestResultSchema),
});
export type PyxisSnapshot = z.infer<typeof pyxisSnapshotSchema>;

export const PYXIS_EXPORT_FORMAT = "certboard-pyxis-export/1";

/** A product's snapshots in a file, to replay without network access. Never holds the API key. */
export const pyxisExportSchema = z.object({
  format: z.literal(PYXIS_EXPORT_FORMAT),
  product: z.string(),
  url: z.string(),
  exportedAt: z.string(),
  projects: z.array(pyxisSnapshotSchema),
});
export type PyxisExport = z.infer<typeof pyxisExportSchema>;

// ---- Views (answers of the API, props of the pages) ------------------------------------------

export const syncViewSchema = z
  .object({
    id: z.string(),
    trigger: z.enum(["schedule", "person", "cli", "file"]),
    actor: z.string(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    outcome: z.enum(["running", "ok", "partial", "failed"]).meta({ description: "ok: every component synced; partial: some failed (the rest were applied); failed: none could be." }),
    changes: z.array(z.object({ component: z.string(), field: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
    failures: z.array(z.object({ component: z.string(), projectId: z.string().nullable(), message: z.string() })),
  })
  .meta({ id: "PyxisSync", description: "One sync with Red Hat's catalog: when, who or what started it, what it changed, what failed." });
export type SyncView = z.infer<typeof syncViewSchema>;

export const connectionViewSchema = z
  .object({
    product: z.string(),
    connected: z.boolean(),
    url: z.string().nullable(),
    updatedBy: z.string().nullable(),
    updatedAt: z.iso.datetime().nullable(),
    lastSync: syncViewSchema.nullable(),
  })
  .meta({ id: "PyxisConnection", description: "A product's connection to Red Hat's catalog. The API key is never answered." });
export type ConnectionView = z.infer<typeof connectionViewSchema>;

export const connectionTestSchema = z.object({ ok: z.boolean(), message: z.string() }).meta({ id: "PyxisConnectionTest" });

export const redHatViewSchema = z
  .object({
    syncedAt: z.iso.datetime().nullable(),
    projectId: z.string().nullable(),
    certificationStatus: z.string().nullable().meta({ description: "Pyxis' certification_status as Red Hat gave it, e.g. \"In Progress\"." }),
    projectStatus: z.string().nullable(),
    privileged: z.boolean().nullable(),
    osContentType: z.string().nullable(),
    registry: z.string().nullable(),
    repository: z.string().nullable(),
    images: z.array(
      z.object({
        digest: z.string(),
        architecture: z.string(),
        tags: z.array(z.string()),
        certified: z.boolean().nullable(),
        published: z.boolean().nullable(),
        grade: z.string().nullable().meta({ description: "The health grade in force (A–F)." }),
        gradeSince: z.iso.datetime().nullable(),
        gradeUntil: z.iso.datetime().nullable(),
        seenInRun: z.boolean().meta({ description: "Whether a run uploaded here checked this image (Red Hat lists images no run has seen too)." }),
      }),
    ),
    conflicts: z.array(z.object({ id: z.string(), field: z.string(), personValue: z.string(), setBy: z.string(), redHatValue: z.string(), at: z.iso.datetime() })),
    history: z
      .array(z.object({ at: z.iso.datetime(), actor: z.string(), field: z.string(), from: z.string().nullable(), to: z.string().nullable(), note: z.string().nullable() }))
      .meta({ description: "The component's newest 20 changes of its facts, by people and by Red Hat's catalog (actor \"Red Hat\"), newest first." }),
  })
  .meta({ id: "RedHatView", description: "What Red Hat's catalog (Pyxis) says of the component, as the last sync stored it." });
export type RedHatView = z.infer<typeof redHatViewSchema>;
