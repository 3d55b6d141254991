import { absoluteUrl, describeEvent, type StoredEvent } from "./text";

/** The message for one event: its sentence as the subject, a link, and where to change what is sent. */
export function eventEmail(event: StoredEvent): { subject: string; text: string } {
  const { text, link } = describeEvent(event);
  const subject = `[Certboard${event.product ? ` · ${event.product}` : ""}] ${text.length > 140 ? `${text.slice(0, 139)}…` : text}`;
  const lines = [text, "", ...(link ? [`Open it: ${absoluteUrl(link)}`, ""] : []), `Choose what Certboard emails you: ${absoluteUrl("/settings/notifications")}`];
  return { subject, text: lines.join("\n") };
}
