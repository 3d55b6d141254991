import Link from "next/link";
import { PriorityBadge, StatusBadge } from "@/components/item-badges";
import { formatHours } from "@/lib/backlog/effort";
import { itemUrl } from "@/lib/backlog/urls";
import type { CriticalPathEntry } from "@/lib/phases/critical-path";
import { phaseBoardUrl } from "@/lib/phases/schema";

/** "blocks 4 items (12–20 h, 1 without estimate)" or, when the phases held up have no open items yet, nothing. */
export function blocksSentence({ blocks }: CriticalPathEntry): string | null {
  if (blocks.items === 0) return null;
  const hours = blocks.effort.maxHours > 0 ? formatHours(blocks.effort.minHours, blocks.effort.maxHours) : null;
  const unestimated = blocks.effort.unestimated > 0 ? `${blocks.effort.unestimated} without estimate` : null;
  const detail = [hours, unestimated].filter(Boolean).join(", ");
  return `blocks ${blocks.items} ${blocks.items === 1 ? "item" : "items"}${detail ? ` (${detail})` : ""}`;
}

function Entry({ entry, product }: { entry: CriticalPathEntry; product: string }) {
  const blocks = blocksSentence(entry);
  return (
    <li className="flex flex-col gap-1 py-2" data-testid={`critical-path-${entry.key}`}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <PriorityBadge priority={entry.priority} />
        <Link href={itemUrl(entry.key, product)} className="font-medium hover:underline">
          <span className="font-mono text-xs font-semibold text-muted">{entry.key}</span> {entry.title}
        </Link>
        <StatusBadge status={entry.status} />
      </div>
      <p className="text-sm text-muted">
        {blocks ? `${blocks} in: ` : "holds up "}
        {entry.blocks.phases.map((phase, index) => (
          <span key={phase.key}>
            {index > 0 && ", "}
            <Link href={phaseBoardUrl(phase.key, product)} className="text-blue-700 underline hover:no-underline">
              Phase {phase.order}: {phase.name}
            </Link>
          </span>
        ))}
        {!blocks && " (no open items there yet)"}
        {entry.viaComponents.length > 0 && <> · through {entry.viaComponents.map((c) => c.name).join(", ")}</>}
      </p>
    </li>
  );
}

const SHOWN = 8;

/** The open items that hold up the most downstream work, first; the rest behind a disclosure. */
export function PhaseCriticalPath({ entries, product, empty }: { entries: CriticalPathEntry[]; product: string; empty: string }) {
  if (entries.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  const rest = entries.slice(SHOWN);
  return (
    <div data-testid="critical-path">
      <ol className="divide-y divide-line" aria-label="Critical path, most held-up work first">
        {entries.slice(0, SHOWN).map((entry) => (
          <Entry key={entry.key} entry={entry} product={product} />
        ))}
      </ol>
      {rest.length > 0 && (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm text-blue-700 hover:underline">
            {rest.length} more {rest.length === 1 ? "item" : "items"} holding work up
          </summary>
          <ol className="divide-y divide-line" start={SHOWN + 1}>
            {rest.map((entry) => (
              <Entry key={entry.key} entry={entry} product={product} />
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
