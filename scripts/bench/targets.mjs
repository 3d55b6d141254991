/**
 * Issue 16's targets: each measured figure beside its limit, printed as one table at the end of
 * the bench ("Targets") and written under `targets` in the BENCH json. Each measuring phase adds
 * its own rows with `target(...)`; nothing here measures.
 */
import { round } from "./stats.mjs";

/**
 * @typedef {{ name: string, measured: number | null, op: "≤" | "≥", limit: number, unit: string, basis: string, met: boolean | null }} Target
 */

/** @type {Target[]} */
const rows = [];

/**
 * Records one target. `measured` null means the phase could not measure it (printed as not measured, never as met).
 * @param {{ name: string, measured: number | null, op: "≤" | "≥", limit: number, unit?: string, basis: string }} t
 */
export function target(t) {
  const met = t.measured === null || !Number.isFinite(t.measured) ? null : t.op === "≤" ? t.measured <= t.limit : t.measured >= t.limit;
  rows.push({ unit: "", ...t, measured: t.measured === null ? null : round(t.measured), met });
}

/** @returns {Target[]} */
export const targets = () => [...rows];
