import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { ComponentFactsForm } from "@/components/component-facts-form";
import { ComponentHistory } from "@/components/component-history";
import { ComponentRunGrid } from "@/components/component-run-grid";
import { ComponentRunHistory } from "@/components/component-run-history";
import { ExceptionCard } from "@/components/exception-card";
import { CategoryBadge, StatusBadge } from "@/components/item-badges";
import { LiveRefresh } from "@/components/live-refresh";
import { PhaseWaitingOnList } from "@/components/phase-waiting-on";
import { RedHatPanel } from "@/components/red-hat-panel";
import { ComponentRemaining } from "@/components/readiness-panel";
import { RequirementMatrix, SignOffNote } from "@/components/requirement-matrix";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { pagePath } from "@/lib/auth/next-path";
import { can } from "@/lib/auth/schema";
import { pageProduct } from "@/lib/products/page";
import { requirePageUser } from "@/lib/auth/session";
import { CATEGORIES, CATEGORY_LABELS, productQuerySchema } from "@/lib/backlog/schema";
import { itemUrl } from "@/lib/backlog/urls";
import { componentsUrl } from "@/lib/overview/urls";
import { getComponentBoard } from "@/lib/component-board/data";
import { listComponents } from "@/lib/components/data";
import { certificationStatusText, OS_CONTENT_LABELS } from "@/lib/components/schema";
import { EXCEPTION_KINDS } from "@/lib/exceptions/schema";
import { isAppError } from "@/lib/errors";
import { ageText } from "@/lib/inbox/age";
import { daysAgoText } from "@/lib/overview/relative-time";
import { exceptionNeeded } from "@/lib/requirements/catalog";
import { architectureText } from "@/lib/run-text";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[]>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).slug) };
}

export default async function ComponentPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const user = await requirePageUser(pagePath(`/components/${slug}`, query));
  const product = await pageProduct(user, productQuerySchema.parse(query).product);
  const board = await getComponentBoard(decodeURIComponent(slug), product).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const c = board.component;
  const canEdit = can(user, "edit_items");
  // A bundle's references are chosen among the product's container images.
  const images = c.type === "operator_bundle" && canEdit ? (await listComponents(board.product)).filter((other) => other.type === "container") : [];
  // Exceptions shown: every one on record, plus the one the component's declaration calls for.
  const shownKinds = EXCEPTION_KINDS.filter((kind) => board.exceptions.some((e) => e.kind === kind) || exceptionNeeded(kind, c));
  const titles = new Map(board.requirements.rows.map((r) => [r.code, r.title]));
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ label: "Components", href: componentsUrl(board.product) }, { label: c.name }]} />
      <div>
        <p className="text-sm text-muted">
          {c.type.replace("_", " ")} · {c.role.replaceAll("_", " ")}
          {c.owner ? ` · ${c.owner}` : ""}
        </p>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-semibold">{c.name}</h1>
          <LiveRefresh product={board.product} />
        </div>
        <p className="font-mono text-sm break-all text-gray-700">{c.placeholder || !c.repository ? "image to be decided" : `${c.registry}/${c.repository}`}</p>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <Badge tone={c.certificationStatus === "published" ? "green" : c.certificationStatus === "not_created" ? "gray" : "blue"}>
            Red Hat: {certificationStatusText(c.certificationStatus)}
          </Badge>
          {board.redHat.syncedAt && (
            <a href="#red-hat" className="text-xs text-muted hover:underline" data-testid="red-hat-synced">
              from Red Hat, synced {ageText(board.redHat.syncedAt, new Date())}
            </a>
          )}
          <Badge tone="purple">{c.policy} policy</Badge>
          {c.type === "container" && <Badge>Base: {OS_CONTENT_LABELS[c.osContentType as keyof typeof OS_CONTENT_LABELS] ?? c.osContentType}</Badge>}
          {c.connectProjectUrl ? (
            <a href={c.connectProjectUrl} className="text-blue-700 hover:underline" rel="noreferrer noopener" target="_blank" data-testid="connect-project">
              Partner Connect project {c.connectProjectId}
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
          ) : (
            <span className="text-xs text-muted" data-testid="connect-project">No Partner Connect project id yet</span>
          )}
        </div>
        <p className="mt-1 text-sm text-gray-700" data-testid="expected-architectures">
          {c.architectures.length === 0
            ? "Architectures: none known yet (learned from runs until someone sets them)."
            : `Architectures: ${c.architectures.join(", ")} (${c.architecturesSetBy ? `set by ${c.architecturesSetBy}` : "learned from runs"}).`}
        </p>
        <p className="mt-1 text-sm text-gray-700" data-testid="policy-reason">{c.policyReason}</p>
      </div>
      {board.warnings.length > 0 && (
        <Alert tone="warning" title="Evidence may be stale">
          <ul className="list-disc space-y-1 pl-5" data-testid="staleness-warnings">
            {board.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </Alert>
      )}
      <div id="what-remains" className="scroll-mt-4">
        <Card title="What remains before this component is listed">
          <ComponentRemaining remaining={board.remaining} product={board.product} certificationStatus={c.certificationStatus} />
        </Card>
      </div>
      {canEdit && (
        <Card title="Details">
          <ComponentFactsForm key={c.version} product={board.product} slug={c.slug} facts={c} images={images.map(({ slug: value, name }) => ({ slug: value, name }))} redHatSynced={board.redHat.syncedAt !== null} />
        </Card>
      )}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {CATEGORIES.map((category) => (
          <div key={category} className="rounded-lg border border-line bg-white p-3 text-sm">
            <p className="text-muted">{CATEGORY_LABELS[category]}</p>
            <p className="text-2xl font-semibold" data-testid={`component-open-${category}`}>{board.openByCategory[category]}</p>
            <p className="text-xs text-muted">open</p>
          </div>
        ))}
      </div>
      <Card title="Tags × architectures (newest run)">
        <ComponentRunGrid grid={board.grid} product={board.product} slug={c.slug} />
        {board.staleness.length > 0 && (
          <ul className="mt-3 space-y-1 text-xs text-muted">
            {board.staleness.map((s) => (
              <li key={s.architecture}>
                {architectureText(s.architecture)}: {s.daysSinceLastPass === null ? "never passed" : `last passing run ${daysAgoText(s.daysSinceLastPass)}`}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <div id="red-hat" className="scroll-mt-4">
        <Card title="Red Hat's catalog">
          <RedHatPanel redHat={board.redHat} product={board.product} slug={c.slug} canEdit={canEdit} now={new Date()} />
        </Card>
      </div>
      <Card title="Phases waiting on this component">
        <PhaseWaitingOnList phases={board.phasesWaiting} product={board.product} />
      </Card>
      <Card title="Requirement matrix">
        <RequirementMatrix
          rows={board.requirements.rows}
          counts={board.requirements.counts}
          product={board.product}
          signOffTarget={canEdit ? { product: board.product, component: c.slug } : null}
        />
        {board.signOffHistory.length > 0 && (
          <details className="mt-3 text-sm" data-testid="sign-off-history">
            <summary className="cursor-pointer text-blue-700">
              Sign-off history ({board.signOffCount > board.signOffHistory.length ? `newest ${board.signOffHistory.length} of ${board.signOffCount}` : board.signOffCount})
            </summary>
            <ul className="mt-2 space-y-2">
              {board.signOffHistory.map((entry) => (
                <li key={`${entry.code}-${entry.at}`}>
                  <span className="font-mono text-xs">{entry.code}</span> {titles.get(entry.code)}
                  {entry.note && <span className="block text-xs text-gray-700">{entry.note}</span>}
                  <SignOffNote signOff={entry} />
                </li>
              ))}
            </ul>
          </details>
        )}
      </Card>
      {c.type === "container" && (
        <Card title="Exceptions">
          {shownKinds.length === 0 && !canEdit ? (
            <p className="text-sm text-muted">No privileged or scratch exception: the image is declared unprivileged on a Red Hat base.</p>
          ) : (
            <div className="grid gap-3 lg:grid-cols-2">
              {(canEdit ? EXCEPTION_KINDS : shownKinds).map((kind) => {
                const exception = board.exceptions.find((e) => e.kind === kind) ?? null;
                return <ExceptionCard key={`${kind}-${exception?.version ?? 0}`} product={board.product} slug={c.slug} kind={kind} exception={exception} canEdit={canEdit} />;
              })}
            </div>
          )}
        </Card>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={`Backlog items (${board.items.length})`}>
          {board.items.length === 0 ? (
            <p className="text-sm text-muted">No items are linked to this component.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {board.items.map((item) => (
                <li key={item.key} className="flex flex-wrap items-center gap-2">
                  <Link href={itemUrl(item.key, board.product)} className="font-mono text-xs text-blue-700 hover:underline">{item.key}</Link>
                  <span className={item.open ? "" : "text-muted line-through"}>{item.title}</span>
                  <CategoryBadge category={item.category} />
                  <StatusBadge status={item.status} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Run history">
          <ComponentRunHistory history={board.history} page={board.historyPage} product={board.product} slug={c.slug} />
        </Card>
      </div>
      <Card title="Component history">
        <ComponentHistory history={board.redHat.history} />
      </Card>
    </div>
  );
}
