import { describe, expect, it } from "vitest";
import type { Status } from "@/lib/backlog/schema";
import { moveFailedMessage, moveSavedMessage, openItemsOf, openItemsSentence, type OpenItem } from "./board-messages";

const item = (key: string, title: string): OpenItem => ({ key, title });
const empty = (): Record<Status, OpenItem[]> => ({
  not_started: [],
  in_progress: [],
  blocked: [],
  needs_justification: [],
  in_review: [],
  done: [],
  wont_do: [],
});

describe("openItemsOf", () => {
  it("lists open columns in board order and leaves done and won't do out", () => {
    const columns = empty();
    columns.in_review = [item("P0-9", "Review")];
    columns.not_started = [item("P0-2", "Prohibited Labels"), item("P0-3", "Licenses")];
    columns.done = [item("P0-1", "Done already")];
    columns.wont_do = [item("P3-1", "Dropped")];
    columns.blocked = [item("P1-4", "Waiting")];
    expect(openItemsOf(columns).map((i) => i.key)).toEqual(["P0-2", "P0-3", "P1-4", "P0-9"]);
  });
});

describe("openItemsSentence", () => {
  it("names every open item with its key and title", () => {
    const items = [item("P0-2", "Prohibited Labels"), item("P0-3", "Licenses"), item("P0-4", "Non-root user"), item("P0-5", "UBI base")];
    expect(openItemsSentence(items)).toBe("4 items are still open: P0-2 Prohibited Labels, P0-3 Licenses, P0-4 Non-root user and P0-5 UBI base.");
  });

  it("speaks of one item in the singular and does not double a full stop", () => {
    expect(openItemsSentence([item("P0-2", "Fix the labels.")])).toBe("1 item is still open: P0-2 Fix the labels.");
    expect(openItemsSentence([])).toBe("No item is still open.");
  });

  it("counts the rest past the limit", () => {
    const items = Array.from({ length: 11 }, (_, i) => item(`P1-${i + 1}`, `Task ${i + 1}`));
    expect(openItemsSentence(items, 3)).toBe("11 items are still open: P1-1 Task 1, P1-2 Task 2, P1-3 Task 3 and 8 more.");
    expect(openItemsSentence(items.slice(0, 3), 3)).toBe("3 items are still open: P1-1 Task 1, P1-2 Task 2 and P1-3 Task 3.");
  });
});

describe("move toasts", () => {
  it("confirms a stored move with the new column", () => {
    expect(moveSavedMessage("P0-2", "in_progress")).toBe("P0-2 moved to In progress");
    expect(moveSavedMessage("P3-1", "wont_do")).toBe("P3-1 moved to Won't do");
  });

  it("says why a move failed and where the card is back", () => {
    expect(moveFailedMessage("P0-2", "not_started", "Network error")).toBe("P0-2 could not be moved: Network error. It is back in Not started.");
    expect(moveFailedMessage("P0-2", "blocked", "You may not edit items.")).toBe("P0-2 could not be moved: You may not edit items. It is back in Blocked.");
    expect(moveFailedMessage("P0-2", "in_review", " ")).toBe("P0-2 could not be moved: the server did not say why. It is back in In review.");
  });
});
