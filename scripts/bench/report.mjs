/**
 * The human-readable half of the bench's output: plain-text tables, one per measurement. The
 * machine-readable half is the `BENCH {json}` line that follows them.
 */
import { round } from "./stats.mjs";

/**
 * Columns padded to their widest cell; numbers right-aligned.
 * @param {string[]} header
 * @param {(string | number | null | undefined)[][]} rows
 */
export function table(header, rows) {
  const cells = rows.map((row) => row.map((v) => (v === null || v === undefined ? "–" : typeof v === "number" ? String(round(v)) : v)));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? "").length)));
  const numeric = header.map((_, i) => rows.every((r) => typeof r[i] === "number" || r[i] === null || r[i] === undefined));
  const line = (/** @type {string[]} */ r) => r.map((c, i) => (numeric[i] ? c.padStart(/** @type {number} */ (widths[i])) : c.padEnd(/** @type {number} */ (widths[i])))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

/** @param {string} title @param {string} body */
export function section(title, body) {
  return `\n${title}\n${"=".repeat(title.length)}\n${body}\n`;
}

/** @param {boolean | null} ok */
export const verdict = (ok) => (ok === null ? "–" : ok ? "met" : "MISSED");
