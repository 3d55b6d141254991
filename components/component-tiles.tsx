"use client";

// A client component for its size, not for interaction: its props (a few fields per tile) travel in
// the page's RSC payload instead of the rendered tree, which is several times larger.

import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import { certificationStatusText } from "@/lib/components/schema";
import { formatAge } from "@/lib/overview/relative-time";
import type { ComponentTile } from "@/lib/overview/schema";
import { componentUrl } from "@/lib/overview/urls";
import { architectureText } from "@/lib/run-text";

function certification(tile: ComponentTile): { tone: Tone; border: string; label: string } {
  const status = certificationStatusText(tile.certificationStatus);
  if (tile.certified) return { tone: "green", border: "border-l-green-600", label: `Certified (${status.toLowerCase()})` };
  if (tile.certificationStatus === "not_created") return { tone: "gray", border: "border-l-gray-400", label: "Not started with Red Hat" };
  // Every other status is a stage of work with Red Hat, named once ("Tests in progress").
  return { tone: "blue", border: "border-l-blue-600", label: status };
}

/** One tile per component: Red Hat status in words and colour, policy, newest run, open blockers. */
export function ComponentTiles({ tiles, product, now }: { tiles: ComponentTile[]; product?: string; now: string }) {
  if (tiles.length === 0) {
    return <p className="text-sm text-muted">No components yet. They are created from the image references in an imported backlog, or by uploading preflight results.</p>;
  }
  const at = new Date(now);
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
      {tiles.map((tile) => {
        const cert = certification(tile);
        return (
          <li
            key={tile.slug}
            data-testid="component-tile"
            data-component={tile.slug}
            className={`relative break-inside-avoid rounded-lg border border-l-4 border-line bg-white p-3 text-sm shadow-sm focus-within:ring-2 focus-within:ring-blue-600 hover:shadow print:shadow-none ${cert.border}`}
          >
            {/* The name is the link; its overlay makes the whole tile clickable without nesting links. */}
            <Link href={componentUrl(tile.slug, product)} className="font-medium break-all text-blue-700 after:absolute after:inset-0 hover:underline focus:outline-none">
              {tile.name}
            </Link>
            <p className="text-xs text-muted">{tile.type.replaceAll("_", " ")}{tile.placeholder ? " · image to be decided" : ""}</p>
            <div className="mt-2 flex flex-wrap gap-1">
              <Badge tone={cert.tone}>{cert.label}</Badge>
              <Badge tone="purple" title={tile.policyReason}>
                {tile.policy} policy
              </Badge>
            </div>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs">
              <dt className="text-muted">Last run</dt>
              <dd data-testid="tile-last-run">
                {tile.lastRun ? (
                  <>
                    <time dateTime={tile.lastRun.at} title={tile.lastRun.at}>{formatAge(tile.lastRun.at, at)}</time>,{" "}
                    <span className={tile.lastRun.passed ? "text-green-800" : "font-medium text-red-800"}>{tile.lastRun.passed ? "passed" : "failed"}</span> ({architectureText(tile.lastRun.architecture)})
                  </>
                ) : (
                  <span className="text-muted">no run yet</span>
                )}
              </dd>
              <dt className="text-muted">Open blockers</dt>
              <dd data-testid="tile-open-blockers" className={tile.openBlockers > 0 ? "font-medium text-red-800" : ""}>
                {tile.openBlockers}
                <span className="text-muted"> · {tile.openItems} open {tile.openItems === 1 ? "item" : "items"}</span>
              </dd>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
