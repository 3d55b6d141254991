import type { Category, Status } from "./schema";

// The document states status as emoji + words ("❌ FAILED - Published image missing labels").
// Several words share one status (COMPLETED / DONE / PASSED / COMPLIANT are all `done`), so the
// word a person chose is kept where the data model can hold it:
//   FAILED / PASSED   → latestResult "failed" / "passed" (the evidence's latest result),
//   the category's usual word (COMPLIANT for compliant items, COMPLETED otherwise) → nothing extra,
//   any other word    → kept at the start of statusNote ("DONE - note"), which statusLine writes back.
// That way export → import gives identical items without a column for the word.

export type StatusWord =
  | "NOT STARTED"
  | "FAILED"
  | "IN PROGRESS"
  | "BLOCKED"
  | "REQUIRES JUSTIFICATION"
  | "NEEDS REVIEW"
  | "COMPLETED"
  | "DONE"
  | "PASSED"
  | "COMPLIANT"
  | "NOT REQUIRED"
  | "WON'T DO";

type Phrase = { word: StatusWord; pattern: RegExp; status: Status; latestResult: string | null };

// Longer phrases first so "NOT STARTED" is not read as something shorter.
const PHRASES: readonly Phrase[] = [
  { word: "NOT STARTED", pattern: /^not\s+started\b/i, status: "not_started", latestResult: null },
  { word: "NOT REQUIRED", pattern: /^not\s+required\b/i, status: "wont_do", latestResult: null },
  { word: "REQUIRES JUSTIFICATION", pattern: /^requires\s+justification\b/i, status: "needs_justification", latestResult: null },
  { word: "NEEDS REVIEW", pattern: /^needs\s+review\b/i, status: "in_review", latestResult: null },
  { word: "IN PROGRESS", pattern: /^in\s+progress\b/i, status: "in_progress", latestResult: null },
  { word: "WON'T DO", pattern: /^won['’]?t\s+do\b/i, status: "wont_do", latestResult: null },
  { word: "FAILED", pattern: /^failed\b/i, status: "not_started", latestResult: "failed" },
  { word: "COMPLETED", pattern: /^completed\b/i, status: "done", latestResult: null },
  { word: "DONE", pattern: /^done\b/i, status: "done", latestResult: null },
  { word: "PASSED", pattern: /^passed\b/i, status: "done", latestResult: "passed" },
  { word: "COMPLIANT", pattern: /^compliant\b/i, status: "done", latestResult: null },
  { word: "BLOCKED", pattern: /^blocked\b/i, status: "blocked", latestResult: null },
];

const STATUS_EMOJI: Record<Status, string> = {
  not_started: "❌",
  in_progress: "🔄",
  blocked: "⛔",
  needs_justification: "⚠️",
  in_review: "⚠️",
  done: "✅",
  wont_do: "❌",
};

/** Words that may replace the usual one without changing status or latestResult. */
const ALTERNATE_WORDS: Partial<Record<Status, readonly StatusWord[]>> = {
  done: ["COMPLETED", "DONE", "COMPLIANT"],
  wont_do: ["NOT REQUIRED", "WON'T DO"],
};

/** Emoji, variation selectors and other symbols in front of words (status lines, headings). */
export const LEADING_SYMBOLS = /^[\s\p{Extended_Pictographic}\p{So}\uFE0E\uFE0F\u200D]+/u;

export type StatusLineInfo = {
  status: Status;
  latestResult: string | null;
  note: string | null;
  word: StatusWord;
};

/** "⚠️ NEEDS REVIEW" → in_review; "❌ FAILED - x" → not_started, latestResult "failed", note "x". Unknown → null. */
export function mapStatusLine(text: string): StatusLineInfo | null {
  const body = text.replace(LEADING_SYMBOLS, "");
  for (const phrase of PHRASES) {
    const match = phrase.pattern.exec(body);
    if (!match) continue;
    const note = body.slice(match[0].length).replace(/^\s*[-–—:]?\s*/, "").trim();
    return { status: phrase.status, latestResult: phrase.latestResult, note: note || null, word: phrase.word };
  }
  return null;
}

export function defaultStatusWord(status: Status, latestResult: string | null, category: Category): StatusWord {
  switch (status) {
    case "not_started":
      return latestResult === "failed" ? "FAILED" : "NOT STARTED";
    case "in_progress":
      return "IN PROGRESS";
    case "blocked":
      return "BLOCKED";
    case "needs_justification":
      return "REQUIRES JUSTIFICATION";
    case "in_review":
      return "NEEDS REVIEW";
    case "done":
      if (latestResult === "passed") return "PASSED";
      return category === "compliant" ? "COMPLIANT" : "COMPLETED";
    case "wont_do":
      return category === "not_required" ? "NOT REQUIRED" : "WON'T DO";
  }
}

export type StatusFields = { status: Status; latestResult: string | null; statusNote: string | null };

/** The item fields for a **Status:** line; an unusual word stays at the front of statusNote. */
export function statusFieldsFromLine(text: string, category: Category): StatusFields | null {
  const info = mapStatusLine(text);
  if (!info) return null;
  const usual = defaultStatusWord(info.status, info.latestResult, category);
  const statusNote = info.word === usual ? info.note : info.note ? `${info.word} - ${info.note}` : info.word;
  return { status: info.status, latestResult: info.latestResult, statusNote };
}

/** The text of a **Status:** line, e.g. "❌ FAILED - Published image missing labels". */
export function statusLine(status: Status, latestResult: string | null, note: string | null, category: Category): string {
  const emoji = STATUS_EMOJI[status];
  const usual = defaultStatusWord(status, latestResult, category);
  const text = note?.trim() || null;
  if (text === null) return `${emoji} ${usual}`;
  // A note that starts with another word for this status carries that word (see the header);
  // not when the usual word records a result (PASSED / FAILED), which the other words would lose.
  const alternates = ALTERNATE_WORDS[status] ?? [];
  const carriesWord =
    alternates.includes(usual) && alternates.some((word) => word !== usual && (text === word || text.startsWith(`${word} - `)));
  return carriesWord ? `${emoji} ${text}` : `${emoji} ${usual} - ${text}`;
}
