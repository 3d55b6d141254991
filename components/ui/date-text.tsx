// Dates render the same on the server and in the browser (fixed locale and UTC), so hydration never disagrees.
const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function DateText({ iso, withTime = false, empty = "—" }: { iso: string | null; withTime?: boolean; empty?: string }) {
  if (!iso) return <span className="text-muted">{empty}</span>;
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={`${DATE_TIME.format(date)} UTC`} className="whitespace-nowrap">
      {withTime ? `${DATE_TIME.format(date)} UTC` : DATE.format(date)}
    </time>
  );
}
