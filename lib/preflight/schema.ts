import { z } from "zod";

// The parsed, database-free shape of preflight artifacts, shared by the ingester's doors (API,
// CLI, UI). Texts from the files are untrusted: render them as text, never as HTML.

export const POLICIES = ["container", "root", "scratch-nonroot", "scratch-root", "operator"] as const;
export const RUN_KINDS = ["container", "operator"] as const;
export const CHECK_OUTCOMES = ["passed", "failed", "errored", "warned"] as const;
/** The architectures preflight processes from a manifest list. */
export { ARCHITECTURES as SUPPORTED_ARCHITECTURES } from "@/lib/components/schema";

export const policySchema = z.enum(POLICIES);
export const runKindSchema = z.enum(RUN_KINDS);
export const checkOutcomeSchema = z.enum(CHECK_OUTCOMES);

export type Policy = z.infer<typeof policySchema>;
export type RunKind = z.infer<typeof runKindSchema>;
export type CheckOutcome = z.infer<typeof checkOutcomeSchema>;

/** A check's outcome, and an item's latest preflight result, in words. */
export const CHECK_OUTCOME_LABELS: Record<CheckOutcome, string> = { passed: "Passed", failed: "Failed", errored: "Errored", warned: "Warning" };

const text = z.string().nullable();
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().nonnegative();

export const runImageSchema = z.object({
  raw: z.string(),
  normalized: z.string(),
  registry: z.string(),
  repository: z.string(),
  tag: text,
  digest: text,
});

export const parsedCheckSchema = z.object({
  /** As written in the file. */
  name: z.string().min(1),
  /** Today's name for the check (old names mapped); key on this, never on texts. */
  canonicalName: z.string().min(1),
  outcome: checkOutcomeSchema,
  elapsedMs: count.nullable(),
  description: text,
  help: text,
  suggestion: text,
  knowledgebaseUrl: text,
  checkUrl: text,
  /** False for names we have never seen (newer preflight): kept as-is, never an error. */
  known: z.boolean(),
  /** Known but no longer produced by current preflight (e.g. Scorecard checks, removed in 1.20). */
  removed: z.boolean(),
});

export const parsedRunSchema = z.object({
  /** Position of the document in the upload (several for captured multi-arch stdout). */
  documentIndex: count,
  /** Null when the file names no image or the string is not a valid reference. */
  image: runImageSchema.nullable(),
  /** The image string exactly as in the file, even when it could not be parsed. */
  imageRaw: text,
  passed: z.boolean(),
  certificationHash: text,
  preflight: z.object({
    version: z.string(),
    reportedVersion: text,
    commit: text,
    devBuild: z.boolean(),
  }),
  policy: policySchema.nullable(),
  kind: runKindSchema,
  architecture: text,
  /** cert-image.json is authoritative; an artifacts/<arch>/ path can be wrong before 1.18. */
  architectureSource: z.enum(["cert-image", "path"]).nullable(),
  /** Manifest digest of the tested image, known only from cert-image.json. */
  imageDigest: text,
  manifestListDigest: text,
  checks: z.array(parsedCheckSchema),
  counts: z.object({ passed: count, failed: count, errors: count, warnings: count }),
  /** SHA-256 of the document's exact bytes (from its "{" to its "}"). */
  contentSha256: sha256Hex,
  warnings: z.array(z.string()),
});

export type RunImage = z.infer<typeof runImageSchema>;
export type ParsedCheck = z.infer<typeof parsedCheckSchema>;
export type ParsedRun = z.infer<typeof parsedRunSchema>;

export const certImageLabelSchema = z.object({ name: z.string(), value: z.string() });

export const certImageSchema = z.object({
  architecture: text,
  /** docker_image_digest: the manifest digest, the image's identity. */
  digest: text,
  /** docker_image_id: the config digest. */
  configDigest: text,
  /** Same for every architecture of a manifest list: groups the per-arch runs. */
  manifestListDigest: text,
  registry: text,
  repository: text,
  tags: z.array(z.string()),
  /** repositories[0].push_date: when preflight ran (UTC RFC 3339). */
  pushDate: text,
  created: text,
  os: text,
  labels: z.array(certImageLabelSchema),
  layerCount: count.nullable(),
  sumLayerSizeBytes: count.nullable(),
  certified: z.boolean().nullable(),
  contentSha256: sha256Hex,
  warnings: z.array(z.string()),
});

export type CertImageLabel = z.infer<typeof certImageLabelSchema>;
export type CertImage = z.infer<typeof certImageSchema>;

export const logCheckSchema = z.object({
  name: z.string(),
  canonicalName: z.string(),
  outcome: checkOutcomeSchema,
  /** The err="…" of an ERROR result: the only place preflight records why a check errored. */
  error: text,
});

export const logPlatformSchema = z.object({
  /** From "running checks for IMG for platform ARCH" (≥1.7); null for older and operator logs. */
  architecture: text,
  image: text,
  tag: text,
  /** From "This image's tag T will be paired with digest D". */
  digest: text,
  /** "Preflight result: PASSED|FAILED"; null when the log stops before it (interrupted run). */
  result: z.enum(["passed", "failed"]).nullable(),
  checks: z.array(logCheckSchema),
  submissionAttempted: z.boolean(),
  submitted: z.boolean(),
  connect: z
    .object({ componentId: text, testResultsId: text, imageId: text, testResultsUrl: text, vulnerabilitiesUrl: text, imagesUrl: text })
    .nullable(),
});

export const logErrorSchema = z.object({ time: text, level: text, message: z.string(), check: text, error: text });

export const parsedLogSchema = z.object({
  preflightVersion: text,
  preflightCommit: text,
  image: text,
  platforms: z.array(logPlatformSchema),
  submitted: z.boolean(),
  /** Every platform reached its "Preflight result" line. */
  finished: z.boolean(),
  errors: z.array(logErrorSchema),
  startedAt: text,
  finishedAt: text,
  lineCount: count,
  unrecognizedLines: count,
  contentSha256: sha256Hex,
});

export type LogCheck = z.infer<typeof logCheckSchema>;
export type LogPlatform = z.infer<typeof logPlatformSchema>;
export type LogError = z.infer<typeof logErrorSchema>;
export type ParsedLog = z.infer<typeof parsedLogSchema>;

/** POST /api/v1/preflight/runs/{id}/assign: the component an unassigned run is evidence for. */
export const assignRunSchema = z
  .strictObject({
    component: z.string().trim().min(1).max(100).optional(),
    createComponent: z.literal(true, { error: "true, to create a component from the run's image" }).optional(),
    force: z.boolean().optional(),
  })
  .refine((body) => (body.component === undefined) !== (body.createComponent === undefined), {
    message: 'Send either "component": "SLUG" or "createComponent": true.',
  });

const uploadFlag = z.enum(["true", "false", "1", "0"], { error: "true or false" }).transform((v) => v === "true" || v === "1");

/** POST /api/v1/preflight/runs query (a multipart upload's text fields win over it). */
export const uploadQuerySchema = z.object({
  product: z.string().max(100).optional(),
  component: z.string().max(100).optional(),
  arch: z.string().regex(/^[a-z0-9_]{1,20}$/, "arch: a name such as amd64 or arm64").optional(),
  /** Attach to `component` even when its registered repository is another one (kept on the run as a warning). */
  force: uploadFlag.optional(),
  /** Create a component for the run's image when none is registered, instead of storing the run unassigned. */
  createComponent: uploadFlag.optional(),
});

// ---- Response schemas (the OpenAPI document; lib/openapi) ----------------------------------

const diffNames = z.array(z.string());
export const runDiffResponseSchema = z.object({
  newlyFailed: diffNames,
  newlyPassed: diffNames,
  newlyErrored: diffNames,
  added: diffNames,
  removed: diffNames,
});

/** A stored run as lists show it (lib/preflight/data.ts toView). */
export const runSummarySchema = z
  .object({
    id: z.string(),
    imageRef: z.string(),
    architecture: z.string(),
    kind: z.string(),
    policy: z.string().nullable(),
    preflightVersion: z.string(),
    preflightCommit: z.string().nullable(),
    devBuild: z.boolean(),
    passed: z.boolean(),
    diff: z.unknown().meta({ description: "The diff against the previous run of the component and architecture, as stored." }),
    warnings: z.array(z.string()),
    fileName: z.string().nullable(),
    actor: z.string(),
    submitted: z.boolean(),
    submissionUrls: z.array(z.string()),
    assignedBy: z.string().nullable(),
    component: z.object({ slug: z.string(), name: z.string() }).nullable(),
    unassigned: z.boolean(),
    counts: z.object({ passed: z.int(), failed: z.int(), errors: z.int(), warnings: z.int() }),
    createdAt: z.iso.datetime(),
    assignedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "RunSummary" });

export const runListSchema = z.object({ runs: z.array(runSummarySchema), total: z.int() });

export const runDetailSchema = runSummarySchema
  .extend({
    product: z.string(),
    imageRefNormalized: z.string(),
    imageTag: z.string().nullable(),
    imageDigest: z.string().nullable(),
    certificationHash: z.string().nullable(),
    contentSha256: z.string(),
    checks: z.array(
      z.object({
        name: z.string(),
        canonicalName: z.string(),
        known: z.boolean(),
        outcome: checkOutcomeSchema,
        elapsedMs: z.number().nullable(),
        description: z.string().nullable(),
        help: z.string().nullable(),
        suggestion: z.string().nullable(),
        knowledgebaseUrl: z.string().nullable(),
        checkUrl: z.string().nullable(),
      }),
    ),
    items: z.array(z.object({ key: z.string(), title: z.string(), product: z.string(), changes: z.array(z.string()) })),
  })
  .meta({ id: "RunDetail" });

/** The answer of an upload and of an assignment. */
export const ingestResultSchema = z
  .object({
    runs: z.array(
      z.object({
        id: z.string(),
        component: z.string().nullable(),
        unassigned: z.boolean(),
        image: z.string(),
        arch: z.string(),
        preflightVersion: z.string(),
        policy: z.string().nullable(),
        passed: z.boolean(),
        submitted: z.boolean(),
        counts: z.object({ passed: z.int(), failed: z.int(), errors: z.int(), warnings: z.int() }),
        duplicate: z.boolean(),
        diff: runDiffResponseSchema.extend({
          preflightVersionChanged: z.object({ from: z.string(), to: z.string() }).nullable(),
          previousRunId: z.string().nullable().optional().meta({ description: "The run compared with: the previous run of the component and architecture; null for a first or unassigned run." }),
          newlyFailing: z.array(z.string()).optional().meta({ description: "Checks failed or errored now that did not fail or error in the previous run." }),
        }),
        items: z.object({ opened: z.array(z.string()), reopened: z.array(z.string()), verified: z.array(z.string()), flagged: z.array(z.string()) }),
        gate: z
          .object({ failed: z.array(z.string()), regressed: z.array(z.string()) })
          .meta({ description: "The CI gate (certboard upload --fail-on): checks that failed or errored, and those of them new since the previous run of the component and architecture (none for a first or unassigned run). Checks the component's policy does not apply are left out." }),
      }),
    ),
    warnings: z.array(z.string()),
  })
  .meta({ id: "IngestResult" });

const compareSide = runSummarySchema.extend({ product: z.string(), imageTag: z.string().nullable(), imageDigest: z.string().nullable(), checkCount: z.int() });

export const runComparisonSchema = z
  .object({
    product: z.string(),
    from: compareSide,
    to: compareSide,
    comparison: runDiffResponseSchema.extend({
      otherChanges: z.array(z.object({ name: z.string(), from: checkOutcomeSchema, to: checkOutcomeSchema })),
      unchanged: z.array(z.object({ name: z.string(), outcome: checkOutcomeSchema })),
    }),
  })
  .meta({ id: "RunComparison" });
