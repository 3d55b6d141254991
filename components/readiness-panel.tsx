import Link from "next/link";
import { EvidenceBadge, SignOffNote } from "@/components/requirement-matrix";
import { SignOffControl } from "@/components/sign-off-form";
import { Badge } from "@/components/ui/badge";
import { itemUrl } from "@/lib/backlog/urls";
import { certificationStatusText } from "@/lib/components/schema";
import { componentUrl } from "@/lib/overview/urls";
import { urgentOf } from "@/lib/readiness/remaining";
import type { Readiness, RemainingRequirement } from "@/lib/readiness/schema";
import { EVIDENCE, type Evidence } from "@/lib/requirements/matrix";

const KIND_WORDS: Partial<Record<Evidence, [string, string]>> = {
  failed: ["failed", "failed"],
  errored: ["errored", "errored"],
  not_met: ["not met", "not met"],
  stale: ["sign-off expired", "sign-offs expired"],
  not_requested: ["exception to request", "exceptions to request"],
  needs_sign_off: ["needs sign-off", "need sign-off"],
  not_run: ["not run", "not run"],
  in_review: ["in review", "in review"],
};

/** "2 of 6 components", or "all 6 components" rather than "6 of 6" (the same number twice). */
const someOf = (n: number, total: number, things: string) => (n === total && total > 1 ? `all ${total} ${things}` : `${n} of ${total} ${things}`);

/** "10 not run · 8 need sign-off · 1 failed": what kind of work remains, worst first. */
function remainingSummary(remaining: RemainingRequirement[]): string {
  return EVIDENCE.filter((e) => KIND_WORDS[e])
    .map((e) => [e, remaining.filter((r) => r.evidence === e).length] as const)
    .filter(([, n]) => n > 0)
    .map(([e, n]) => `${n} ${KIND_WORDS[e]![n === 1 ? 0 : 1]}`)
    .join(" · ");
}

/** The blocking requirements not yet settled, each with its evidence, why, and the item tracking it. */
function RemainingList({ remaining, product }: { remaining: RemainingRequirement[]; product: string }) {
  if (remaining.length === 0) return <p className="text-sm text-green-800">Nothing remains: every blocking requirement is settled.</p>;
  return (
    <ul className="divide-y divide-line text-sm">
      {remaining.map((r) => (
        <li key={r.code} className="flex flex-wrap items-start gap-x-3 gap-y-1 py-1.5" data-testid={`remaining-${r.code}`}>
          <span className="w-full min-w-0 sm:flex-1">
            <span className="font-mono text-xs">{r.code}</span> {r.title}
            <span className="block text-xs text-muted">{r.detail}</span>
          </span>
          <EvidenceBadge evidence={r.evidence} />
          {r.item && (
            <Link href={itemUrl(r.item.key, product)} className="font-mono text-xs text-blue-700 hover:underline">
              {r.item.key}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A component's remaining work: what kind in one line, the failures listed, everything else a click away. */
export function ComponentRemaining({ remaining, product, certificationStatus }: { remaining: RemainingRequirement[]; product: string; certificationStatus: string }) {
  const published = certificationStatus === "published";
  if (remaining.length === 0) {
    return (
      <p className="text-sm text-green-800" data-testid="component-remaining">
        Every blocking requirement is settled. {published ? "Red Hat has published it." : `Red Hat's status: ${certificationStatusText(certificationStatus)}; it still has to be published.`}
      </p>
    );
  }
  const urgent = urgentOf(remaining);
  return (
    <div className="space-y-2" data-testid="component-remaining">
      <p className="text-sm">
        <strong>{remaining.length} blocking {remaining.length === 1 ? "requirement remains" : "requirements remain"}:</strong> {remainingSummary(remaining)}.
      </p>
      {urgent.length > 0 && <RemainingList remaining={urgent} product={product} />}
      <details>
        <summary className="cursor-pointer text-sm text-blue-700">Show all {remaining.length}</summary>
        <RemainingList remaining={remaining} product={product} />
      </details>
    </div>
  );
}

/**
 * "What remains before we are listed": the verdict, each component's remaining work, and the
 * listing's own requirements. With `limit`, only the first components (those not ready first) and
 * a link (`allHref`) to all of them.
 */
export function ReadinessPanel({ readiness, canSignOff, limit, allHref }: { readiness: Readiness; canSignOff: boolean; limit?: number; allHref?: string }) {
  const product = readiness.product.slug;
  const notReady = readiness.components.filter((c) => !c.ready);
  const listing = readiness.product.rows;
  const ordered = limit === undefined ? readiness.components : [...notReady, ...readiness.components.filter((c) => c.ready)];
  const shown = limit === undefined ? ordered : ordered.slice(0, limit);
  const hidden = ordered.length - shown.length;
  return (
    <div className="space-y-4" data-testid="readiness">
      <p className="text-sm" data-testid="readiness-verdict">
        {readiness.listed ? (
          <strong className="text-green-800">Nothing remains: every component is ready and every listing requirement is settled.</strong>
        ) : (
          <>
            <strong>Not ready to list yet.</strong> {someOf(notReady.length, readiness.components.length, "components").replace(/^a/, "A")} still{" "}
            {notReady.length === 1 ? "has" : "have"} blocking requirements open; {someOf(readiness.product.remaining.length, listing.length, "listing requirements")}{" "}
            {readiness.product.remaining.length === 1 ? "remains" : "remain"}. Red Hat&apos;s own images are not counted: they are certified already.
          </>
        )}
      </p>
      <ul className="grid gap-2 md:grid-cols-2">
        {shown.map((c) => (
          <li key={c.slug} className="rounded-md border border-line p-2 text-sm" data-testid={`readiness-${c.slug}`}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Link href={componentUrl(c.slug, product)} className="font-medium text-blue-700 hover:underline">{c.name}</Link>
              <span className="flex flex-wrap gap-1">
                <Badge tone={c.certificationStatus === "published" ? "green" : "gray"}>Red Hat: {certificationStatusText(c.certificationStatus)}</Badge>
                {c.ready ? <Badge tone="green">Ready</Badge> : <Badge tone="amber">{c.remaining.length} remaining</Badge>}
              </span>
            </div>
            {!c.ready && (
              <p className="mt-1 text-xs text-gray-700">
                {remainingSummary(c.remaining)} ·{" "}
                <Link href={`${componentUrl(c.slug, product)}#what-remains`} className="text-blue-700 underline">
                  what remains<span className="sr-only"> for {c.name}</span>
                </Link>
              </p>
            )}
          </li>
        ))}
      </ul>
      {hidden > 0 && allHref && (
        <p className="text-sm print:hidden">
          <Link href={allHref} scroll={false} className="text-blue-700 hover:underline" data-testid="readiness-more">
            Show the {hidden} other {hidden === 1 ? "component" : "components"}
          </Link>
        </p>
      )}
      <section aria-labelledby="listing-requirements">
        <h3 id="listing-requirements" className="text-sm font-semibold">The listing&apos;s own requirements</h3>
        <ul className="mt-1 divide-y divide-line text-sm">
          {listing.map((row) => (
            <li key={row.code} className="py-1.5" data-testid={`listing-${row.code}`}>
              <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
                <span className="w-full min-w-0 sm:flex-1">
                  <span className="font-mono text-xs">{row.code}</span> {row.title}
                  <span className="block text-xs text-muted">{row.detail}</span>
                  {row.signOff && <SignOffNote signOff={row.signOff} />}
                </span>
                <EvidenceBadge evidence={row.evidence} />
                {canSignOff && row.signOffAllowed && (
                  <span className="print:hidden">
                    <SignOffControl target={{ product, component: null }} code={row.code} title={row.title} current={row.signOff} />
                  </span>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
