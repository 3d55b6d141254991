import { isOpenStatus, STATUS_LABELS, STATUSES, type ItemSummary, type Status } from "@/lib/backlog/schema";

// The words the phase board says after a move and before completing a phase with work left.

export type OpenItem = Pick<ItemSummary, "key" | "title">;

/** The phase's open items in board order: column by column, each column in its own order. */
export function openItemsOf(columns: Record<Status, ReadonlyArray<OpenItem>>): OpenItem[] {
  return STATUSES.filter(isOpenStatus).flatMap((status) => columns[status]);
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

const endSentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

/**
 * "4 items are still open: P0-2 Prohibited Labels, … and P0-5 Licenses." Past `limit` names the rest
 * are counted ("and 7 more"), so the question stays readable for a large phase.
 */
export function openItemsSentence(items: ReadonlyArray<OpenItem>, limit = 8): string {
  const count = items.length;
  const lead = count === 1 ? "1 item is still open" : `${count} items are still open`;
  if (count === 0) return "No item is still open.";
  const names = items.slice(0, limit).map((item) => `${item.key} ${item.title}`.trim());
  const rest = count - names.length;
  return endSentence(`${lead}: ${joinWords(rest > 0 ? [...names, `${rest} more`] : names)}`);
}

/** The toast once the server has stored a move. */
export function moveSavedMessage(key: string, to: Status): string {
  return `${key} moved to ${STATUS_LABELS[to]}`;
}

/** The toast when a move is refused: why, and where the card went back to. */
export function moveFailedMessage(key: string, from: Status, reason: string): string {
  return `${key} could not be moved: ${endSentence(reason.trim() || "the server did not say why")} It is back in ${STATUS_LABELS[from]}.`;
}
