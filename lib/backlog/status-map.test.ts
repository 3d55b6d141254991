import { describe, expect, it } from "vitest";

import { CATEGORIES, STATUSES } from "./schema";
import { defaultStatusWord, mapStatusLine, statusFieldsFromLine, statusLine } from "./status-map";

describe("mapStatusLine", () => {
  it.each([
    ["❌ NOT STARTED", "not_started", null, null, "NOT STARTED"],
    ["❌ FAILED - Published image missing labels and /licenses", "not_started", "failed", "Published image missing labels and /licenses", "FAILED"],
    ["⚠️ REQUIRES JUSTIFICATION", "needs_justification", null, null, "REQUIRES JUSTIFICATION"],
    ["⚠️ NEEDS REVIEW", "in_review", null, null, "NEEDS REVIEW"],
    ["✅ COMPLETED - Using UBI9 minimal:9.7", "done", null, "Using UBI9 minimal:9.7", "COMPLETED"],
    ["✅ DONE", "done", null, null, "DONE"],
    ["✅ PASSED - Preflight RunAsNonRoot check passed", "done", "passed", "Preflight RunAsNonRoot check passed", "PASSED"],
    ["COMPLIANT - Only user/group creation (allowed)", "done", null, "Only user/group creation (allowed)", "COMPLIANT"],
    ["✅ COMPLIANT", "done", null, null, "COMPLIANT"],
    ["❌ NOT REQUIRED - Not mentioned", "wont_do", null, "Not mentioned", "NOT REQUIRED"],
    ["🔄 IN PROGRESS", "in_progress", null, null, "IN PROGRESS"],
    ["⛔ BLOCKED - waiting on vendor", "blocked", "waiting on vendor", "waiting on vendor", "BLOCKED"],
    ["won’t do", "wont_do", null, null, "WON'T DO"],
    ["  not started ", "not_started", null, null, "NOT STARTED"],
  ] as const)("%s", (text, status, latestResult, note, word) => {
    const expected = { status, latestResult: status === "blocked" ? null : latestResult, note, word };
    expect(mapStatusLine(text)).toEqual(expected);
  });

  it("returns null when no status phrase starts the line", () => {
    expect(mapStatusLine("Waiting on the vendor")).toBeNull();
    expect(mapStatusLine("")).toBeNull();
    expect(mapStatusLine("✅")).toBeNull();
    // A phrase must be a whole word: "DONEISH" is not DONE.
    expect(mapStatusLine("DONEISH")).toBeNull();
  });
});

describe("statusLine", () => {
  it("writes the document's emoji and words", () => {
    expect(statusLine("not_started", null, null, "critical_blocker")).toBe("❌ NOT STARTED");
    expect(statusLine("not_started", "failed", "Published image missing labels", "critical_blocker")).toBe(
      "❌ FAILED - Published image missing labels",
    );
    expect(statusLine("needs_justification", null, null, "critical_blocker")).toBe("⚠️ REQUIRES JUSTIFICATION");
    expect(statusLine("in_review", null, null, "needs_verification")).toBe("⚠️ NEEDS REVIEW");
    expect(statusLine("done", null, "Pinned", "critical_blocker")).toBe("✅ COMPLETED - Pinned");
    expect(statusLine("done", null, null, "compliant")).toBe("✅ COMPLIANT");
    expect(statusLine("done", "passed", "check passed", "compliant")).toBe("✅ PASSED - check passed");
    expect(statusLine("wont_do", null, "x", "not_required")).toBe("❌ NOT REQUIRED - x");
    expect(statusLine("wont_do", null, null, "critical_blocker")).toBe("❌ WON'T DO");
    expect(statusLine("in_progress", null, null, "critical_blocker")).toBe("🔄 IN PROGRESS");
    expect(statusLine("blocked", null, "vendor", "critical_blocker")).toBe("⛔ BLOCKED - vendor");
  });

  it("writes a note's leading alternate word instead of the usual one", () => {
    expect(statusLine("done", null, "DONE", "critical_blocker")).toBe("✅ DONE");
    expect(statusLine("done", null, "DONE - shipped", "critical_blocker")).toBe("✅ DONE - shipped");
    // Only the exact form the parser produces carries a word; ordinary notes do not.
    expect(statusLine("done", null, "Done with it", "critical_blocker")).toBe("✅ COMPLETED - Done with it");
    // PASSED records a result that another word would lose, so it is always written.
    expect(statusLine("done", "passed", "DONE", "compliant")).toBe("✅ PASSED - DONE");
  });
});

describe("statusFieldsFromLine", () => {
  it("keeps an unusual word at the front of the note", () => {
    expect(statusFieldsFromLine("✅ DONE", "critical_blocker")).toEqual({ status: "done", latestResult: null, statusNote: "DONE" });
    expect(statusFieldsFromLine("✅ COMPLIANT - fine", "critical_blocker")).toEqual({
      status: "done",
      latestResult: null,
      statusNote: "COMPLIANT - fine",
    });
    expect(statusFieldsFromLine("✅ COMPLIANT - fine", "compliant")).toEqual({ status: "done", latestResult: null, statusNote: "fine" });
    expect(statusFieldsFromLine("❌ FAILED - x", "critical_blocker")).toEqual({
      status: "not_started",
      latestResult: "failed",
      statusNote: "x",
    });
  });

  it("returns null for an unknown line", () => {
    expect(statusFieldsFromLine("Whatever", "compliant")).toBeNull();
  });

  // The exporter's guarantee: every line it writes reads back as the same three fields.
  it("reads every written line back to the same fields, for every status, category and word", () => {
    const notes = [null, "a note", "DONE", "DONE - shipped", "COMPLETED - x", "COMPLIANT", "NOT REQUIRED - y", "WON'T DO"];
    const results = [null, "failed", "passed"];
    let checked = 0;
    for (const status of STATUSES) {
      for (const category of CATEGORIES) {
        for (const latestResult of results) {
          const word = defaultStatusWord(status, latestResult, category);
          // Only combinations the parser can produce: the result must be implied by the word.
          const implied = word === "FAILED" ? "failed" : word === "PASSED" ? "passed" : null;
          if (implied !== latestResult) continue;
          for (const note of notes) {
            const fields = statusFieldsFromLine(statusLine(status, latestResult, note, category), category);
            const again = fields && statusFieldsFromLine(statusLine(fields.status, fields.latestResult, fields.statusNote, category), category);
            expect(fields?.status).toBe(status);
            expect(fields?.latestResult).toBe(latestResult);
            expect(again).toEqual(fields);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
