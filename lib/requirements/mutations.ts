import type { Tx } from "@/lib/db";
import { REQUIREMENT_CATALOG } from "@/lib/requirements/catalog";

function catalogRows() {
  const positions = new Map<string, number>();
  return REQUIREMENT_CATALOG.map((entry) => {
    const position = positions.get(entry.scope) ?? 0;
    positions.set(entry.scope, position + 1);
    const { code, scope, title, severity, verifiedBy, checkNames, notApplicableUnder, onlyWith } = entry;
    return { code, scope, position, title, severity, verifiedBy, checkNames, notApplicableUnder, onlyWith };
  });
}

/**
 * Makes the Requirement table equal to the catalog in code (run by the seed at every start). Nothing
 * references the table, so a changed catalog simply replaces it; an unchanged one writes nothing.
 */
export async function syncRequirementCatalog(tx: Tx): Promise<{ requirements: number; changed: boolean }> {
  // Two processes starting together sync one after the other.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('certboard-requirement-catalog'))`;
  const wanted = catalogRows();
  const stored = await tx.requirement.findMany({
    orderBy: { code: "asc" },
    select: { code: true, scope: true, position: true, title: true, severity: true, verifiedBy: true, checkNames: true, notApplicableUnder: true, onlyWith: true },
  });
  const key = (rows: { code: string }[]) => JSON.stringify([...rows].sort((a, b) => a.code.localeCompare(b.code)));
  if (key(stored) === key(wanted)) return { requirements: wanted.length, changed: false };
  await tx.requirement.deleteMany({});
  await tx.requirement.createMany({ data: wanted });
  return { requirements: wanted.length, changed: true };
}
