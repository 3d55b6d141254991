import { formatHours } from "@/lib/backlog/effort";
import { CATEGORIES, CATEGORY_LABELS, STATUS_LABELS, type Category } from "@/lib/backlog/schema";
import { EVENT_KIND_LABELS, type FeedEvent, type ReportBlocker } from "./schema";

// The weekly status report as markdown, for a project manager to paste into a mail or a wiki:
// computed counts, phases, open critical blockers and what changed since `since`.

export type StatusReport = {
  product: { slug: string; name: string };
  generatedAt: string;
  since: string;
  categories: Record<Category, { total: number; open: number; done: number }>;
  remainingEffort: { minHours: number; maxHours: number; unestimated: number };
  components: { certified: number; total: number };
  phases: { order: number; name: string; estimateText: string | null; total: number; done: number; progress: number }[];
  blockers: ReportBlocker[];
  changes: FeedEvent[];
  /** More changes happened than the report lists. */
  changesTruncated: boolean;
};

/** Table cells and list text: one line, pipes escaped, no stray markup from titles. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, " ")
    .replace(/([\\`*_[\]|<>])/g, "\\$1")
    .trim();
}

const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
const percent = (value: number) => `${Math.round(value * 100)}%`;

export function renderStatusReport(report: StatusReport): string {
  const { categories } = report;
  const openItems = CATEGORIES.reduce((sum, c) => sum + categories[c].open, 0);
  const effort = report.remainingEffort;
  const lines: string[] = [
    `# Certification status: ${escapeMarkdown(report.product.name)}`,
    "",
    `Generated ${when(report.generatedAt)} by Certboard from product \`${report.product.slug}\`. Every number is computed from the items.`,
    "",
    "## Summary",
    "",
    "| Measure | Value |",
    "|---|---|",
    `| Open critical blockers | ${categories.critical_blocker.open} of ${categories.critical_blocker.total} |`,
    `| Items needing verification (open) | ${categories.needs_verification.open} of ${categories.needs_verification.total} |`,
    `| Components certified | ${report.components.certified} of ${report.components.total} |`,
    `| Phases complete | ${report.phases.filter((p) => p.total > 0 && p.done === p.total).length} of ${report.phases.length} |`,
    `| Open items | ${openItems} |`,
    `| Remaining effort | ${formatHours(effort.minHours, effort.maxHours)}${effort.unestimated ? ` (${effort.unestimated} open items without an estimate)` : ""} |`,
    "",
    "| Category | Total | Open | Closed |",
    "|---|---:|---:|---:|",
    ...CATEGORIES.map((c) => `| ${CATEGORY_LABELS[c]} | ${categories[c].total} | ${categories[c].open} | ${categories[c].done} |`),
    "",
    "## Phases",
    "",
  ];

  if (report.phases.length === 0) lines.push("No phases yet.", "");
  else {
    lines.push("| Phase | Progress | Items closed | Estimate |", "|---|---:|---:|---|");
    for (const p of report.phases) {
      lines.push(`| Phase ${p.order}: ${escapeMarkdown(p.name)} | ${percent(p.progress)} | ${p.done} of ${p.total} | ${p.estimateText ? escapeMarkdown(p.estimateText) : "—"} |`);
    }
    lines.push("");
  }

  lines.push("## Open critical blockers", "");
  if (report.blockers.length === 0) lines.push("None.", "");
  else {
    lines.push("| Key | Title | Status | Priority | Components |", "|---|---|---|---|---|");
    for (const b of report.blockers) {
      const components = b.components.length ? b.components.map(escapeMarkdown).join(", ") : "—";
      lines.push(`| ${escapeMarkdown(b.key)} | ${escapeMarkdown(b.title)} | ${STATUS_LABELS[b.status]} | ${b.priority ?? "—"} | ${components} |`);
    }
    lines.push("");
  }

  lines.push(`## What changed since ${report.since.slice(0, 10)}`, "");
  if (report.changes.length === 0) lines.push("Nothing changed.", "");
  else {
    for (const e of report.changes) {
      const subject = e.item ? `${escapeMarkdown(e.item.key)} ${escapeMarkdown(e.item.title)}: ` : "";
      lines.push(`- ${when(e.at)}, **${EVENT_KIND_LABELS[e.kind]}**: ${subject}${escapeMarkdown(e.summary)} (${escapeMarkdown(e.actor)})`);
    }
    if (report.changesTruncated) lines.push("- … and more: see the overview in Certboard.");
    lines.push("");
  }
  return lines.join("\n");
}
