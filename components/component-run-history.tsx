"use client";

import Link from "next/link";
import { useState } from "react";
import { RunPassedBadge } from "@/components/run-badges";
import { LoadMore } from "@/components/load-more";
import { Button } from "@/components/ui/button";
import { DateText } from "@/components/ui/date-text";
import { useHistoryPages } from "@/lib/component-board/client";
import type { BoardHistoryRun, PageInfo } from "@/lib/component-board/schema";
import { runUrl } from "@/lib/preflight/client";
import { architectureText, versionText } from "@/lib/run-text";

type HistoryRun = BoardHistoryRun;

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const describeRun = (run: HistoryRun) => `${versionText(run.tag)} · ${architectureText(run.architecture)}, ${DATE_TIME.format(new Date(run.createdAt))} UTC`;

/**
 * The component's runs, newest first, each with what changed since the previous run of its
 * architecture; two radio columns pick any two runs to compare (/runs/compare). It is a plain GET
 * form, so it also works before the page's scripts load. The newest page comes with the page; "Show
 * more runs" loads older ones.
 */
export function ComponentRunHistory({ history: firstRuns, page, product, slug }: { history: BoardHistoryRun[]; page: PageInfo; product: string; slug: string }) {
  const query = useHistoryPages(product, slug, { runs: firstRuns, ...page });
  const pages = query.data.pages;
  // A refresh can move a run from one page to the next: it is shown once, where it was first found.
  const history = [...new Map(pages.flatMap((p) => p.runs).map((run) => [run.id, run])).values()];
  const last = pages.at(-1);
  // Default: the newest run against the one before it of the same architecture (else the next one).
  // Defaults follow the history as runs arrive (live updates) until the person picks a side.
  const newest = history[0];
  const previous = newest && (history.find((r) => r.id !== newest.id && r.architecture === newest.architecture) ?? history[1]);
  const [picked, setPicked] = useState<{ from?: string; to?: string }>({});
  const shown = (id: string | undefined) => (id && history.some((r) => r.id === id) ? id : undefined);
  const from = shown(picked.from) ?? previous?.id;
  const to = shown(picked.to) ?? newest?.id;
  const setFrom = (id: string) => setPicked((p) => ({ ...p, from: id }));
  const setTo = (id: string) => setPicked((p) => ({ ...p, to: id }));

  if (history.length === 0) return <p className="text-sm text-muted">No preflight runs yet.</p>;
  const comparable = history.length > 1;
  const ready = Boolean(from && to && from !== to);

  return (
    <form action="/runs/compare" method="get" aria-label="Run history" className="space-y-3">
      <input type="hidden" name="product" value={product} />
      {comparable && (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-gray-50 px-2 py-1.5 text-xs">
          <p id="run-compare-hint" aria-live="polite">
            {ready ? "Compare the run marked From with the run marked To." : "Pick two different runs: one From, one To."}
          </p>
          <Button type="submit" size="sm" variant="secondary" disabled={!ready} aria-describedby="run-compare-hint" data-testid="run-compare">
            Compare
          </Button>
        </div>
      )}
      <ol className="space-y-3">
        {history.map((run) => (
          <li key={run.id} className="flex gap-3 border-l-2 border-line pl-3 text-sm" data-testid={`run-history-${run.id}`}>
            {comparable && (
              <div className="flex shrink-0 flex-col gap-0.5 pt-0.5 text-xs text-muted">
                <label className="inline-flex cursor-pointer items-center gap-1">
                  <input type="radio" name="from" value={run.id} checked={from === run.id} onChange={() => setFrom(run.id)} aria-label={`From: ${describeRun(run)}`} />
                  From
                </label>
                <label className="inline-flex cursor-pointer items-center gap-1">
                  <input type="radio" name="to" value={run.id} checked={to === run.id} onChange={() => setTo(run.id)} aria-label={`To: ${describeRun(run)}`} />
                  To
                </label>
              </div>
            )}
            <RunEntry run={run} />
          </li>
        ))}
      </ol>
      <LoadMore
        label="Show more runs"
        status={`Showing the newest ${history.length} run${history.length === 1 ? "" : "s"}.`}
        hasMore={last?.hasMore ?? false}
        loading={query.isFetchingNextPage}
        error={query.isFetchNextPageError ? query.error : null}
        onLoad={() => void query.fetchNextPage()}
        testId="history-more"
      />
    </form>
  );
}

function RunEntry({ run }: { run: HistoryRun }) {
  const changes = [
    ...(run.diff?.newlyFailed ?? []).map((c) => `${c} failed`),
    ...(run.diff?.newlyErrored ?? []).map((c) => `${c} errored`),
    ...(run.diff?.newlyPassed ?? []).map((c) => `${c} passed`),
  ];
  return (
    <div className="min-w-0">
      <p className="flex flex-wrap items-center gap-2">
        <RunPassedBadge passed={run.passed} />
        <Link href={runUrl(run.id)} className="font-mono text-xs text-blue-700 hover:underline">
          {versionText(run.tag)} · {architectureText(run.architecture)}
        </Link>
        <span className="text-xs text-muted">
          preflight {versionText(run.preflightVersion)}
          {run.policy ? `, ${run.policy} policy` : ""} · {run.actor}
        </span>
      </p>
      <p className="text-xs text-muted break-words">
        <DateText iso={run.createdAt} withTime />
        {changes.length > 0 ? ` — ${changes.join(", ")}` : " — no change from the previous run"}
      </p>
    </div>
  );
}
