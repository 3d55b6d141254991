/**
 * `npm run bench:backlog`: how long the backlog reader takes on the documents shaped to be slow
 * (tests/hostile/backlogs.ts) at 0.5, 1 and 2 MiB, in this process, median of three reads each.
 * A reader linear in its input takes about twice as long for twice the text: the last column is
 * the time at 2 MiB over the time at 1 MiB. Prints a table, then one line `BENCH {json}`.
 *
 *   node --import tsx scripts/bench/backlog-shapes.ts [name filter]
 */
import os from "node:os";

import { BacklogParseError, parseBacklog } from "@/lib/backlog/parse-backlog";
import { HOSTILE_BACKLOGS } from "@/tests/hostile/backlogs";

const SIZES = [512 * 1024, 1024 * 1024, 2 * 1024 * 1024];
const filter = process.argv[2] ?? "";

function readOnce(text: string): { ms: number; outcome: string } {
  const start = performance.now();
  let outcome: string;
  try {
    outcome = `${parseBacklog(text).items.length} item(s)`;
  } catch (error) {
    if (!(error instanceof BacklogParseError)) throw error;
    outcome = `refused: ${error.message.split(";")[0]}`;
  }
  return { ms: performance.now() - start, outcome };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rows: { shape: string; ms: number[]; growth: number; outcome: string }[] = [];
for (const shape of HOSTILE_BACKLOGS.filter((s) => s.name.includes(filter))) {
  const ms: number[] = [];
  let outcome = "";
  for (const bytes of SIZES) {
    const text = shape.make(bytes);
    const reads = [readOnce(text), readOnce(text), readOnce(text)];
    ms.push(Math.round(median(reads.map((r) => r.ms))));
    outcome = reads[0]!.outcome;
  }
  const growth = Math.round((ms[2]! / Math.max(ms[1]!, 1)) * 10) / 10;
  rows.push({ shape: shape.name, ms, growth, outcome });
  process.stdout.write(`${shape.name.padEnd(62)} ${ms.map((m) => `${m}`.padStart(6)).join(" ")} ms  ×${growth}  ${outcome.slice(0, 70)}\n`);
}
const host = { cpu: os.cpus()[0]?.model ?? "unknown", cores: os.cpus().length, node: process.version, loadAverageAtStart: os.loadavg() };
process.stdout.write(`columns: 0.5 MiB, 1 MiB, 2 MiB (median of 3); ×: 2 MiB ÷ 1 MiB (2 is linear, 4 quadratic)\n`);
process.stdout.write(`BENCH ${JSON.stringify({ host, rows })}\n`);
