import "server-only";
import type { ItemDetail } from "@/lib/backlog/schema";
import type { ComponentSummary } from "@/lib/components/schema";
import { latestRunsOfChecks } from "@/lib/preflight/data";
import { listRequirementsByCode } from "@/lib/requirements/data";
import { requirementHref } from "@/lib/overview/requirement-href";
import { runUrl } from "@/lib/preflight/client";
import type { ItemLinks } from "./schema";

/** The pages behind an item's checks and requirements (`components`: the product's); its components, phase and runs link by key alone. */
export async function getItemLinks(item: ItemDetail, components: ComponentSummary[]): Promise<ItemLinks> {
  const own = item.components.map((c) => c.slug);
  const [runs, requirements] = await Promise.all([latestRunsOfChecks(item.product, item.checkNames, own), listRequirementsByCode(item.requirements)]);
  // The item's own components first: a requirement opens the board of the image the item is about.
  const boards = [...components.filter((c) => own.includes(c.slug)), ...components.filter((c) => !own.includes(c.slug) && !c.placeholder)];
  return {
    checks: Object.fromEntries([...runs].map(([name, id]) => [name, `${runUrl(id)}#check-${encodeURIComponent(name)}`])),
    requirements: Object.fromEntries(requirements.map((r) => [r.code, { title: r.title, href: requirementHref(r, boards, item.product) }])),
  };
}
