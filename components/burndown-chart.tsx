"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { CHART, ChartCard, ChartTable, legendText, shortDate } from "@/components/chart-card";
import type { Forecast } from "@/lib/forecast/schema";
import { isoDay } from "@/lib/calendar/days";
import { projectionBand } from "@/lib/overview/burndown";
import type { BurndownPoint } from "@/lib/overview/schema";

/** What the chart needs of a forecast: the projected days and the target. */
export type BurndownProjection = Pick<Forecast, "projected" | "targetDate">;

type Row = { t: number; open?: number; items?: number; band?: [number, number] };

const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
/** "9 Jan", or "9 Jan 2027" when the year is not the chart's last day's. */
const dayText = (day: string, today: string) => (day.slice(0, 4) === today.slice(0, 4) ? shortDate(day) : `${shortDate(day)} ${day.slice(0, 4)}`);

function describe(points: BurndownPoint[], forecast: BurndownProjection | undefined, scope: string | undefined): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return "No item history yet.";
  const now = `${last.open} open critical ${last.open === 1 ? "blocker" : "blockers"} on ${shortDate(last.date)}`;
  const peak = Math.max(...points.map((p) => p.open));
  const trend = last.open === first.open ? `unchanged since ${shortDate(first.date)}` : `${last.open < first.open ? "down" : "up"} from ${first.open} on ${shortDate(first.date)}`;
  const blockers = points.length === 1 ? `${now}.` : `${now}, ${trend}; at most ${peak} in this period.`;
  const { p50, p85 } = forecast?.projected ?? { p50: null, p85: null };
  const projection = p50 && p85 && last.items > 0 ? `, projected to reach none between ${dayText(p50, last.date)} (50% likely) and ${dayText(p85, last.date)} (85% likely)` : "";
  const target = forecast?.targetDate ? `; target ${dayText(forecast.targetDate, last.date)}` : "";
  return `${blockers} ${last.items} open ${last.items === 1 ? "item" : "items"} in ${scope ?? "all"}${projection}${target}.`;
}

/** The history (open items and open critical blockers per day) and the points of the projection band, on one time axis. */
function chartRows(points: BurndownPoint[], forecast: BurndownProjection | undefined): Row[] {
  const rows = new Map<number, Row>(points.map((p) => [ms(p.date), { t: ms(p.date), open: p.open, items: p.items }]));
  const today = points.at(-1);
  if (today && forecast) {
    for (const corner of projectionBand({ today: today.date, open: today.items, ...forecast.projected })) {
      const t = ms(corner.date);
      rows.set(t, { ...(rows.get(t) ?? { t }), band: [corner.low, corner.high] });
    }
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/**
 * Open items and open critical blockers per day, reconstructed from item history
 * (lib/overview/burndown.ts), with the forecast's band from today's open items down to none
 * between the 50% and the 85% dates, and the target date. `scope` names what the items are ("this
 * phase"); the product's by default.
 */
export function BurndownChart({ points, forecast, scope }: { points: BurndownPoint[]; forecast?: BurndownProjection; scope?: string }) {
  const rows = chartRows(points, forecast);
  const start = rows[0]?.t ?? 0;
  const target = forecast?.targetDate ? ms(forecast.targetDate) : null;
  const showTarget = target !== null && target >= start;
  const end = Math.max(rows.at(-1)?.t ?? 0, showTarget ? target : 0);
  const banded = rows.some((row) => row.band);
  return (
    <ChartCard
      title={banded ? "Burndown and projection" : "Burndown"}
      summary={describe(points, forecast, scope)}
      testId="chart-burndown"
      chart={
        points.length > 0 && (
          <ComposedChart responsive accessibilityLayer={false} data={rows} margin={{ top: 8, right: 12, bottom: 0, left: -20 }} style={{ width: "100%", height: "100%" }}>
            <CartesianGrid strokeDasharray="3 3" stroke={CHART.grid} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={[start, end]}
              tickFormatter={(t: number) => shortDate(isoDay(t))}
              tick={CHART.tick}
              minTickGap={16}
            />
            <YAxis allowDecimals={false} tick={CHART.tick} />
            <Tooltip
              {...CHART.tooltip}
              labelFormatter={(t) => shortDate(isoDay(Number(t)))}
              formatter={(value) => (Array.isArray(value) ? `${value[1]} to ${value[0]}` : String(value))}
            />
            <Legend formatter={legendText} wrapperStyle={{ fontSize: 12 }} />
            {banded && <Area dataKey="band" name="Projected open items (50–85% likely)" fill="var(--color-amber-500)" fillOpacity={0.25} stroke="var(--color-amber-700)" strokeDasharray="4 3" isAnimationActive={false} />}
            <Line type="stepAfter" dataKey="items" name="Open items" stroke="var(--color-blue-700)" strokeWidth={2} dot={points.length <= 10} isAnimationActive={false} />
            <Line type="stepAfter" dataKey="open" name="Open critical blockers" stroke="var(--color-red-600)" strokeWidth={2} dot={points.length <= 10} isAnimationActive={false} />
            {showTarget && <ReferenceLine x={target} stroke="var(--color-gray-700)" strokeDasharray="2 2" label={{ value: "Target", position: "insideTopRight", fontSize: 11, fill: "var(--color-gray-700)" }} />}
          </ComposedChart>
        )
      }
      table={
        <ChartTable
          caption="Open critical blockers and open items per day"
          columns={["Day", "Open critical blockers", "Open items"]}
          rows={points.map((p) => ({ key: p.date, label: shortDate(p.date), values: [p.open, p.items] }))}
        />
      }
    />
  );
}
