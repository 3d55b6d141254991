import type { Evidence, MatrixRow } from "@/lib/requirements/matrix";

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
