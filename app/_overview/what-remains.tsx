import { ReadinessPanel } from "@/components/readiness-panel";
import { OVERVIEW_READINESS } from "@/lib/overview/schema";
import { overviewUrl } from "@/lib/overview/urls";
import { getReadiness } from "@/lib/readiness/data";

/** "What remains before we are listed", streamed: the first components (all with `all`) and the listing's requirements. */
export async function WhatRemains({ product, slug, all, canSignOff, now }: { product?: string; slug: string; all: boolean; canSignOff: boolean; now: Date }) {
  const readiness = await getReadiness(slug, now);
  return (
    <ReadinessPanel
      readiness={readiness}
      canSignOff={canSignOff}
      limit={all ? undefined : OVERVIEW_READINESS}
      allHref={`${overviewUrl({ product, readiness: "all" })}#what-remains`}
    />
  );
}
