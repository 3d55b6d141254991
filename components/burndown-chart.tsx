"use client";

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard, ChartTable, shortDate } from "@/components/chart-card";
import type { BurndownPoint } from "@/lib/overview/schema";

function describe(points: BurndownPoint[]): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return "No item history yet.";
  const now = `${last.open} open critical ${last.open === 1 ? "blocker" : "blockers"} on ${shortDate(last.date)}`;
  if (points.length === 1) return `${now}.`;
  const peak = Math.max(...points.map((p) => p.open));
  const trend = last.open === first.open ? `unchanged since ${shortDate(first.date)}` : `${last.open < first.open ? "down" : "up"} from ${first.open} on ${shortDate(first.date)}`;
  return `${now}, ${trend}; at most ${peak} in this period.`;
}

/** Open critical blockers per day, reconstructed from item history (lib/overview/burndown.ts). */
export function BurndownChart({ points }: { points: BurndownPoint[] }) {
  const data = points.map((p) => ({ ...p, label: shortDate(p.date) }));
  return (
    <ChartCard
      title="Open critical blockers over time"
      summary={describe(points)}
      testId="chart-burndown"
      chart={
        points.length > 0 && (
          <LineChart responsive accessibilityLayer={false} data={data} margin={{ top: 8, right: 12, bottom: 0, left: -20 }} style={{ width: "100%", height: "100%" }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#4b5563" }} minTickGap={16} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#4b5563" }} />
            <Tooltip />
            <Line type="stepAfter" dataKey="open" name="Open critical blockers" stroke="#b91c1c" strokeWidth={2} dot={points.length <= 10} isAnimationActive={false} />
          </LineChart>
        )
      }
      table={
        <ChartTable
          caption="Open critical blockers per day"
          columns={["Day", "Open critical blockers"]}
          rows={points.map((p) => ({ key: p.date, label: shortDate(p.date), values: [p.open] }))}
        />
      }
    />
  );
}
