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

/** The catalog entries of these codes (unknown codes are left out), for links to where each is shown. */
export async function listRequirementsByCode(codes: string[]): Promise<{ code: string; scope: string; title: string }[]> {
  if (codes.length === 0) return [];
  return getDb().requirement.findMany({ where: { code: { in: codes } }, select: { code: true, scope: true, title: true } });
}
