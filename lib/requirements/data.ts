import "server-only";
import { getDb } from "@/lib/db";
import type { MatrixRequirement } from "@/lib/requirements/matrix";

/** The catalog as stored, for one component type, in catalog order. */
export async function listRequirements(scope: string): Promise<MatrixRequirement[]> {
  return getDb().requirement.findMany({
    where: { scope },
    orderBy: { position: "asc" },
    select: { code: true, title: true, severity: true, verifiedBy: true, checkNames: true, notApplicableUnder: true, onlyWith: true, derivedFrom: true },
  });
}
