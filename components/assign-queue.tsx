"use client";

import { useState, type ReactNode } from "react";
import { AssignResult, AssignRunForm } from "@/components/assign-run-form";
import { Card } from "@/components/ui/card";
import type { UploadResult } from "@/lib/preflight/client";

type WaitingRun = { id: string; image: string; summary: ReactNode };
type Assigned = WaitingRun & { result: UploadResult };

type Props = {
  product?: string;
  total: number;
  runs: WaitingRun[];
  components: { slug: string; name: string }[];
  mayAssign: boolean;
};

/**
 * The runs waiting for a component. What an assignment did stays in view after the page refreshes
 * without that run (even when it was the last one): the outcome lives here, not in the form the
 * refreshed list drops.
 */
export function AssignQueue({ product, total, runs, components, mayAssign }: Props) {
  const [assigned, setAssigned] = useState<Assigned[]>([]);
  const waitingIds = new Set(runs.map((run) => run.id));
  const rows: (WaitingRun & { result?: UploadResult })[] = [
    ...runs.map((run) => ({ ...run, result: assigned.find((a) => a.id === run.id)?.result })),
    ...assigned.filter((a) => !waitingIds.has(a.id)),
  ];
  if (rows.length === 0) return null;

  return (
    <div id="to-assign" className="scroll-mt-4">
      <Card title={total > 0 ? `To assign (${total})` : "To assign"}>
        <p className="mb-2 text-sm text-muted">
          {total > 0
            ? "No component is registered for these runs' images, so they changed nothing. Say which component each is evidence for, or make a new one from its image."
            : "Every run has a component now."}
        </p>
        <ul className="divide-y divide-line" data-testid={total > 0 ? "to-assign" : "assigned-now"}>
          {rows.map((run) => (
            <li key={run.id} className="flex flex-wrap items-end justify-between gap-3 py-2" data-testid={run.result ? "assigned-run" : "unassigned-run"}>
              <div className="min-w-0 text-sm">{run.summary}</div>
              {run.result ? (
                <AssignResult result={run.result} product={product} />
              ) : (
                mayAssign && (
                  <AssignRunForm
                    product={product}
                    runId={run.id}
                    image={run.image}
                    components={components}
                    onAssigned={(result) => setAssigned((list) => [...list, { ...run, result }])}
                  />
                )
              )}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
