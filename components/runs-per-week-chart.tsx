"use client";

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { CHART, ChartCard, ChartTable, legendText, shortDate } from "@/components/chart-card";
import type { WeekRuns } from "@/lib/overview/schema";

function describe(weeks: WeekRuns[]): string {
  const passed = weeks.reduce((sum, w) => sum + w.passed, 0);
  const failed = weeks.reduce((sum, w) => sum + w.failed, 0);
  if (passed + failed === 0) return `No preflight runs in the last ${weeks.length} weeks.`;
  const current = weeks.at(-1);
  const thisWeek = current ? ` This week: ${current.passed} passed, ${current.failed} failed.` : "";
  return `${passed + failed} preflight ${passed + failed === 1 ? "run" : "runs"} in the last ${weeks.length} weeks: ${passed} passed, ${failed} failed.${thisWeek}`;
}

/** Preflight runs per week (from Monday), passed and failed stacked. */
export function RunsPerWeekChart({ weeks, empty }: { weeks: WeekRuns[]; empty?: ReactNode }) {
  const data = weeks.map((w) => ({ ...w, label: shortDate(w.weekStart) }));
  const none = weeks.every((w) => w.passed + w.failed === 0);
  return (
    <ChartCard
      title="Preflight runs per week"
      summary={describe(weeks)}
      testId="chart-runs"
      empty={empty}
      chart={
        !none && (
          <BarChart responsive accessibilityLayer={false} data={data} margin={{ top: 8, right: 12, bottom: 0, left: -20 }} style={{ width: "100%", height: "100%" }}>
            <CartesianGrid strokeDasharray="3 3" stroke={CHART.grid} vertical={false} />
            <XAxis dataKey="label" tick={CHART.tick} minTickGap={8} />
            <YAxis allowDecimals={false} tick={CHART.tick} />
            <Tooltip {...CHART.tooltip} />
            <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
            <Bar dataKey="failed" name="Failed" stackId="runs" fill="var(--color-red-600)" isAnimationActive={false} />
            <Bar dataKey="passed" name="Passed" stackId="runs" fill="var(--color-green-700)" isAnimationActive={false} />
          </BarChart>
        )
      }
      table={
        <ChartTable
          caption="Preflight runs per week"
          columns={["Week of", "Passed", "Failed"]}
          rows={weeks.map((w) => ({ key: w.weekStart, label: shortDate(w.weekStart), values: [w.passed, w.failed] }))}
        />
      }
    />
  );
}
