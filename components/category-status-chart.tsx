"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { CHART, ChartCard, ChartTable, legendText } from "@/components/chart-card";
import { CATEGORY_LABELS, STATUS_LABELS, isOpenStatus, type Status } from "@/lib/backlog/schema";
import { usedStatuses } from "@/lib/overview/category-status";
import type { CategoryStatusRow } from "@/lib/overview/schema";

// The same hues as the status badges; the legend and the table carry the names.
const COLOURS: Record<Status, string> = {
  not_started: "var(--color-gray-400)",
  in_progress: "var(--color-blue-600)",
  blocked: "var(--color-red-600)",
  needs_justification: "var(--color-amber-600)",
  in_review: "var(--color-purple-600)",
  done: "var(--color-green-700)",
  wont_do: "var(--color-gray-700)",
};

function describe(rows: CategoryStatusRow[], statuses: Status[]): string {
  const total = (row: CategoryStatusRow) => statuses.reduce((sum, s) => sum + row[s], 0);
  const all = rows.reduce((sum, row) => sum + total(row), 0);
  if (all === 0) return "No items yet.";
  const parts = rows
    .filter((row) => total(row) > 0)
    .map((row) => `${CATEGORY_LABELS[row.category]} ${total(row)} (${statuses.filter(isOpenStatus).reduce((sum, s) => sum + row[s], 0)} open)`);
  return `${all} items: ${parts.join(", ")}.`;
}

/** Items per category, stacked by status. */
export function CategoryStatusChart({ rows }: { rows: CategoryStatusRow[] }) {
  const statuses = usedStatuses(rows);
  const data = rows.map((row) => ({ ...row, label: CATEGORY_LABELS[row.category] }));
  return (
    <ChartCard
      title="Items by category and status"
      summary={describe(rows, statuses)}
      testId="chart-categories"
      chart={
        statuses.length > 0 && (
          <BarChart
            responsive
            accessibilityLayer={false}
            layout="vertical"
            data={data}
            margin={{ top: 4, right: 12, bottom: 0, left: 4 }}
            style={{ width: "100%", height: "100%" }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke={CHART.grid} horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={CHART.tick} />
            <YAxis type="category" dataKey="label" width={118} tick={CHART.label} />
            <Tooltip {...CHART.tooltip} />
            <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
            {statuses.map((s) => (
              <Bar key={s} dataKey={s} name={STATUS_LABELS[s]} stackId="items" fill={COLOURS[s]} isAnimationActive={false} />
            ))}
          </BarChart>
        )
      }
      table={
        <ChartTable
          caption="Items by category and status"
          columns={["Category", ...statuses.map((s) => STATUS_LABELS[s]), "Total"]}
          rows={rows.map((row) => ({
            key: row.category,
            label: CATEGORY_LABELS[row.category],
            values: [...statuses.map((s) => row[s]), statuses.reduce((sum, s) => sum + row[s], 0)],
          }))}
        />
      }
    />
  );
}
