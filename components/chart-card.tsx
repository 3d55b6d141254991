import { useId, type ReactNode } from "react";
import { Card } from "@/components/ui/card";

/**
 * A chart with its text alternatives: the drawing is one image labelled by a visible sentence that
 * states what it shows, and the numbers behind it are a table one click away. Colour is never the
 * only signal.
 */
export function ChartCard({ title, summary, testId, chart, table, empty }: {
  title: string;
  summary: string;
  testId: string;
  /** Falsy when there is nothing to draw: the summary then stands alone, with `empty` below it. */
  chart: ReactNode;
  table: ReactNode;
  empty?: ReactNode;
}) {
  const captionId = useId();
  return (
    <Card title={title} className="break-inside-avoid print:shadow-none">
      <figure data-testid={testId}>
        {chart ? (
          <div role="img" aria-labelledby={captionId} className="h-56 w-full">
            {chart}
          </div>
        ) : null}
        <figcaption id={captionId} className={chart ? "mt-2 text-sm text-gray-700" : "text-sm text-muted"} data-testid={`${testId}-summary`}>
          {summary}
        </figcaption>
        {chart ? (
          <details className="mt-2 text-sm print:hidden">
            <summary className="cursor-pointer text-blue-700 hover:underline">Show the data as a table</summary>
            <div className="mt-2 overflow-x-auto">{table}</div>
          </details>
        ) : (
          empty && <div className="mt-2 text-sm">{empty}</div>
        )}
      </figure>
    </Card>
  );
}

/** The data table behind a chart: first column names the row, the rest are counts. */
export function ChartTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: { key: string; label: string; values: number[] }[] }) {
  return (
    <table className="w-full text-left text-xs">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-muted">
        <tr>
          {columns.map((c, i) => (
            <th key={c} scope="col" className={`py-1 pr-2 font-medium ${i > 0 ? "text-right" : ""}`}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-t border-line">
            <th scope="row" className="py-1 pr-2 font-normal">
              {row.label}
            </th>
            {row.values.map((v, i) => (
              <td key={columns[i + 1] ?? i} className="py-1 pr-2 text-right tabular-nums">
                {v}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SHORT_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** "7 Mar" for a "2025-03-07" day, the same on the server and in the browser. */
export const shortDate = (isoDay: string) => SHORT_DATE.format(new Date(`${isoDay}T00:00:00Z`));

/**
 * Chart colours are the theme's variables, not hex codes: the dark scheme redefines them, so a chart
 * turns with the page. Series use the status badges' hues (see category-status-chart).
 */
export const CHART = {
  grid: "var(--color-gray-200)",
  tick: { fontSize: 12, fill: "var(--color-gray-600)" },
  label: { fontSize: 12, fill: "var(--color-gray-700)" },
  tooltip: {
    contentStyle: { backgroundColor: "var(--color-white)", borderColor: "var(--color-line)", color: "var(--color-ink)" },
    cursor: { fill: "var(--color-gray-100)", stroke: "var(--color-gray-400)" },
  },
} as const;

/** Legend names in the text colour: Recharts paints them in the series colour, too faint for the greys. */
export const legendText = (value: string) => <span className="text-gray-800">{value}</span>;
