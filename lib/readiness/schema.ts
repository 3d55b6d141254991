import { z } from "zod";
import { EVIDENCE, type Evidence, type MatrixRow } from "@/lib/requirements/matrix";
import { signOffViewSchema } from "@/lib/requirements/schema";

// Wire shape of GET /api/v1/readiness: what remains before the product is listed in Red Hat's
// catalog, per component and for the listing itself.

export type RemainingRequirement = {
  code: string;
  title: string;
  evidence: Evidence;
  detail: string;
  item: { key: string; status: string; open: boolean } | null;
};

export type ComponentReadiness = {
  slug: string;
  name: string;
  type: string;
  certificationStatus: string;
  ready: boolean;
  remaining: RemainingRequirement[];
};

export type Readiness = {
  /** Nothing remains: every component is ready and published and the listing's requirements are settled. */
  listed: boolean;
  components: ComponentReadiness[];
  product: { slug: string; name: string; remaining: RemainingRequirement[]; rows: MatrixRow[] };
};

// ---- Response schemas (the OpenAPI document; lib/openapi) ----------------------------------

export const evidenceSchema = z.enum(EVIDENCE).meta({ id: "Evidence", description: "What settles (or fails) a requirement." });

const trackingItemSchema = z.object({ key: z.string(), status: z.string(), open: z.boolean() }).nullable();

export const remainingRequirementSchema = z
  .object({ code: z.string(), title: z.string(), evidence: evidenceSchema, detail: z.string(), item: trackingItemSchema })
  .meta({ id: "RemainingRequirement" });

export const matrixRowSchema = z
  .object({
    code: z.string(),
    title: z.string(),
    severity: z.string(),
    verifiedBy: z.string(),
    evidence: evidenceSchema,
    detail: z.string(),
    runId: z.string().nullable(),
    architectures: z.array(z.object({ architecture: z.string(), outcome: z.string(), runId: z.string().nullable() })),
    item: trackingItemSchema,
    components: z.array(z.object({ slug: z.string(), name: z.string(), certificationStatus: z.string(), settled: z.boolean() })),
    urls: z.array(z.string()),
    signOff: signOffViewSchema.nullable(),
    signOffAllowed: z.boolean(),
  })
  .meta({ id: "RequirementRow" });

export const readinessSchema = z
  .object({
    listed: z.boolean(),
    components: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        type: z.string(),
        certificationStatus: z.string(),
        ready: z.boolean(),
        remaining: z.array(remainingRequirementSchema),
      }),
    ),
    product: z.object({ slug: z.string(), name: z.string(), remaining: z.array(remainingRequirementSchema), rows: z.array(matrixRowSchema) }),
  })
  .meta({ id: "Readiness" });
