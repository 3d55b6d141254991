import { STATUS_LABELS, type Status } from "@/lib/backlog/schema";
import { itemUrl } from "@/lib/backlog/urls";
import { certificationStatusText } from "@/lib/components/schema";
import { componentUrl } from "@/lib/overview/urls";
import { architectureText } from "@/lib/run-text";
import { EVENT_LABELS, TEST_EVENT, type EventData, type NotifyEvent } from "@/lib/outbox/schema";

// One readable sentence and one link per event: the bell, Slack, Teams and email all say the same.

export type StoredEvent = { type: string; actor: string; data: unknown; product: string | null };

const statusText = (status: string | null) => (status ? (STATUS_LABELS[status as Status] ?? status) : "none");
const list = (names: string[]) => (names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`);

type Run = EventData<"run.failed">["run"];
function runText(run: Run): string {
  const what = run.component?.name ?? "an unassigned image";
  return `${what}${run.tag ? ` ${run.tag}` : ""} (${architectureText(run.architecture)})`;
}

/** The sentence and the in-app link (a path) of a stored event; `by` names who caused it. */
export function describeEvent(event: StoredEvent): { text: string; link: string | null } {
  const product = event.product ?? undefined;
  const by = event.actor;
  switch (event.type as NotifyEvent | typeof TEST_EVENT) {
    case "run.failed": {
      const d = event.data as EventData<"run.failed">;
      return { text: `Preflight failed on ${runText(d.run)}: ${list(d.failed)}.`, link: `/runs/${d.run.id}` };
    }
    case "run.regressed": {
      const d = event.data as EventData<"run.regressed">;
      return { text: `${runText(d.run)} regressed: ${list(d.regressed)} failed, and passed in the previous run.`, link: `/runs/${d.run.id}` };
    }
    case "item.opened": {
      const d = event.data as EventData<"item.opened">;
      return { text: `${d.item.key} opened by ${by}: ${d.item.title}`, link: itemUrl(d.item.key, product) };
    }
    case "item.reopened": {
      const d = event.data as EventData<"item.reopened">;
      return { text: `${d.item.key} reopened by ${by} (${statusText(d.from)} → ${statusText(d.to)}): ${d.item.title}`, link: itemUrl(d.item.key, product) };
    }
    case "item.status_changed": {
      const d = event.data as EventData<"item.status_changed">;
      return { text: `${d.item.key} is ${statusText(d.to)} (was ${statusText(d.from)}), by ${by}: ${d.item.title}`, link: itemUrl(d.item.key, product) };
    }
    case "item.assigned": {
      const d = event.data as EventData<"item.assigned">;
      const to = d.assignee ? `assigned to ${d.assignee.name}` : "unassigned";
      return { text: `${d.item.key} ${to} by ${by}: ${d.item.title}`, link: itemUrl(d.item.key, product) };
    }
    case "item.commented": {
      const d = event.data as EventData<"item.commented">;
      return { text: `${by} commented on ${d.item.key}: “${d.excerpt}”`, link: `${itemUrl(d.item.key, product)}#comment-${d.commentId}` };
    }
    case "item.mentioned": {
      const d = event.data as EventData<"item.mentioned">;
      return { text: `${by} mentioned ${list(d.mentioned.map((p) => p.name))} on ${d.item.key}: “${d.excerpt}”`, link: `${itemUrl(d.item.key, product)}#comment-${d.commentId}` };
    }
    case "phase.completed": {
      const d = event.data as EventData<"phase.completed">;
      return { text: `Phase ${d.phase.title} was completed by ${by}.`, link: `/phases/${encodeURIComponent(d.phase.key)}${product ? `?product=${encodeURIComponent(product)}` : ""}` };
    }
    case "phase.gate_satisfied": {
      const d = event.data as EventData<"phase.gate_satisfied">;
      return { text: `Phase ${d.phase.title} may start: every phase and component it waits for is done.`, link: `/phases/${encodeURIComponent(d.phase.key)}${product ? `?product=${encodeURIComponent(product)}` : ""}` };
    }
    case "evidence.stale": {
      const d = event.data as EventData<"evidence.stale">;
      return { text: `${d.component.name}'s evidence is stale: ${d.reason}`, link: componentUrl(d.component.slug, product) };
    }
    case "exception.decided": {
      const d = event.data as EventData<"exception.decided">;
      return { text: `The ${d.kind} exception of ${d.component.name} was ${d.status}${d.caseRef ? ` (case ${d.caseRef})` : ""}, recorded by ${by}.`, link: componentUrl(d.component.slug, product) };
    }
    case "component.status_changed": {
      const d = event.data as EventData<"component.status_changed">;
      return { text: `${d.component.name} is ${certificationStatusText(d.to)} (was ${certificationStatusText(d.from)}), by ${by}.`, link: componentUrl(d.component.slug, product) };
    }
    case TEST_EVENT:
      return { text: `A test from Certboard, sent by ${by}: this webhook works.`, link: "/settings/webhooks" };
    default:
      return { text: EVENT_LABELS[event.type as NotifyEvent] ?? event.type, link: null };
  }
}

/** A path made absolute with the public origin (CERTBOARD_URL), for messages read outside the app. */
export function absoluteUrl(path: string): string {
  const origin = process.env.CERTBOARD_URL ? new URL(process.env.CERTBOARD_URL).origin : `http://localhost:${process.env.PORT ?? 3000}`;
  return new URL(path, origin).toString();
}
