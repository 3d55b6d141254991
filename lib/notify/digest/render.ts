import { formatHours } from "@/lib/backlog/effort";
import { itemUrl } from "@/lib/backlog/urls";
import { CATEGORIES, CATEGORY_LABELS, STATUS_LABELS } from "@/lib/backlog/schema";
import { EVENT_KIND_LABELS } from "@/lib/overview/schema";
import type { StatusReport } from "@/lib/overview/report-markdown";

// The weekly digest as an email: the status report's facts (lib/overview's getStatusReport) and
// the forecast's sentence, as plain text with a simple HTML twin. `link` makes app paths absolute
// (CERTBOARD_URL), so the digest is pure and testable without a server.

export type Digest = { report: StatusReport; forecast: string };
export type DigestMail = { subject: string; text: string; html: string };

const CHANGES_SHOWN = 25;
const day = (iso: string) => iso.slice(0, 10);
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

type Section = { title: string; lines: { text: string; href?: string }[] };

function sections({ report, forecast }: Digest, link: (path: string) => string): Section[] {
  const slug = report.product.slug;
  const open = CATEGORIES.reduce((sum, c) => sum + report.categories[c].open, 0);
  const effort = report.remainingEffort;
  const changes = report.changes.slice(0, CHANGES_SHOWN);
  const more = report.changes.length - changes.length + (report.changesTruncated ? 1 : 0);
  return [
    { title: "Forecast", lines: [{ text: forecast }] },
    {
      title: `Open critical blockers (${report.blockers.length})`,
      lines: report.blockers.length
        ? report.blockers.map((b) => ({
            text: `${b.key}: ${b.title} (${STATUS_LABELS[b.status]}${b.priority ? `, ${b.priority}` : ""}${b.components.length ? `; ${b.components.join(", ")}` : ""})`,
            href: link(itemUrl(b.key, slug)),
          }))
        : [{ text: "None." }],
    },
    {
      title: `What changed since ${day(report.since)}`,
      lines: changes.length
        ? [
            ...changes.map((e) => ({
              text: `${when(e.at)}, ${EVENT_KIND_LABELS[e.kind]}: ${e.item ? `${e.item.key} ${e.item.title}: ` : ""}${e.summary} (${e.actor})`,
            })),
            ...(more > 0 ? [{ text: "… and more: see the overview in Certboard.", href: link(`/?product=${encodeURIComponent(slug)}`) }] : []),
          ]
        : [{ text: "Nothing changed." }],
    },
    {
      title: "What remains",
      lines: [
        { text: `${open} open ${open === 1 ? "item" : "items"}: ${CATEGORIES.filter((c) => report.categories[c].open).map((c) => `${report.categories[c].open} ${CATEGORY_LABELS[c].toLowerCase()}`).join(", ") || "none"}.` },
        { text: `Remaining effort: ${formatHours(effort.minHours, effort.maxHours)}${effort.unestimated ? ` (${effort.unestimated} open items without an estimate)` : ""}.` },
        { text: `Components certified: ${report.components.certified} of ${report.components.total}.` },
        ...report.phases.map((p) => ({ text: `Phase ${p.order}, ${p.name}: ${p.done} of ${p.total} items closed (${Math.round(p.progress * 100)}%).` })),
      ],
    },
  ];
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderDigest(digest: Digest, link: (path: string) => string): DigestMail {
  const { product } = digest.report;
  const overview = link(`/?product=${encodeURIComponent(product.slug)}`);
  const parts = sections(digest, link);
  const subject = `Certboard weekly digest: ${product.name}, ${day(digest.report.generatedAt)}`;
  const text = [
    `Weekly digest of ${product.name} (${product.slug}), ${day(digest.report.generatedAt)}`,
    "",
    ...parts.flatMap((s) => [s.title, "-".repeat(s.title.length), ...s.lines.map((l) => `- ${l.text}${l.href ? `\n  ${l.href}` : ""}`), ""]),
    `Open Certboard: ${overview}`,
    `Choose what Certboard emails you: ${link("/settings/notifications")}`,
    "",
  ].join("\n");
  const html = [
    `<h1 style="font-size:18px">Weekly digest of ${escapeHtml(product.name)}</h1>`,
    ...parts.flatMap((s) => [
      `<h2 style="font-size:15px">${escapeHtml(s.title)}</h2>`,
      "<ul>",
      ...s.lines.map((l) => `<li>${l.href ? `<a href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a>` : escapeHtml(l.text)}</li>`),
      "</ul>",
    ]),
    `<p><a href="${escapeHtml(overview)}">Open Certboard</a> · <a href="${escapeHtml(link("/settings/notifications"))}">Notification settings</a></p>`,
  ].join("\n");
  return { subject, text, html };
}
